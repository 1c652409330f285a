/**
 * The Aligned view (issue 17) in Chromium: the toggle lays both texts out
 * in the rows of their alignment (each row's first paragraphs level, a
 * marked gap where a text has nothing aligned), Sync then scrolls the panes
 * level, it works on a reader's own text from the Library, and it passes
 * axe at 1440 and 420 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCuratedComparisons } from '../../annotations/comparisons/load-curated.ts';
import { alignEditions } from '../../sources/align/index.ts';
import { builtinEditions } from '../../sources/builtin.ts';
import { waitForMarks } from './helpers/compare-ui.ts';
import { startReader, type Reader } from './helpers/ui.ts';

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

const alignedButton = () => reader.page.getByRole('button', { name: 'Aligned' });

async function turnOnAligned(): Promise<void> {
  await alignedButton().click();
  expect(await alignedButton().getAttribute('aria-pressed')).toBe('true');
  await reader.page.locator('.aligned-gap').first().waitFor();
}

describe('the Aligned view', () => {
  it('lays both texts out in rows: aligned paragraphs level, unmatched ones leave a marked gap', async () => {
    await reader.openApp();
    await waitForMarks(reader);
    const rows = expectedRows();
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
    // A row with paragraphs on one side only: the other pane shows a marked gap naming them.
    const oneSided = rows.filter((r) => r.a.length === 0 || r.b.length === 0);
    expect(oneSided.length).toBeGreaterThan(0);
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
    await reader.screenshot('aligned-wide');
    expect(await reader.axeViolations()).toEqual([]);
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
      await alignedButton().click();
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
