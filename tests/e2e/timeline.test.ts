/**
 * The Timeline view (issue 17) in Chromium at 1440 and 420 px: two lanes,
 * marks that open their sentence, comparison links between lanes, the table
 * form, SVG and CSV export, and no serious axe violation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparisonId, waitForMarks } from './helpers/compare-ui.ts';
import { downloadedText, headerTool, startReader, type Reader } from './helpers/ui.ts';

let reader: Reader;
beforeAll(async () => {
  reader = await startReader('wide');
  await reader.page.setViewportSize({ width: 1440, height: 900 });
  // The chart must draw under the app's Content-Security-Policy (no inline style sheet).
  await reader.page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
  });
});

const violations = () =>
  reader.page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
afterAll(async () => {
  await reader?.close();
});

const dialog = () => reader.page.getByRole('dialog', { name: 'Timeline' });

/** The SVG file exported at 1440 px, compared with the one exported at 420 px. */
let exportedAt1440 = '';

async function openTimeline(): Promise<void> {
  await (await headerTool(reader.page, 'Timeline')).click();
  await dialog().locator('.timeline-mark-link').first().waitFor();
}

describe('the Timeline view', () => {
  it('draws both texts in two lanes with linked marks and the same data as a table', async () => {
    await reader.openApp();
    await waitForMarks(reader);
    await openTimeline();
    const lanes = dialog().locator('.timeline-lane0 .timeline-mark-link');
    const lanes1 = dialog().locator('.timeline-lane1 .timeline-mark-link');
    expect(await lanes.count()).toBe(17);
    expect(await lanes1.count()).toBe(50);
    // The two texts date the revival differently (Lankov: the mood changed "around 1995";
    // Winstanley-Chesters: relations "revived in 1999"); the curated comparison joins the marks.
    const revival = dialog().locator(
      `.timeline-link[data-comparison="${comparisonId('revival-date')}"]`,
    );
    expect(await revival.count()).toBe(1);
    expect(await revival.getAttribute('data-from')).toMatch(/^winstanley-chesters-2015:12\.1@/);
    expect(await revival.getAttribute('data-to')).toMatch(/^lankov-2007:11\.1@/);
    const wc1999 = dialog().locator('[data-event^="winstanley-chesters-2015:12.1@"]').first();
    expect(await wc1999.getAttribute('aria-label')).toMatch(/1999.*compared with/);
    // Focus on a mark emphasises its link (keyboard and pointer alike).
    await wc1999.focus();
    await expect.poll(() => revival.getAttribute('class')).toMatch(/timeline-link--active/);
    // The table says the same in words: the other text's date, its passage, relation and topic.
    const row = dialog().locator('tr[data-row-event^="winstanley-chesters-2015:12.1@"]').first();
    // Passages in words, as everywhere else in the reader, not bare addresses ("12.1", "11.1").
    expect(await row.textContent()).toMatch(
      /1995 \(“around 1995”, ¶11, sentence 1\): qualifies, When Moscow’s interest revived/,
    );
    expect(await row.locator('td[data-label="Passage"]').textContent()).toBe('¶12, sentence 1');
    // Its links name their text (a list of links read "12.1, 11.1, …").
    expect(
      await row.getByRole('link', { name: 'Winstanley-Chesters (2015) ¶12, sentence 1' }).count(),
    ).toBe(1);
    expect(await row.getByRole('link', { name: 'Lankov (2007) ¶11, sentence 1' }).count()).toBe(1);
    expect(await wc1999.getAttribute('aria-label')).toMatch(
      /^Winstanley-Chesters \(2015\) ¶12, sentence 1: 1999/,
    );
    const rows = dialog().getByRole('table').locator('tbody tr');
    expect(await rows.count()).toBe(67);
    const inferred = dialog().getByRole('row').filter({ hasText: 'last year' }).first();
    expect(await inferred.textContent()).toMatch(/2014.*Inferred: "last year"/);
    // Nothing blocked but zod's probe for eval, which it catches (as content-security-policy.test.ts).
    expect((await violations()).filter((v) => !/^script-src eval$/.test(v))).toEqual([]);
    // Drawn in its lane's colour (set as attributes, which the policy allows).
    expect(
      await lanes1
        .first()
        .locator('rect')
        .evaluate((el) => getComputedStyle(el).fill),
    ).toBe('rgb(164, 80, 27)');
    await reader.screenshot('timeline-wide');
    expect(await reader.axeViolations()).toEqual([]);
  });

  it('a mark opens its sentence in the pane', async () => {
    await reader.openApp();
    await waitForMarks(reader);
    await openTimeline();
    const mark = dialog().locator('[data-event^="lankov-2007:10.1@"]');
    expect(await mark.getAttribute('aria-label')).toMatch(/September 1990/);
    await mark.focus();
    await reader.page.keyboard.press('Enter');
    await expect.poll(() => dialog().count()).toBe(0);
    await expect.poll(() => reader.page.evaluate(() => location.hash)).toBe('#lankov-2007:10.1');
    await expect
      .poll(() => reader.paragraph('lankov-2007:10.1').getAttribute('aria-current'))
      .toBe('location');
  });

  it('exports SVG and CSV', async () => {
    await reader.openApp();
    await openTimeline();
    const [svg] = await Promise.all([
      reader.page.waitForEvent('download'),
      dialog().getByRole('button', { name: 'Export SVG' }).click(),
    ]);
    expect(svg.suggestedFilename()).toBe('diptych-timeline.svg');
    const svgText = await downloadedText(svg);
    expect(svgText).toMatch(/^<\?xml[^>]*>\n<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    // Self-contained: drawn with presentation attributes, every mark in it.
    expect(svgText).not.toContain('<style');
    expect(svgText).toContain('fill="#a4501b"');
    expect(svgText.match(/class="timeline-mark(?: |")/g)).toHaveLength(67);
    // Readable on its own: a title first, then a white background (it was transparent, and a
    // dark image viewer or slide showed the axis and labels, drawn in #333, on black).
    expect(svgText).toMatch(
      /^<\?xml[^>]*>\n<svg[^>]*><title>Dated expressions of Winstanley-Chesters \(2015\) and Lankov \(2007\) \(Diptych timeline\)<\/title><rect width="100%" height="100%" fill="#fff"\/>/,
    );
    // Self-explanatory: a heading and a legend inside the picture, as SVG text, saying which text
    // is which colour and what hollow marks, dashed lines and // mean (the file had none).
    const parsed = await reader.page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const svg = doc.documentElement;
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        width: svg.getAttribute('width'),
        heading: svg.querySelector('.timeline-heading')?.textContent,
        legend: [...svg.querySelectorAll('.timeline-legend [data-legend]')].map((g) => ({
          key: g.getAttribute('data-legend'),
          text: g.querySelector('text')?.textContent,
          fill: g.querySelector('rect')?.getAttribute('fill') ?? null,
        })),
      };
    }, svgText);
    expect(parsed.error).toBeNull();
    expect(parsed.heading).toBe(
      'Dated expressions of Winstanley-Chesters (2015) and Lankov (2007)',
    );
    expect(parsed.legend.map((l) => l.key)).toEqual([
      'lane0',
      'lane1',
      'inferred',
      'links',
      'break',
      'rows',
    ]);
    const entry = (key: string) => parsed.legend.find((l) => l.key === key)!;
    expect(entry('lane0')).toMatchObject({ fill: '#2c5d8a' });
    expect(entry('lane0').text).toMatch(/^Winstanley-Chesters \(2015\) \(upper lane\)/);
    expect(entry('lane1')).toMatchObject({ fill: '#a4501b' });
    expect(entry('lane1').text).toMatch(/^Lankov \(2007\) \(lower lane\)/);
    expect(entry('inferred').text).toMatch(/^Hollow: a date inferred/);
    expect(entry('links').text).toMatch(/comparison links/);
    expect(entry('break').text).toMatch(/compressed before \d{4}/);
    // The same picture whatever the window: a fixed width, not the dialog's.
    expect(parsed.width).toBe('1000');
    exportedAt1440 = svgText;
    const [csv] = await Promise.all([
      reader.page.waitForEvent('download'),
      dialog().getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe('diptych-timeline.csv');
    const lines = (await downloadedText(csv)).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'source,address,expression,from,to,precision,qualifier,inferred,reason,sentence',
    );
    expect(lines).toHaveLength(68);
  });

  it('fits a 420 and a 320 px screen: the chart is drawn at the dialog width, the table is a list of cards', async () => {
    await reader.page.setViewportSize({ width: 420, height: 860 });
    await reader.openApp();
    await openTimeline();
    const width = await reader.page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(420);
    // The chart is drawn to the dialog's width rather than shrunk: its text stays legible.
    const chart = await dialog()
      .locator('.timeline-chart')
      .evaluate((el) => ({ client: el.clientWidth, scroll: el.scrollWidth }));
    expect(chart.scroll).toBeLessThanOrEqual(chart.client);
    // The table as cards of labelled fields: nothing scrolled out of sight sideways (its six
    // columns hid "Compared with" and "Note" beyond the edge), each field named.
    const table = await dialog()
      .locator('.timeline-table-scroll')
      .evaluate((el) => ({
        client: el.clientWidth,
        scroll: el.scrollWidth,
        label: getComputedStyle(el.querySelector('td')!, '::before').content,
      }));
    expect(table.scroll).toBeLessThanOrEqual(table.client);
    expect(table.label).toBe('"Text"');
    await reader.screenshot('timeline-narrow');
    expect(await reader.axeViolations()).toEqual([]);
    // The exported file is the one exported at 1440 px, byte for byte (it was drawn at the
    // dialog's width: 335 px here, cramped, and another picture).
    const [svg] = await Promise.all([
      reader.page.waitForEvent('download'),
      dialog().getByRole('button', { name: 'Export SVG' }).click(),
    ]);
    expect(exportedAt1440).not.toBe('');
    expect(await downloadedText(svg)).toBe(exportedAt1440);
    // At 320 px the chart fits too: it was never drawn narrower than 300 px, and the dialog
    // leaves it 235, so it scrolled sideways inside its box.
    await reader.page.setViewportSize({ width: 320, height: 700 });
    const fits = () =>
      dialog()
        .locator('.timeline-chart')
        .evaluate((el) => el.scrollWidth <= el.clientWidth && el.clientWidth < 300);
    await expect.poll(fits).toBe(true);
    // Its labels are still readable: the year labels and the lane labels inside the picture,
    // at full size, none over another.
    const labels = await dialog()
      .locator('.timeline-chart svg')
      .evaluate((svg) => {
        const box = svg.getBoundingClientRect();
        const texts = [...svg.querySelectorAll('text')].map((t) => ({
          rect: t.getBoundingClientRect(),
          size: parseFloat(getComputedStyle(t).fontSize),
          lane: t.classList.contains('timeline-lane-label'),
        }));
        const inside = texts.every(
          (t) => t.rect.left >= box.left - 0.5 && t.rect.right <= box.right + 0.5,
        );
        const ticks = texts.filter((t) => !t.lane).map((t) => t.rect);
        const overlap = ticks.some((r, i) => i > 0 && r.left < ticks[i - 1]!.right);
        return {
          inside,
          overlap,
          sizes: [...new Set(texts.map((t) => t.size))],
          ticks: ticks.length,
        };
      });
    expect(labels).toEqual({ inside: true, overlap: false, sizes: [12], ticks: labels.ticks });
    expect(labels.ticks).toBeGreaterThanOrEqual(3);
    expect(
      await reader.page.evaluate(() => document.documentElement.scrollWidth),
    ).toBeLessThanOrEqual(320);
    await reader.screenshot('timeline-320');
    await reader.page.setViewportSize({ width: 1440, height: 900 });
  });
});
