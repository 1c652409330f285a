// Comparisons in the reader: marks in both panes lead to the counterpart, the Compare view filters and exports,
// Related lists five passages of the other text, and a reader's own comparison (Link passages) is kept.
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectInPassage, selectionToolbar } from './helpers/annotations-ui.ts';
import {
  addressesOf,
  chooseFilter,
  compareMark,
  compareMarks,
  compareRows,
  comparisonId,
  download,
  inPaneViewport,
  openCompareView,
  openRelated,
  relatedPanel,
  waitForMarks,
} from './helpers/compare-ui.ts';
import { resizeTo, startReader, type Reader } from './helpers/ui.ts';
import { builtinEditions } from '../../sources/builtin.ts';

const WC = 'winstanley-chesters-2015';
const LANKOV = 'lankov-2007';

/** Whether two elements' boxes overlap (by more than a pixel each way). */
async function overlaps(a: Locator, b: Locator): Promise<boolean> {
  const [x, y] = [await a.boundingBox(), await b.boundingBox()];
  if (!x || !y) return true;
  return (
    x.x + 1 < y.x + y.width &&
    y.x + 1 < x.x + x.width &&
    x.y + 1 < y.y + y.height &&
    y.y + 1 < x.y + x.height
  );
}

/**
 * Scrolls both panes back to their tops, where a page opened without an address shows them: a test
 * that needs a passage out of sight starts there instead of loading the page again.
 */
async function panesToTop(reader: Reader): Promise<void> {
  await reader.page.locator('.pane-scroll').evaluateAll((panes) => {
    for (const pane of panes) pane.scrollTop = 0;
  });
}

// One page for the whole file, loaded once here (a page load is about a CPU-second, and the whole
// suite is CPU-bound): each test says what it takes over from the ones before it. Only the
// reader's own comparisons load it again, where fresh storage or a reload is what they check.
let reader: Reader;
beforeAll(async () => {
  reader = await startReader('wide');
  await reader.openApp();
});
afterAll(async () => {
  await reader?.close();
});

describe('compared passages in the panes', () => {
  it('marks compared passages in both panes, named by relation and counterpart', async () => {
    await waitForMarks(reader);
    expect(await compareMarks(reader, WC).count()).toBeGreaterThanOrEqual(15);
    expect(await compareMarks(reader, LANKOV).count()).toBeGreaterThanOrEqual(15);
    const mark = compareMark(reader, WC, comparisonId('agenda-rank'));
    expect(await mark.getAttribute('aria-label')).toMatch(/^Compared: contradicts — Lankov \d+$/);
    // The marks sit outside the passage text: each block's text is still its edition text.
    const text = await reader.paragraph(`${WC}:3`).evaluate((el) => el.textContent);
    expect(text).not.toMatch(/[≠≈=+]$/);
  });

  it('a mark says what the comparison is about before the jump: topic, relation in words, the other claim', async () => {
    // The page as loaded: the test above only reads it.
    await waitForMarks(reader);
    const mark = compareMark(reader, WC, comparisonId('agenda-rank'));
    const counterpart = (await mark.getAttribute('data-counterpart'))!;
    // For screen readers, the same words as the card, as the mark's description.
    expect(await mark.getAttribute('aria-description')).toMatch(
      /^Korea on Moscow’s agenda\. Lankov contradicts this: Lankov says the Korean question stays marginal/,
    );
    const card = reader.page.locator('.mark-card');
    await mark.scrollIntoViewIfNeeded();
    await mark.hover();
    await card.waitFor();
    expect(await card.locator('.mark-card-topic').textContent()).toBe('Korea on Moscow’s agenda');
    expect(await card.locator('.mark-card-says').textContent()).toBe('Lankov contradicts this:');
    expect(await card.locator('.mark-card-claim').textContent()).toMatch(/^Lankov says the Korean/);
    // The pointer can move onto the card and use its jump, which goes where the mark goes.
    const go = card.getByRole('button', { name: /^Go to Lankov \d+ →$/, includeHidden: true });
    await go.hover();
    await go.click();
    await expect
      .poll(() => reader.paragraph(counterpart).getAttribute('aria-current'))
      .toBe('location');
    await expect.poll(() => card.count()).toBe(0);
    // Keyboard: focus shows the card too; Escape hides it.
    await reader.page.mouse.move(0, 0);
    const other = compareMark(reader, LANKOV, comparisonId('six-party-weight'));
    await other.focus();
    await card.waitFor();
    expect(await card.getAttribute('data-compare')).toBe(comparisonId('six-party-weight'));
    expect(await card.locator('.mark-card-says').textContent()).toMatch(
      /^Winstanley-Chesters (agrees with|contradicts|qualifies|complements) this/,
    );
    await reader.pressKey('Escape');
    await expect.poll(() => card.count()).toBe(0);
  });

  it('clicking a mark brings its counterpart into view in the other pane and marks it', async () => {
    // The test above went to a counterpart in the Lankov pane: back to the tops, as on a fresh page.
    await waitForMarks(reader);
    await panesToTop(reader);
    const mark = compareMark(reader, WC, comparisonId('railway-cost'));
    const counterpart = (await mark.getAttribute('data-counterpart'))!;
    expect(counterpart.startsWith(`${LANKOV}:`)).toBe(true);
    const target = reader.paragraph(counterpart);
    expect(await inPaneViewport(target)).toBe(false);
    expect(await target.getAttribute('aria-current')).toBeNull();
    await mark.scrollIntoViewIfNeeded();
    await mark.click();
    await expect.poll(() => target.getAttribute('aria-current')).toBe('location');
    await expect.poll(() => inPaneViewport(target)).toBe(true);
    expect(await reader.page.evaluate(() => location.hash)).toBe(`#${counterpart}`);
  });

  it('Enter on a mark in the right pane goes to the counterpart in the left pane', async () => {
    // After the test above the Lankov pane is the active one, at the railway's counterpart.
    await waitForMarks(reader);
    await panesToTop(reader);
    const mark = compareMark(reader, LANKOV, comparisonId('six-party-weight'));
    const counterpart = (await mark.getAttribute('data-counterpart'))!;
    expect(counterpart.startsWith(`${WC}:`)).toBe(true);
    expect(await reader.paneOf(WC).getAttribute('data-active')).not.toBe('true');
    expect(await reader.paragraph(counterpart).getAttribute('aria-current')).toBeNull();
    await mark.focus();
    await reader.pressKey('Enter');
    const target = reader.paragraph(counterpart);
    await expect.poll(() => target.getAttribute('aria-current')).toBe('location');
    await expect.poll(() => inPaneViewport(target)).toBe(true);
    expect(await reader.paneOf(WC).getAttribute('data-active')).toBe('true');
  });

  it('narrow: a mark is within the pane, and activating it shows the other text at the counterpart', async () => {
    // The page of the tests above, made narrow: the Winstanley-Chesters pane, active after the test
    // above, is the one shown, as on a page opened at 420 px.
    await panesToTop(reader);
    await resizeTo(reader.page, { width: 420, height: 860 });
    try {
      await waitForMarks(reader);
      expect(await reader.paneOf(WC).isVisible()).toBe(true);
      expect(await reader.paneOf(LANKOV).isVisible()).toBe(false);
      const mark = compareMark(reader, WC, comparisonId('agenda-rank'));
      const inside = await mark.evaluate((el) => {
        const pane = el.closest('.pane-scroll')!.getBoundingClientRect();
        const box = el.getBoundingClientRect();
        return box.left >= pane.left && box.right <= pane.right;
      });
      expect(inside).toBe(true);
      // Focused at 420 px, its card is whole within the window.
      await mark.focus();
      const card = reader.page.locator('.mark-card');
      await card.waitFor();
      await expect
        .poll(() =>
          card.evaluate((el) => {
            const b = el.getBoundingClientRect();
            return (
              el.style.visibility !== 'hidden' &&
              b.left >= 0 &&
              b.top >= 0 &&
              b.right <= window.innerWidth &&
              b.bottom <= window.innerHeight
            );
          }),
        )
        .toBe(true);
      await reader.screenshot('compare-mark-card-narrow');
      const counterpart = (await mark.getAttribute('data-counterpart'))!;
      await mark.click();
      await expect.poll(() => reader.paneOf(LANKOV).isVisible()).toBe(true);
      expect(await reader.paneOf(WC).isVisible()).toBe(false);
      await expect.poll(() => inPaneViewport(reader.paragraph(counterpart))).toBe(true);
      // A link begun at 420 px: its chip spans the window as a notice does, with Cancel beside the
      // text, not over it (held to half the window, it wrapped into a blob), in the notices' stack.
      await selectInPassage(reader.page, counterpart, 0, 30);
      await selectionToolbar(reader.page).getByRole('button', { name: 'Link passages' }).click();
      const chip = reader.page.locator('.notice-region .link-pending');
      await chip.waitFor();
      const box = await chip.evaluate((el) => {
        const text = el.querySelector('span')!.getBoundingClientRect();
        const cancel = el.querySelector('button')!.getBoundingClientRect();
        const own = el.getBoundingClientRect();
        return {
          inWindow: own.left >= 0 && own.right <= window.innerWidth,
          wide: own.width >= window.innerWidth - 48,
          apart: cancel.left >= text.right,
        };
      });
      expect(box).toEqual({ inWindow: true, wide: true, apart: true });
      await chip.getByRole('button', { name: 'Cancel linking' }).click();
      await expect.poll(() => chip.count()).toBe(0);
    } finally {
      await resizeTo(reader.page, { width: 1400, height: 900 });
    }
  });

  it('with sync on, scrolling one pane brings the other to the linked passage', async () => {
    // The panes at their tops, as on a fresh page: the passage is out of sight until the sync.
    await waitForMarks(reader);
    await panesToTop(reader);
    const mark = compareMark(reader, LANKOV, comparisonId('railway-cost'));
    const counterpart = (await mark.getAttribute('data-counterpart'))!;
    const paragraph = counterpart.replace(/\.\d+$/, '');
    expect(await inPaneViewport(reader.paragraph(paragraph))).toBe(false);
    await reader.page.getByRole('button', { name: 'Scroll both' }).click();
    // Scroll the Lankov pane so the mark's paragraph is at its top.
    await mark.evaluate((el) => {
      const pane = el.closest('.pane-scroll')!;
      const block = el.closest('.block')!;
      pane.scrollTop += block.getBoundingClientRect().top - pane.getBoundingClientRect().top + 2;
    });
    await expect.poll(() => inPaneViewport(reader.paragraph(paragraph))).toBe(true);
    await reader.page.getByRole('button', { name: 'Scroll both' }).click();
  });
});

describe('the Compare view', () => {
  // These open the view on the page the tests above left (sync off again); each closes it.
  it('lists every comparison grouped by topic, with quotes, paraphrases and passage links', async () => {
    const currentBefore = await reader
      .current()
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-address')));
    expect(currentBefore.length).toBeGreaterThan(0);
    const dialog = await openCompareView(reader);
    const total = await compareRows(dialog).count();
    expect(total).toBeGreaterThanOrEqual(15);
    expect(await dialog.getByRole('heading', { level: 3 }).count()).toBeGreaterThanOrEqual(10);
    await expect
      .poll(() => dialog.getByRole('status').textContent())
      .toBe(`Showing ${total} of ${total} comparisons`);
    await reader.screenshot('compare-view');
    // Keys in the dialog stay there: j does not move the reader behind it (from where the tests
    // above left it).
    await reader.pressKey('j');
    expect(
      await reader.current().evaluateAll((els) => els.map((el) => el.getAttribute('data-address'))),
    ).toEqual(currentBefore);
    const first = compareRows(dialog).first();
    expect(await first.locator('a.compare-link').count()).toBe(2);
    expect(await first.locator('a.compare-link').first().getAttribute('href')).toMatch(
      /^#winstanley-chesters-2015:/,
    );
    // Each link is named by its place in words, with its text (the column names it on screen).
    const names = await dialog.locator('a.compare-link').allTextContents();
    for (const [i, name] of names.entries()) {
      expect(name).toMatch(
        i % 2 === 0
          ? /^(¶\d+(–\d+)?|title|[a-z]+ \d+|note \d+) in Winstanley-Chesters \(2015\)$/
          : /^(¶\d+(–\d+)?|[a-z]+ \d+|note \d+) in Lankov \(2007\)$/,
      );
    }
    expect(names[0]).toBe('title in Winstanley-Chesters (2015)');
    await reader.pressKey('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
  });

  it('filters by relation and by topic; the row count follows', async () => {
    const dialog = await openCompareView(reader);
    const total = await compareRows(dialog).count();
    await chooseFilter(dialog, 'Relation', 'contradicts');
    const contradicts = await compareRows(dialog).count();
    expect(contradicts).toBeGreaterThan(0);
    expect(contradicts).toBeLessThan(total);
    expect(await dialog.locator('tbody tr:not([data-relation="contradicts"])').count()).toBe(0);
    await chooseFilter(dialog, 'Relation', 'All relations');
    expect(await compareRows(dialog).count()).toBe(total);
    await chooseFilter(dialog, 'Topic', 'Soviet aid');
    const aid = await compareRows(dialog).count();
    expect(aid).toBeGreaterThan(0);
    expect(aid).toBeLessThan(total);
    expect(await dialog.getByRole('heading', { level: 3 }).allTextContents()).toEqual([
      'Soviet aid',
    ]);
    await chooseFilter(dialog, 'Relation', 'contradicts');
    expect(await compareRows(dialog).count()).toBe(0);
    // The view keeps its filters while the page lives: back to all, for the tests below.
    await chooseFilter(dialog, 'Relation', 'All relations');
    await chooseFilter(dialog, 'Topic', 'All topics');
    expect(await compareRows(dialog).count()).toBe(total);
    await reader.pressKey('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
  });

  it('exports the table as Markdown and CSV, with paragraph addresses', async () => {
    // The test above set its filters back to all.
    const dialog = await openCompareView(reader);
    expect(await dialog.getByLabel('Relation', { exact: true }).inputValue()).toBe('');
    expect(await dialog.getByLabel('Topic', { exact: true }).inputValue()).toBe('');
    const md = await download(reader.page, dialog.getByRole('button', { name: 'Export Markdown' }));
    expect(md.name).toBe('diptych-comparisons.md');
    expect(
      md.text.startsWith('# Claim comparisons: Winstanley-Chesters (2015) and Lankov (2007)\n'),
    ).toBe(true);
    expect(md.text).toMatch(/\(lankov-2007:\d+\)/);
    await chooseFilter(dialog, 'Relation', 'agrees');
    const csv = await download(reader.page, dialog.getByRole('button', { name: 'Export CSV' }));
    expect(csv.name).toBe('diptych-comparisons.csv');
    expect(csv.text.startsWith('topic,relation,curated,left_source,left_address,')).toBe(true);
    const records = csv.text.trimEnd().split('\r\n').slice(1);
    expect(records.length).toBe(await compareRows(dialog).count());
    await chooseFilter(dialog, 'Relation', 'All relations');
    await reader.pressKey('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
  });

  it('Back closes the view, and the panes are at the place Back went to', async () => {
    // Two places in the history of the page the tests above left, as a reader follows two links.
    await reader.goToAddress(`${LANKOV}:5`);
    await expect
      .poll(() => reader.paragraph(`${LANKOV}:5`).getAttribute('aria-current'))
      .toBe('location');
    await reader.goToAddress(`${LANKOV}:25`);
    await expect
      .poll(() => reader.paragraph(`${LANKOV}:25`).getAttribute('aria-current'))
      .toBe('location');
    const dialog = await openCompareView(reader);
    await reader.page.goBack();
    await expect.poll(() => reader.page.evaluate(() => location.hash)).toBe(`#${LANKOV}:5`);
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect
      .poll(() => reader.paragraph(`${LANKOV}:5`).getAttribute('aria-current'))
      .toBe('location');
    await expect.poll(() => inPaneViewport(reader.paragraph(`${LANKOV}:5`))).toBe(true);
    // Forward too: the view stays closed and the panes go to the later place.
    await openCompareView(reader);
    await reader.page.goForward();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect
      .poll(() => reader.paragraph(`${LANKOV}:25`).getAttribute('aria-current'))
      .toBe('location');
  });

  it('a passage link closes the view and opens the passage', async () => {
    const dialog = await openCompareView(reader);
    const link = compareRows(dialog).first().locator('a.compare-link').nth(1);
    const href = (await link.getAttribute('href'))!;
    expect(await reader.paragraph(href.slice(1)).getAttribute('aria-current')).toBeNull();
    await link.click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect
      .poll(() => reader.paragraph(href.slice(1)).getAttribute('aria-current'))
      .toBe('location');
  });
});

describe('related in the other text', () => {
  it('lists five passages of the other source for a paragraph, shared terms marked, concepts and shared years named; one opens in the other pane', async () => {
    await waitForMarks(reader);
    const panel = await openRelated(reader, `${LANKOV}:30`);
    // Named in words, not by its address, and placed around the paragraph, not over it.
    expect(await panel.getByRole('heading').textContent()).toBe(
      'Related in Winstanley-Chesters (2015) to Lankov (2007) ¶30',
    );
    await expect.poll(() => overlaps(panel, reader.paragraph(`${LANKOV}:30`))).toBe(false);
    const items = panel.locator('.related-item');
    expect(await items.count()).toBe(5);
    for (const address of await addressesOf(items)) expect(address.startsWith(`${WC}:`)).toBe(true);
    // Each named by its place in words (the heading names the text), not by its raw address.
    const names = await items.locator('.related-go').allTextContents();
    for (const n of names)
      expect(n).toMatch(/^¶\d+ in Winstanley-Chesters \(2015\) \(open in the other pane\)$/);
    expect(await items.first().locator('mark').count()).toBeGreaterThan(0);
    // A genuine match is called strong (Lankov's railway and Winstanley-Chesters 13's), and the
    // panel does not say there is no close match.
    expect(await items.first().locator('.related-strength').getAttribute('data-strength')).toBe(
      'strong',
    );
    expect(await panel.locator('.related-none').count()).toBe(0);
    // Why each is related, in plain words: the shared words, and through word vectors related
    // words ("“support” and “aid”"), never the notation a student cannot read ("concepts: a ~ b").
    const terms = await panel.locator('.related-terms').allTextContents();
    expect(terms.length).toBeGreaterThan(0);
    for (const t of terms) expect(t).toMatch(/^Both speak of: \S/);
    const concepts = await panel.locator('.related-concepts').allTextContents();
    expect(concepts.length).toBeGreaterThan(0);
    for (const c of concepts) expect(c).toMatch(/^Related words: “[a-z]+” and “[a-z]+”/);
    expect(await panel.locator('.related-why').allTextContents()).not.toContainEqual(
      expect.stringMatching(/~|concepts:|shared:/),
    );
    // And the years both date something to: Lankov ¶30's railway talks of 2000, as W-C ¶13 (Putin's paper of 2000).
    const periods = await panel.locator('.related-period').allTextContents();
    expect(periods).toContain('Both date something to 2000');
    for (const p of periods) expect(p).toMatch(/^Both date something to \d{4}(–\d{2,4})?$/);
    await reader.screenshot('compare-related');
    const go = items.nth(2).locator('.related-go');
    const address = (await items.nth(2).getAttribute('data-address-ref'))!;
    expect(await reader.paragraph(address).getAttribute('aria-current')).toBeNull();
    await go.click();
    await expect
      .poll(() => reader.paragraph(address).getAttribute('aria-current'))
      .toBe('location');
    await expect.poll(() => inPaneViewport(reader.paragraph(address))).toBe(true);
    // Closed, for the tests below on the same page.
    await panel.getByRole('button', { name: /^Close/ }).click();
    await expect.poll(() => panel.count()).toBe(0);
  });
});

describe('related to a selection', () => {
  it('Related in the selection toolbar ranks the other text for the selected words', async () => {
    // The page the tests above left.
    await waitForMarks(reader);
    await reader.paragraph(`${LANKOV}:30`).scrollIntoViewIfNeeded();
    // As after a click in the text: focus on the page's body, not in the pane.
    await reader.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await selectInPassage(reader.page, `${LANKOV}:30`, 0, 60);
    await selectionToolbar(reader.page)
      .getByRole('button', { name: 'Related', exact: true })
      .click();

    const panel = reader.page.getByRole('region', {
      name: /^Related in Winstanley-Chesters \(2015\) to your selection$/,
    });
    await panel.locator('.related-item').first().waitFor();
    // The panel takes the focus (a keyboard reader lands in it), here too where its chunk is
    // loaded and it opens at once: it used to ask for the focus while hidden to be placed.
    await expect.poll(() => panel.evaluate((p) => p.contains(document.activeElement))).toBe(true);
    const items = await addressesOf(panel.locator('.related-item'));
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(5);
    for (const address of items) expect(address.startsWith(`${WC}:`)).toBe(true);
    // At 320 px the heading wraps and Close keeps its whole label inside the panel.
    await reader.page.setViewportSize({ width: 320, height: 760 });
    const close = panel.getByRole('button', { name: /^Close/ });
    await expect
      .poll(() =>
        close.evaluate((b) => {
          const panelBox = b.closest('.related-panel')!.getBoundingClientRect();
          const box = b.getBoundingClientRect();
          return b.scrollWidth <= b.clientWidth && box.right <= panelBox.right;
        }),
      )
      .toBe(true);
    await reader.setViewport('wide');
    await reader.pressKey('Escape');
    await expect.poll(() => panel.count()).toBe(0);
    // The toolbar's button went with the selection: focus goes back to the passage, not the body.
    expect(
      await reader.page.evaluate(() => document.activeElement?.getAttribute('data-address')),
    ).toBe(`${LANKOV}:30`);
  });
});

describe('related to a selection of common words', () => {
  it('calls every match weak and says there is no close match', async () => {
    // The page of the test above, its panel closed (it checks that).
    await waitForMarks(reader);
    expect(await relatedPanel(reader.page).count()).toBe(0);
    const words = 'the Korean issue plays a secondary role in Moscow’s policy';
    const from = builtinEditions()
      .find((e) => e.id === LANKOV)!
      .blocks.find((b) => b.address === `${LANKOV}:2`)!
      .text.indexOf(words);
    expect(from).toBeGreaterThan(0);
    expect(await selectInPassage(reader.page, `${LANKOV}:2`, from, from + words.length)).toBe(
      words,
    );
    await selectionToolbar(reader.page)
      .getByRole('button', { name: 'Related', exact: true })
      .click();
    const panel = reader.page.getByRole('region', { name: /to your selection$/ });
    await panel.locator('.related-item').first().waitFor();
    // Relative to the best hit, the best was "strong" whatever it shared (here "issue, Korean").
    const strengths = await panel
      .locator('.related-strength')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-strength')));
    expect(strengths.length).toBeGreaterThan(0);
    expect(new Set(strengths)).toEqual(new Set(['weak']));
    expect(await panel.locator('.related-none').textContent()).toMatch(
      /^No close match in Winstanley-Chesters \(2015\)/,
    );
    // Back in the text (focus on a passage, as after a click there), Escape still closes it.
    await reader.paragraph(`${LANKOV}:2`).focus();
    expect(await panel.evaluate((p) => p.contains(document.activeElement))).toBe(false);
    await reader.pressKey('Escape');
    await expect.poll(() => panel.count()).toBe(0);
  });
});

describe("a reader's own comparison", () => {
  /**
   * Fresh storage, then Link passages from WC 5 to Lankov 7: the dialog, open. The storage is
   * cleared from the app the tests before left open (so one page load, not two).
   */
  const openLinkDialog = async (): Promise<Locator> => {
    if (reader.page.url() === 'about:blank') await reader.openApp();
    await reader.page.evaluate(() => localStorage.clear());
    await reader.openApp();
    await waitForMarks(reader);
    await reader.paragraph(`${WC}:5`).scrollIntoViewIfNeeded();
    await selectInPassage(reader.page, `${WC}:5`, 0, 40);
    await selectionToolbar(reader.page).getByRole('button', { name: 'Link passages' }).click();
    await expect
      .poll(() => reader.page.getByText(/^Linking from Winstanley-Chesters \(2015\) ¶5 /).count())
      .toBe(1);

    await reader.paragraph(`${LANKOV}:7`).scrollIntoViewIfNeeded();
    await selectInPassage(reader.page, `${LANKOV}:7`, 0, 60);
    await selectionToolbar(reader.page).getByRole('button', { name: 'Link passages' }).click();
    const dialog = reader.page.getByRole('dialog', { name: 'Link passages' });
    await dialog.waitFor();
    return dialog;
  };
  /** Link passages from WC 5 to Lankov 7 (qualifies, a topic and a note), saved. */
  const linkTwoPassages = async (): Promise<void> => {
    const dialog = await openLinkDialog();
    await dialog.getByRole('radio', { name: /^qualifies/ }).check();
    await dialog.getByLabel('Topic').fill('My test topic');
    await dialog.getByLabel('Note (optional)').fill('A note of mine.');
    await dialog.getByRole('button', { name: 'Save comparison' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
  };
  const ownMarks = () => reader.paneOf(WC).locator('.compare-mark--own');
  /** The Compare view lists exactly one comparison of the reader's, marked as theirs. */
  const expectOwnRow = async (): Promise<void> => {
    const view = await openCompareView(reader);
    await chooseFilter(view, 'Whose', 'Your own');
    expect(await compareRows(view).count()).toBe(1);
    const row = compareRows(view).first();
    expect(await row.textContent()).toContain('Your comparison');
    expect(await row.textContent()).toContain('A note of mine.');
    expect(await view.getByRole('heading', { level: 3 }).allTextContents()).toEqual([
      'My test topic',
    ]);
    await view.getByRole('button', { name: 'Close' }).click();
  };

  it('Link passages: select in each pane, pick a relation; shown as yours in the panes and the Compare view; kept after a reload', async () => {
    // The curated marks, counted on the page the tests above left (no comparison of the reader's yet).
    const before = await (async () => {
      await waitForMarks(reader);
      expect(await ownMarks().count()).toBe(0);
      return compareMarks(reader, WC).count();
    })();
    await linkTwoPassages();
    await expect.poll(() => ownMarks().count()).toBe(1);
    expect(await ownMarks().getAttribute('aria-label')).toBe(
      'Your comparison: qualifies — Lankov 7',
    );
    expect(await compareMarks(reader, WC).count()).toBe(before + 1);
    await expectOwnRow();

    await reader.openApp();
    await waitForMarks(reader);
    await expect.poll(() => ownMarks().count()).toBe(1);
    await expectOwnRow();

    // Deleted from the Compare view, it leaves the panes; curated rows have no Delete.
    const view = await openCompareView(reader);
    expect(await view.locator('.compare-row:not(.compare-row--own) .own-delete').count()).toBe(0);
    await view
      .getByRole('button', {
        name: /^Delete your comparison of Winstanley-Chesters \(2015\) ¶5 and Lankov/,
      })
      .click();
    await expect.poll(() => ownMarks().count()).toBe(0);
    expect(await compareMarks(reader, WC).count()).toBe(before);
  });

  it('Link passages presumes no relation: saving without one is refused next to the choice', async () => {
    const dialog = await openLinkDialog();
    const radios = dialog.getByRole('radio');
    expect(await radios.count()).toBe(4);
    expect(
      await radios.evaluateAll((rs) => rs.filter((r) => (r as HTMLInputElement).checked).length),
    ).toBe(0);
    // The topic's default is a hint below the field, not a placeholder that reads as a value.
    const topic = dialog.getByLabel('Topic');
    expect(await topic.getAttribute('placeholder')).toMatch(/^e\.g\. /);
    expect(await topic.evaluate((el) => getComputedStyle(el, '::placeholder').fontStyle)).toBe(
      'italic',
    );
    expect(await topic.evaluate((el) => (el as HTMLInputElement).value)).toBe('');
    await expect
      .poll(() => topic.evaluate((el) => el.getAttribute('aria-describedby') !== null))
      .toBe(true);
    const hint = await topic.evaluate(
      (el) => document.getElementById(el.getAttribute('aria-describedby')!)?.textContent ?? '',
    );
    expect(hint).toContain('Your comparisons');

    await dialog.getByRole('button', { name: 'Save comparison' }).click();
    const relations = dialog.getByRole('group', { name: 'Relation' });
    await expect
      .poll(() => relations.getByRole('alert').textContent())
      .toBe('Choose how the two passages relate before saving.');
    expect(await dialog.isVisible()).toBe(true);
    expect(
      await reader.page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name),
    ).toBe('relation');
    expect(await ownMarks().count()).toBe(0);
    // Chosen, the message goes and the comparison is saved.
    await dialog.getByRole('radio', { name: /^contradicts/ }).check();
    expect(await relations.getByRole('alert').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Save comparison' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => ownMarks().count()).toBe(1);
    expect(await ownMarks().getAttribute('aria-label')).toBe(
      'Your comparison: contradicts — Lankov 7',
    );
  });

  it('is listed and counted in the Annotations sidebar, filtered with the others, and deleted there', async () => {
    await linkTwoPassages();
    await expect.poll(() => ownMarks().count()).toBe(1);
    const toggle = reader.page.getByRole('button', { name: /^Annotations/ });
    await expect.poll(() => toggle.textContent()).toBe('Annotations (1)');
    await toggle.click();
    const sidebar = reader.page.getByRole('complementary', { name: 'Annotations' });
    const section = sidebar.getByRole('region', { name: 'Your comparisons (1)' });
    const card = section.getByRole('listitem', { name: /^Your comparison: / });
    await card.waitFor();
    expect(await sidebar.locator('.ann-count').textContent()).toBe('1 annotation');
    expect(await card.locator('.ann-comparison-title').textContent()).toMatch(
      /^Winstanley-Chesters \(2015\) ¶5(, sentence \d+)? ↔ Lankov \(2007\) ¶7(, sentence \d+)?$/,
    );
    const text = (await card.textContent())!;
    for (const part of ['qualifies', 'My test topic', 'A note of mine.'])
      expect(text).toContain(part);

    // The filters: by its words it stays; a colour (it has none) hides it.
    const filterText = sidebar.getByRole('searchbox');
    await filterText.fill('test topic');
    await expect.poll(() => card.count()).toBe(1);
    await filterText.fill('');
    await sidebar.getByLabel('Filter by colour').selectOption('yellow');
    await expect.poll(() => card.count()).toBe(0);
    await sidebar.getByLabel('Filter by colour').selectOption('');
    await expect.poll(() => card.count()).toBe(1);

    // Show in the text goes to an end.
    await card.getByRole('button', { name: /^Show in the text: Lankov \(2007\) ¶7/ }).click();
    await expect
      .poll(() => reader.page.evaluate(() => location.hash))
      .toMatch(new RegExp(`^#${LANKOV}:7(\\.\\d+)?$`));
    await expect
      .poll(() =>
        inPaneViewport(reader.paneOf(LANKOV).locator('[aria-current="location"]').first()),
      )
      .toBe(true);

    // Deleted here, it leaves the panes and the count.
    await card.getByRole('button', { name: /^Delete/ }).click();
    await expect.poll(() => ownMarks().count()).toBe(0);
    await expect.poll(() => toggle.textContent()).toBe('Annotations');
    await sidebar.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => ownMarks().count()).toBe(1);
    await expect.poll(() => toggle.textContent()).toBe('Annotations (1)');
    await sidebar.getByRole('button', { name: /^Close/ }).click();
  });

  it('survives an export and import of the annotations (W3C file)', async () => {
    await linkTwoPassages();
    await expect.poll(() => ownMarks().count()).toBe(1);
    const toggle = reader.page.getByRole('button', { name: /^Annotations/ });
    await toggle.click();
    const exported = await download(
      reader.page,
      reader.page.getByRole('button', { name: 'Export annotations' }),
    );
    expect(exported.text).toContain('"linking"');

    await reader.page.evaluate(() => localStorage.clear());
    await reader.openApp();
    await waitForMarks(reader);
    expect(await ownMarks().count()).toBe(0);
    await reader.page.getByRole('button', { name: /^Annotations/ }).click();
    await reader.page
      .getByLabel('Annotation file to import (W3C JSON-LD or Hypothesis JSON)')
      .setInputFiles({
        name: exported.name,
        mimeType: 'application/ld+json',
        buffer: Buffer.from(exported.text),
      });
    await expect.poll(() => ownMarks().count()).toBe(1);
    expect(await ownMarks().getAttribute('aria-label')).toBe(
      'Your comparison: qualifies — Lankov 7',
    );
    await reader.page.getByRole('button', { name: /^Annotations/ }).click();
    await expectOwnRow();
  });
});
