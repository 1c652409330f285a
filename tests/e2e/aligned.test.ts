/**
 * The Aligned view (issue 17) in Chromium: the toggle lays both texts out
 * in the rows of their alignment (each row's first paragraphs level, a
 * marked gap where a text has nothing aligned), Sync then scrolls the panes
 * level, it works on a reader's own text from the Library, and it passes
 * axe at 1440 and 420 px.
 *
 * One page for the file: only the first test loads the app (and waits for
 * the comparison marks, which the view is laid out by); each test after it
 * goes on from the state the one before left, which it names at its start.
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

/**
 * Each address's top within its pane's scrolled content (independent of the scroll position):
 * where its block lies, not where a held part of a row is drawn while stuck in view (its
 * `.aligned-hold`, sticky, is first in its `.aligned-row`, so unstuck it starts at the row's top).
 */
function contentTops(addresses: readonly string[]): Promise<Record<string, number>> {
  return reader.page.evaluate((list) => {
    const out: Record<string, number> = {};
    for (const a of list) {
      const el = document.querySelector<HTMLElement>(`[data-address="${CSS.escape(a)}"]`);
      const scroll = el?.closest<HTMLElement>('.pane-scroll');
      if (!el || !scroll) continue;
      const block = el.closest<HTMLElement>('.block') ?? el;
      const hold = block.closest('.aligned-hold');
      const stuck = hold
        ? hold.getBoundingClientRect().top - hold.parentElement!.getBoundingClientRect().top
        : 0;
      out[a] =
        block.getBoundingClientRect().top -
        stuck -
        scroll.getBoundingClientRect().top +
        scroll.scrollTop;
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

/** Hides every run a test has shown (the state the view opens in). */
async function collapseEveryRun(): Promise<void> {
  const open = reader.page.locator('.aligned-run[aria-expanded="true"]');
  while ((await open.count()) > 0) await open.first().click();
  expect(await reader.page.locator('.aligned-run').count()).toBeGreaterThan(0);
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
    await collapseEveryRun();
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

  it('a paragraph aligned with many stays in sight through its row, saying what it faces', async () => {
    // Aligned is on from the test before, one run shown by its link: every run collapsed again,
    // the view is as it opens.
    expect(await alignedButton().getAttribute('aria-pressed')).toBe('true');
    await collapseEveryRun();
    const natural = await scrollHeights();
    // Every row of one paragraph against three or more (Winstanley-Chesters 19 against Lankov
    // 25-38 among them): the panes scrolled level to the middle of the many, the one is on screen.
    const oneToMany = expectedRows().flatMap((r) =>
      r.a.length === 1 && r.b.length >= 3
        ? [{ one: r.a[0]!, many: r.b }]
        : r.b.length === 1 && r.a.length >= 3
          ? [{ one: r.b[0]!, many: r.a }]
          : [],
    );
    expect(oneToMany.map((r) => r.one)).toContain(`${WC}:19`);
    for (const { one, many } of oneToMany) {
      const middle = many[Math.floor(many.length / 2)]!;
      const seen = await reader.paragraph(middle).evaluate((el, address) => {
        const scroll = el.closest<HTMLElement>('.pane-scroll')!;
        const block = el.closest('.block')!;
        const at =
          scroll.scrollTop + block.getBoundingClientRect().top - scroll.getBoundingClientRect().top;
        for (const s of document.querySelectorAll<HTMLElement>('.pane-scroll')) s.scrollTop = at;
        const held = document.querySelector(`[data-address="${CSS.escape(address)}"]`)!;
        const box = held.closest('.block')!.getBoundingClientRect();
        const view = held.closest('.pane-scroll')!.getBoundingClientRect();
        const face = held.closest('.aligned-hold')?.querySelector('.aligned-face');
        return {
          scrolledTo: Math.abs(Math.round(scroll.scrollTop - at)),
          inView: box.top >= view.top - 1 && box.bottom <= view.bottom + 1,
          face: face?.textContent ?? null,
          faceInView: face ? face.getBoundingClientRect().bottom <= view.bottom + 1 : false,
        };
      }, one);
      expect(seen.scrolledTo, middle).toBe(0);
      expect(seen, `${one} beside ${middle}`).toMatchObject({ inView: true, faceInView: true });
      expect(seen.face).toMatch(/^faces (Lankov \(2007\)|Winstanley-Chesters \(2015\)) ¶\d+–\d+$/);
    }
    expect(
      await reader.page
        .locator('.aligned-hold:has([data-address="' + WC + ':19"]) .aligned-face')
        .textContent(),
    ).toBe('faces Lankov (2007) ¶25–38');
    await reader.screenshot('aligned-wide-held');
    // Held rows take the room that was blank: the panes are no taller, and the rows still level.
    expect(await scrollHeights()).toEqual(natural);
    const both = expectedRows().filter((r) => r.a.length > 0 && r.b.length > 0);
    const tops = await contentTops(both.flatMap((r) => [r.a[0]!, r.b[0]!]));
    expect(
      both.filter((r) => Math.abs(tops[r.a[0]!]! - tops[r.b[0]!]!) > 2).map((r) => r.a[0]),
    ).toEqual([]);
    expect(await reader.axeViolations()).toEqual([]);
  });

  it('Up/Down reach a collapsed run as its row; Enter shows it and Down goes into it', async () => {
    // Aligned is on from the tests before, every run collapsed.
    expect(await alignedButton().getAttribute('aria-pressed')).toBe('true');
    await collapseEveryRun();
    const run = expectedRuns(expectedRows()).find((r) => r.side === 1 && r.paragraphs.length > 1)!;
    const row = reader.page.locator(`.aligned-run[data-run="${run.paragraphs[0]}"]`);
    const [before, after] = await row.evaluate((button) => {
      // The passages shown just before and after the run's row in its pane.
      const shown = [
        ...button.closest('article')!.querySelectorAll<HTMLElement>('.block-text[data-address]'),
      ].filter((el) => el.getClientRects().length > 0);
      const i = shown.findIndex(
        (el) => button.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING,
      );
      return [shown[i - 1]!.dataset.address!, shown[i]!.dataset.address!];
    });
    const focused = () =>
      reader.page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return el.dataset.run ? `row ${el.dataset.run}` : (el.dataset.address ?? el.tagName);
      });
    await reader.paragraph(before).focus();
    await reader.pressKey('ArrowDown');
    await expect.poll(focused).toBe(`row ${run.paragraphs[0]}`);
    expect(await row.getAttribute('aria-expanded')).toBe('false');
    // Down again passes the collapsed run; Up comes back to its row, then to the passage before.
    await reader.pressKey('ArrowDown');
    await expect.poll(focused).toBe(after);
    expect(await row.getAttribute('aria-expanded')).toBe('false');
    await reader.pressKey('ArrowUp');
    await expect.poll(focused).toBe(`row ${run.paragraphs[0]}`);
    // Enter shows the run, the focus staying on its row; Down goes to its first paragraph.
    await reader.pressKey('Enter');
    await expect.poll(() => row.getAttribute('aria-expanded')).toBe('true');
    expect(await focused()).toBe(`row ${run.paragraphs[0]}`);
    await reader.pressKey('ArrowDown');
    await expect.poll(focused).toBe(run.paragraphs[0]);
    expect(await reader.paragraph(run.paragraphs[0]!).isVisible()).toBe(true);
    await reader.pressKey('ArrowUp');
    await expect.poll(focused).toBe(`row ${run.paragraphs[0]}`);
    // Space hides it again.
    await reader.pressKey('Space');
    await expect.poll(() => row.getAttribute('aria-expanded')).toBe('false');
    await reader.pressKey('ArrowUp');
    await expect.poll(focused).toBe(before);
  });

  it('run rows are no Tab stops of their own: one per pane, a focused row holding it', async () => {
    // Aligned is on from the tests before, every run collapsed; the focus leaves the text.
    expect(await alignedButton().getAttribute('aria-pressed')).toBe('true');
    await collapseEveryRun();
    await reader.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const run = expectedRuns(expectedRows()).find((r) => r.side === 0)!;
    const row = reader.page.locator(`.aligned-run[data-run="${run.paragraphs[0]}"]`);
    // No run row in the Tab order while the focus is elsewhere.
    const tabbable = () =>
      reader.page.$$eval('.aligned-run', (els) => els.filter((el) => el.tabIndex >= 0).length);
    expect(await tabbable()).toBe(0);
    // From the left pane's stop, on the passage just before a run's row: Tab passes the passage's
    // own controls and leaves the text for the right pane, never stopping on a run's row.
    const before = await row.evaluate((button) => {
      const shown = [
        ...button.closest('article')!.querySelectorAll<HTMLElement>('.block-text[data-address]'),
      ].filter((el) => el.getClientRects().length > 0);
      const i = shown.findIndex(
        (el) => button.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING,
      );
      return shown[i - 1]!.dataset.address!;
    });
    await reader.paragraph(before).focus();
    const met: string[] = [];
    for (let i = 0; i < 30; i++) {
      await reader.pressKey('Tab');
      const where = await reader.page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return {
          run: el.classList.contains('aligned-run'),
          pane: el.closest('.pane')?.getAttribute('data-pane') ?? null,
          inText: el.closest('.pane-scroll') !== null,
        };
      });
      if (where.run) met.push('run row');
      if (where.pane !== '0' || !where.inText) break;
    }
    expect(met).toEqual([]);
    expect(
      await reader.page.evaluate(() =>
        document.activeElement?.closest('.pane')?.getAttribute('data-pane'),
      ),
    ).toBe('1');
    // A run row reached with Up/Down holds its pane's one stop: Tab leaves, Shift+Tab comes back.
    await reader.paragraph(before).focus();
    await reader.pressKey('ArrowDown');
    await expect.poll(() => row.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await tabbable()).toBe(1);
    expect(
      await reader.page.$$eval('.pane[data-pane="0"] article [tabindex="0"]', (els) => els.length),
    ).toBe(1);
    await reader.pressKey('Tab');
    expect(await row.evaluate((el) => el === document.activeElement)).toBe(false);
    await reader.pressKey('Shift+Tab');
    expect(await row.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('Scroll both follows the alignment: the panes scroll level', async () => {
    // Aligned is on from the tests before.
    expect(await alignedButton().getAttribute('aria-pressed')).toBe('true');
    await reader.page.getByRole('button', { name: 'Scroll both' }).click();
    const row = expectedRows().filter((r) => r.a.length > 0 && r.b.length > 0)[6]!;
    // Scroll the Winstanley-Chesters pane to the row's paragraph.
    const at = (await contentTops([row.a[0]!]))[row.a[0]!]!;
    await reader.paragraph(row.a[0]!).evaluate((el, top) => {
      el.closest('.pane-scroll')!.scrollTop = top;
    }, at);
    // The Lankov pane follows to the same row: its paragraph lies level with it (where the
    // panes are scrolled to, not where a held part of a row is drawn while stuck in view).
    await expect
      .poll(async () => {
        const scrolled = await reader.page.$$eval('.pane-scroll', (els) =>
          els.map((el) => el.scrollTop),
        );
        const tops = await contentTops([row.a[0]!, row.b[0]!]);
        return [
          Math.abs(scrolled[0]! - scrolled[1]!),
          Math.abs(tops[row.a[0]!]! - tops[row.b[0]!]!),
        ].map((d) => d <= 2);
      })
      .toEqual([true, true]);
    await reader.page.getByRole('button', { name: 'Scroll both' }).click();
    // Off again: the gaps go, the text is as it was.
    await alignedButton().click();
    expect(await alignedButton().getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => reader.page.locator('.aligned-gap').count()).toBe(0);
  });

  it("works on a reader's own text from the Library", async () => {
    // Aligned is off from the test before.
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
    // Off again, for the next test to turn on at 420 px.
    await alignedButton().click();
    expect(await alignedButton().getAttribute('aria-pressed')).toBe('false');
  });

  it('fits a 420 px screen', async () => {
    await reader.page.setViewportSize({ width: 420, height: 860 });
    try {
      // Aligned is off from the test before.
      // Behind Tools at this width; its state is kept there.
      await (await headerTool(reader.page, 'Aligned')).click();
      expect(await alignedButton().getAttribute('aria-pressed')).toBe('true');
      // One text at a time: nothing to level, no gaps; the page does not scroll sideways.
      expect(await reader.page.locator('.aligned-gap').count()).toBe(0);
      const notice = await reader.notice().textContent();
      expect(notice).toMatch(/one text is shown at a time/);
      // It names the tool by its button, Scroll both: Sync is the annotation sync.
      expect(notice).toMatch(/Scroll both follows the alignment/);
      expect(notice).not.toMatch(/\bSync\b/);
      const width = await reader.page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(420);
      await reader.screenshot('aligned-narrow');
      expect(await reader.axeViolations()).toEqual([]);
    } finally {
      await reader.page.setViewportSize({ width: 1440, height: 900 });
    }
  });
});
