/**
 * The Timeline view (issue 17) in Chromium at 1440 and 420 px: two lanes,
 * marks that open their sentence, comparison links between lanes, the table
 * form, SVG and CSV export, and no serious axe violation.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForMarks } from './helpers/compare-ui.ts';
import { startReader, type Reader } from './helpers/ui.ts';

let reader: Reader;
beforeAll(async () => {
  reader = await startReader('wide');
  await reader.page.setViewportSize({ width: 1440, height: 900 });
});
afterAll(async () => {
  await reader?.close();
});

const dialog = () => reader.page.getByRole('dialog', { name: 'Timeline' });

async function openTimeline(): Promise<void> {
  await reader.page.getByRole('button', { name: 'Timeline' }).click();
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
    expect(await dialog().locator('.timeline-link').count()).toBeGreaterThan(0);
    const rows = dialog().getByRole('table').locator('tbody tr');
    expect(await rows.count()).toBe(67);
    const inferred = dialog().getByRole('row').filter({ hasText: 'last year' }).first();
    expect(await inferred.textContent()).toMatch(/2014.*Inferred: "last year"/);
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
    const svgFile = path.join(tmpdir(), `diptych-timeline-${Date.now()}.svg`);
    await svg.saveAs(svgFile);
    const svgText = readFileSync(svgFile, 'utf8');
    expect(svgText).toMatch(/^<\?xml[^>]*>\n<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    const [csv] = await Promise.all([
      reader.page.waitForEvent('download'),
      dialog().getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const csvFile = path.join(tmpdir(), `diptych-timeline-${Date.now()}.csv`);
    await csv.saveAs(csvFile);
    const lines = readFileSync(csvFile, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'source,address,expression,from,to,precision,qualifier,inferred,reason,sentence',
    );
    expect(lines).toHaveLength(68);
  });

  it('fits a 420 px screen: the chart scrolls sideways, the table stays readable', async () => {
    await reader.page.setViewportSize({ width: 420, height: 860 });
    await reader.openApp();
    await openTimeline();
    const width = await reader.page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(420);
    await reader.screenshot('timeline-narrow');
    expect(await reader.axeViolations()).toEqual([]);
    await reader.page.setViewportSize({ width: 1440, height: 900 });
  });
});
