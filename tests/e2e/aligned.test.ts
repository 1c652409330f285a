/**
 * The Aligned view (issue 17) in Chromium: the toggle lays both texts out
 * in the rows of their alignment (each row's first paragraphs level, a
 * marked gap where a text has nothing aligned), Sync then scrolls the panes
 * level, it works on a reader's own text from the Library, and it passes
 * axe at 1440 and 420 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unmatchedRuns } from '../../app/align/aligned-gaps.ts';
import { loadCuratedComparisons } from '../../annotations/comparisons/load-curated.ts';
import { alignEditions } from '../../sources/align/index.ts';
import { builtinEditions } from '../../sources/builtin.ts';
import { waitForMarks } from './helpers/compare-ui.ts';
import { headerTool, startReader, type Reader } from './helpers/ui.ts';

const WC = 'winstanley-chesters-2015';
const LANKOV = 'lankov-2007';

let reader: Reader;
beforeAll(async () => {
  reader = await startReader('wide');
  await reader.page.setViewportSize({ width: 1440, height: 900 });
});
afterAll(async () => {
  await reader?.close();
});

/** The alignment the reader should show (same module, same curated anchors). */
function expectedRows() {
  const editions = builtinEditions();
  const wc = editions.find((e) => e.id === WC)!;
  const lankov = editions.find((e) => e.id === LANKOV)!;
  const anchors = loadCuratedComparisons(editions).flatMap((c) => {
    const x = c.targets.find((t) => t.source === WC)?.selectors.address;
    const y = c.targets.find((t) => t.source === LANKOV)?.selectors.address;
    return x && y ? [{ a: x as string, b: y as string }] : [];
  });
  return alignEditions(wc, lankov, { anchors }).rows;
}

/** The runs of paragraphs with no counterpart in `rows` (the app's own grouping). */
function expectedRuns(rows: ReturnType<typeof expectedRows>) {
  const editions = builtinEditions();
  const blocks = (id: string) => editions.find((e) => e.id === id)!.blocks.map((b) => b.address);
  return unmatchedRuns(rows, [blocks(WC), blocks(LANKOV)]);
}

/** The two panes' scroll heights. */
const scrollHeights = () =>
  reader.page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.pane-scroll')].map((el) => el.scrollHeight),
  );

/** Each address's top within its pane's scrolled content (independent of the scroll position). */
function contentTops(addresses: readonly string[]): Promise<Record<string, number>> {
  return reader.page.evaluate((list) => {
    const out: Record<string, number> = {};
    for (const a of list) {
      const el = document.querySelector<HTMLElement>(`[data-address="${CSS.escape(a)}"]`);
      const scroll = el?.closest<HTMLElement>('.pane-scroll');
      if (!el || !scroll) continue;
      const block = el.closest<HTMLElement>('.block') ?? el;
      out[a] =
        block.getBoundingClientRect().top - scroll.getBoundingClientRect().top + scroll.scrollTop;
    }
    return out;
  }, addresses);
}

const alignedButton = () =>
  reader.page.getByRole('button', { name: 'Aligned', includeHidden: true });

async function turnOnAligned(): Promise<void> {
  await alignedButton().click();
  expect(await alignedButton().getAttribute('aria-pressed')).toBe('true');
  await reader.page.locator('.aligned-gap').first().waitFor();
}

describe('the Aligned view', () => {
  it('lays both texts out in rows: aligned paragraphs level, runs without a counterpart collapsed into one row', async () => {
    await reader.openApp();
    await waitForMarks(reader);
    const rows = expectedRows();
    const runs = expectedRuns(rows);
    expect(runs.length).toBeGreaterThan(3);
    // How tall the unmatched paragraphs are, and the panes, in the normal layout.
    const unmatchedHeight = await reader.page.evaluate(
      (list) =>
        list.reduce(
          (sum, a) =>
            sum +
            document
              .querySelector(`[data-address="${CSS.escape(a)}"]`)!
              .closest('.block')!
              .getBoundingClientRect().height,
          0,
        ),
      runs.flatMap((r) => r.paragraphs),
    );
    const natural = Math.max(...(await scrollHeights()));
    const both = rows.filter((r) => r.a.length > 0 && r.b.length > 0);
    expect(both.length).toBeGreaterThan(5);
    const firsts = both.flatMap((r) => [r.a[0]!, r.b[0]!]);
    const before = await contentTops(firsts);
    const unlevelBefore = both.filter(
      (r) => Math.abs(before[r.a[0]!]! - before[r.b[0]!]!) > 2,
    ).length;
    expect(unlevelBefore).toBeGreaterThan(both.length / 2);

    await turnOnAligned();
    await expect
      .poll(async () => {
        const tops = await contentTops(firsts);
        return both.filter((r) => Math.abs(tops[r.a[0]!]! - tops[r.b[0]!]!) > 2).map((r) => r.a[0]);
      })
      .toEqual([]);
    // The room the view adds to the longer text, against what the unmatched paragraphs take
    // (at 1440 px: 2,322 px before, when each run left the other pane a blank room as tall as
    // it, with 1,997 px of unmatched paragraphs; 224 px now, for the levelling of the rows).
    const added = Math.max(...(await scrollHeights())) - natural;
    expect(added).toBeLessThan(unmatchedHeight / 2);
    // Each run of paragraphs with no counterpart is one collapsed row naming them, its
    // paragraphs hidden: the reader no longer scrolls past a blank half-page as tall as them.
    const buttons = reader.page.locator('.aligned-run');
    expect(await buttons.count()).toBe(runs.length);
    for (const run of runs) {
      const button = reader.page.locator(`.aligned-run[data-run="${run.paragraphs[0]}"]`);
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      const n = run.paragraphs.length;
      expect(await button.textContent()).toContain(`${n} paragraph${n === 1 ? '' : 's'}`);
      expect(await reader.paragraph(run.paragraphs[0]!).isVisible()).toBe(false);
    }
    await reader.screenshot('aligned-wide');
    expect(await reader.axeViolations()).toEqual([]);
    // Enter on a run's row shows its paragraphs (aria-expanded), still level with the rows around.
    for (const run of runs) {
      const button = reader.page.locator(`.aligned-run[data-run="${run.paragraphs[0]}"]`);
      await button.focus();
      await reader.page.keyboard.press('Enter');
      await expect.poll(() => button.getAttribute('aria-expanded')).toBe('true');
    }
    for (const run of runs)
      expect(await reader.paragraph(run.paragraphs[0]!).isVisible()).toBe(true);
    await expect
      .poll(async () => {
        const tops = await contentTops(firsts);
        return both.filter((r) => Math.abs(tops[r.a[0]!]! - tops[r.b[0]!]!) > 2).map((r) => r.a[0]);
      })
      .toEqual([]);
    // Shown, a run's paragraphs face a marked gap naming them in the other pane.
    const boxes = reader.page.locator('.aligned-gap-box');
    expect(await boxes.count()).toBeGreaterThan(0);
    expect(await boxes.first().textContent()).toMatch(
      /^No counterpart here for (Lankov|Winstanley)/,
    );
    // Each box is compact (it filled its gap: up to 2,237 px of hatching at 1440 px, the gap also
    // holding the levelling of the row before) and faces the first paragraph it names.
    const faced = await boxes.evaluateAll((els) =>
      els.map((box) => {
        const inPane = (el: Element) => {
          const scroll = el.closest<HTMLElement>('.pane-scroll')!;
          return (
            el.getBoundingClientRect().top - scroll.getBoundingClientRect().top + scroll.scrollTop
          );
        };
        const address = box.getAttribute('data-unmatched')!;
        const para = document
          .querySelector(`[data-address="${CSS.escape(address)}"]`)!
          .closest('.block')!;
        return {
          address,
          height: box.getBoundingClientRect().height,
          offset: inPane(box) - inPane(para),
        };
      }),
    );
    expect(faced.length).toBeGreaterThan(2);
    expect(Math.max(...faced.map((f) => f.height))).toBeLessThanOrEqual(60);
    for (const f of faced) expect(Math.abs(f.offset), f.address).toBeLessThanOrEqual(2);
    await reader.screenshot('aligned-wide-expanded');
    expect(await reader.axeViolations()).toEqual([]);
    // And a click hides them again.
    await buttons.first().click();
    await expect.poll(() => buttons.first().getAttribute('aria-expanded')).toBe('false');
    expect(await reader.paragraph(runs[0]!.paragraphs[0]!).isVisible()).toBe(false);
    // A link to a paragraph of a collapsed run opens the run and brings the paragraph into view.
    const run = runs.find((r) => r.side === 1 && r.paragraphs.length > 1)!;
    // (Every run collapsed first.)
    const open = reader.page.locator('.aligned-run[aria-expanded="true"]');
    while ((await open.count()) > 0) await open.first().click();
    const target = run.paragraphs[1]!;
    await reader.page.evaluate((a) => (window.location.hash = a), target);
    const button = reader.page.locator(`.aligned-run[data-run="${run.paragraphs[0]}"]`);
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => reader.paragraph(target).isVisible()).toBe(true);
    await expect
      .poll(() =>
        reader.paragraph(target).evaluate((el) => {
          const pane = el.closest('.pane-scroll')!.getBoundingClientRect();
          const box = el.getBoundingClientRect();
          return box.top >= pane.top - 1 && box.top < pane.bottom;
        }),
      )
      .toBe(true);
  });

  it('Sync follows the alignment: the panes scroll level', async () => {
    await reader.openApp();
    await waitForMarks(reader);
    await turnOnAligned();
    await reader.page.getByRole('button', { name: 'Sync panes' }).click();
    const row = expectedRows().filter((r) => r.a.length > 0 && r.b.length > 0)[6]!;
    // Scroll the Winstanley-Chesters pane to the row's paragraph.
    await reader.paragraph(row.a[0]!).evaluate((el) => {
      const scroll = el.closest('.pane-scroll')!;
      const block = el.closest('.block')!;
      scroll.scrollTop += block.getBoundingClientRect().top - scroll.getBoundingClientRect().top;
    });
    // The Lankov pane follows to the same row: its paragraph sits level with it on screen.
    await expect
      .poll(async () => {
        const [a, b] = await Promise.all(
          [row.a[0]!, row.b[0]!].map((x) =>
            reader.paragraph(x).evaluate((el) => el.getBoundingClientRect().top),
          ),
        );
        return Math.abs(a! - b!);
      })
      .toBeLessThanOrEqual(2);
    await reader.page.getByRole('button', { name: 'Sync panes' }).click();
    // Off again: the gaps go, the text is as it was.
    await alignedButton().click();
    await expect.poll(() => reader.page.locator('.aligned-gap').count()).toBe(0);
  });

  it("works on a reader's own text from the Library", async () => {
    await reader.openApp();
    const text = [
      '# Notes on Russia and North Korea',
      '',
      'Relations with Pyongyang revived in 1999 after Putin rose to power, and Moscow kept investing in the railway to Rason.',
      '',
      'A paragraph about something else entirely: the weather in Vladivostok, ferries and fishing boats.',
      '',
      'The Soviet Union established diplomatic relations with South Korea in September 1990 and aid to the North was halted.',
      '',
    ].join('\n');
    await reader.page
      .getByTestId('add-text-input')
      .setInputFiles({ name: 'my-notes.md', mimeType: 'text/markdown', buffer: Buffer.from(text) });
    const pane = reader.page.locator('.pane[data-source^="my-notes-"]');
    await expect.poll(() => pane.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await turnOnAligned();
    // The other pane's text and the reader's own are laid out level where they align.
    await expect.poll(() => reader.page.locator('.aligned-gap').count()).toBeGreaterThan(0);
    await reader.screenshot('aligned-own-text');
  });

  it('fits a 420 px screen', async () => {
    await reader.page.setViewportSize({ width: 420, height: 860 });
    try {
      await reader.openApp();
      // Behind Tools at this width; its state is kept there.
      await (await headerTool(reader.page, 'Aligned')).click();
      expect(await alignedButton().getAttribute('aria-pressed')).toBe('true');
      // One text at a time: nothing to level, no gaps; the page does not scroll sideways.
      expect(await reader.page.locator('.aligned-gap').count()).toBe(0);
      expect(await reader.notice().textContent()).toMatch(/one text is shown at a time/);
      const width = await reader.page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(420);
      await reader.screenshot('aligned-narrow');
      expect(await reader.axeViolations()).toEqual([]);
    } finally {
      await reader.page.setViewportSize({ width: 1440, height: 900 });
    }
  });
});
