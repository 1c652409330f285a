// The search box: typing, results grouped by source with address and context, keyboard, Enter opens the passage.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaled } from '../slowdown.ts';
import { startReader, type Reader } from './helpers/ui.ts';

let reader: Reader;
beforeAll(async () => {
  reader = await startReader('wide');
  await reader.openApp();
});
afterAll(async () => {
  await reader?.close();
});

describe('search', () => {
  it('/ focuses the search box', async () => {
    await reader.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await reader.pressKey('/');
    expect(await reader.searchBox().evaluate((el) => el === document.activeElement)).toBe(true);
    await reader.pressKey('Escape');
  });

  it('finds both romanizations of a name, grouped by source, each hit with its place in words and context', async () => {
    await reader.search('Kim Il-sung');
    // The first search loads the engine (a lazy chunk) and builds its index: on a loaded machine
    // that can take longer than a later search. Polled as the box's whole state, so a failure
    // says whether the words landed in the box, the engine was still loading or found nothing.
    await expect
      .poll(() => searchState(reader), { timeout: scaled(20_000) })
      .toEqual({ value: 'Kim Il-sung', status: expect.stringMatching(/^\d+ hits$/) });
    expect(await reader.searchHits().count()).toBeGreaterThan(1);
    const groups = reader.page.locator('.search-group');
    const titles = await groups.locator('.search-group-title').allTextContents();
    expect(titles.length).toBe(2);
    expect(titles[0]).toMatch(/^Russia’s borders/);
    expect(titles[1]).toMatch(/^Russia and North Korea/);
    const first = reader.searchHits().first();
    expect(await first.getAttribute('data-hit')).toMatch(/^winstanley-chesters-2015:\d+\.\d+$/);
    // The hit names its place in words (the group's heading names the text), not the raw address.
    const [, n, sentence] = /:(\d+)\.(\d+)$/.exec((await first.getAttribute('data-hit'))!)!;
    expect(await first.locator('.hit-address').textContent()).toBe(`¶${n}, sentence ${sentence}`);
    expect((await first.locator('mark').textContent())?.toLowerCase()).toContain('kim il');
    const lankov = await groups.nth(1).locator('mark').allTextContents();
    expect(lankov.some((m) => m.includes('Kim Il Sung'))).toBe(true);
    expect(await reader.searchBox().getAttribute('aria-expanded')).toBe('true');
    await reader.screenshot('search');
  });

  it('arrow keys move through the hits in group order; Enter opens the passage', async () => {
    await reader.pressKey('ArrowDown');
    await reader.pressKey('ArrowDown');
    const active = reader.page.locator('[role="option"][aria-selected="true"]');
    expect(await active.count()).toBe(1);
    const second = await reader.searchHits().nth(1).getAttribute('data-hit');
    expect(await active.getAttribute('data-hit')).toBe(second);
    expect(await reader.searchBox().getAttribute('aria-activedescendant')).toBe(
      await active.getAttribute('id'),
    );
    await reader.pressKey('Enter');
    await expect
      .poll(() => reader.page.evaluate(() => decodeURIComponent(location.hash.slice(1))))
      .toBe(second);
    await expect
      .poll(() => reader.paragraph(second!).getAttribute('aria-current'))
      .toBe('location');
    expect(await reader.searchHits().first().isVisible()).toBe(false);
  });

  it('finds footnote text, ignoring case and curly quotes', async () => {
    await reader.searchBox().fill('');
    await reader.search('STROITEL’NAIIA');
    await expect.poll(() => reader.searchHits().count()).toBe(1);
    expect(await reader.searchHits().first().getAttribute('data-hit')).toBe('lankov-2007:n8.1');
    expect(await reader.searchHits().first().locator('.hit-address').textContent()).toBe(
      'note 8, sentence 1',
    );
    await reader.pressKey('Enter');
    await expect
      .poll(() => reader.paragraph('lankov-2007:n8.1').getAttribute('aria-current'))
      .toBe('location');
  });

  describe('when it fails', () => {
    it('no sentence with every word: the sentences with some of them, each saying what it lacks', async () => {
      await reader.searchBox().fill('');
      await reader.search('oil subsidies');
      await expect.poll(() => reader.searchHits().count()).toBeGreaterThan(0);
      const first = reader.searchHits().first();
      expect(await first.getAttribute('data-hit')).toBe('lankov-2007:10.2');
      expect(await first.locator('.hit-address').textContent()).toBe('¶10, sentence 2');
      expect(await first.locator('.hit-missing').textContent()).toBe('Missing: subsidies');
      expect(await first.locator('mark').textContent()).toBe('oil');
      // At 1,400 px the header's tools leave the box about 190 px wide; the list is not held to it.
      const list = await reader.page.locator('.search-results').boundingBox();
      expect(list!.width).toBeGreaterThanOrEqual(500);
    });

    it('a query with no hits says so, and markup in the query stays text', async () => {
      await reader.searchBox().fill('');
      await reader.search('<b>zebra</b>');
      await expect
        .poll(() => reader.page.locator('.search-status').textContent())
        .toContain('No passage matches');
      // Shown as a panel under the box, not as bare text over what lies below it.
      expect(
        await reader.page
          .locator('.search-status')
          .evaluate((el) => getComputedStyle(el).backgroundColor),
      ).toBe('rgb(255, 255, 255)');
      expect(await reader.page.locator('.search b').count()).toBe(0);
      expect(await reader.searchHits().count()).toBe(0);
      await reader.pressKey('Escape');
      await reader.pressKey('Escape');
      expect(await reader.searchBox().inputValue()).toBe('');
    });
  });

  describe('Escape', () => {
    const focused = (): Promise<string | null> =>
      reader.page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el?.dataset.address ?? el?.getAttribute('aria-label') ?? el?.tagName ?? null;
      });

    it('first closes the results, then clears the query and gives the focus back to the paragraph', async () => {
      await reader.openApp('lankov-2007:10');
      const paragraph = reader.paragraph('lankov-2007:10');
      await paragraph.focus();
      await expect.poll(focused).toBe('lankov-2007:10');
      await reader.pressKey('/');
      await expect
        .poll(() => reader.searchBox().evaluate((el) => el === document.activeElement))
        .toBe(true);
      await reader.page.keyboard.type('Kim Il-sung');
      await expect.poll(() => reader.searchHits().count()).toBeGreaterThan(1);
      await reader.pressKey('Escape');
      await expect.poll(() => reader.page.locator('.search-results').isHidden()).toBe(true);
      expect(await reader.searchBox().inputValue()).toBe('Kim Il-sung');
      expect(await reader.searchBox().evaluate((el) => el === document.activeElement)).toBe(true);
      await reader.pressKey('Escape');
      await expect.poll(() => reader.searchBox().inputValue()).toBe('');
      await expect.poll(focused).toBe('lankov-2007:10');
    });

    it('with nothing focused before, gives the focus to the active pane’s current passage', async () => {
      await reader.openApp('lankov-2007:12');
      await reader.search('Kim Il-sung');
      await expect.poll(() => reader.searchHits().count()).toBeGreaterThan(0);
      await reader.pressKey('Escape');
      await reader.pressKey('Escape');
      await expect.poll(() => reader.searchBox().inputValue()).toBe('');
      const stop = await reader.page.evaluate(() => {
        const pane = document.querySelector('main.panes')!.getAttribute('data-active');
        return document
          .querySelector(`.pane[data-pane="${pane}"] article.edition [data-address][tabindex="0"]`)
          ?.getAttribute('data-address');
      });
      expect(stop).toBeTruthy();
      await expect.poll(focused).toBe(stop);
    });
  });
});

/** What the search box shows: its words and its status line ("Loading search…", "12 hits"). */
async function searchState(reader: Reader): Promise<{ value: string; status: string }> {
  return {
    value: await reader.searchBox().inputValue(),
    status: (await reader.page.locator('.search-status').textContent()) ?? '',
  };
}
