// Keyboard: j/k through paragraphs of the focused pane, / and ?, focus visible, Tab reaches the text;
// each pane one Tab stop (roving tabindex) with Up/Down between passages; skip links.
// The app loads where a test needs a page no passage was current in, or the focus at the
// document's start; elsewhere a test follows a hash link in the page the test before left.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSidebar } from './helpers/annotations-ui.ts';
import { startReader, type Reader } from './helpers/ui.ts';

let reader: Reader;
beforeAll(async () => {
  reader = await startReader('wide');
});
afterAll(async () => {
  await reader?.close();
});

const currentAddress = () => reader.current().first().getAttribute('data-address');

/** Where the keyboard focus is: its passage, the block or note holding it, its pane, its name. */
const focused = () =>
  reader.page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const box = el?.getBoundingClientRect();
    return {
      address: el?.getAttribute('data-address') ?? null,
      holder:
        el
          ?.closest('.block, .note')
          ?.querySelector(':scope > [data-address]')
          ?.getAttribute('data-address') ?? null,
      pane: el?.closest('article.edition') ? el.closest('.pane')!.getAttribute('data-pane') : null,
      name: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim().slice(0, 50),
      shown: !!box && box.width > 1 && box.bottom > 0 && box.top < window.innerHeight,
    };
  });

describe('keyboard navigation', () => {
  it('j goes to the first paragraph, then the next; k goes back; the URL follows without new history', async () => {
    await reader.openApp();
    const historyLength = await reader.page.evaluate(() => history.length);
    await reader.pressKey('j');
    await expect.poll(currentAddress).toBe('winstanley-chesters-2015:1');
    await reader.pressKey('j');
    await expect.poll(currentAddress).toBe('winstanley-chesters-2015:2');
    await reader.pressKey('j');
    await expect.poll(currentAddress).toBe('winstanley-chesters-2015:3');
    await reader.pressKey('k');
    await expect.poll(currentAddress).toBe('winstanley-chesters-2015:2');
    expect(await reader.page.evaluate(() => location.hash)).toBe('#winstanley-chesters-2015:2');
    expect(await reader.page.evaluate(() => history.length)).toBe(historyLength);
  });

  it('j and k move in the focused pane', async () => {
    // The page of the test before: no passage of Lankov has been current in it.
    await reader.paneOf('lankov-2007').locator('.pane-scroll').focus();
    await reader.pressKey('j');
    await expect.poll(currentAddress).toBe('lankov-2007:1');
    for (let i = 0; i < 5; i++) await reader.pressKey('j');
    await expect.poll(currentAddress).toBe('lankov-2007:6');
    expect(
      await reader.paragraph('lankov-2007:6').evaluate((el) => el === document.activeElement),
    ).toBe(true);
  });

  it('after j, a link back to the passage it started from still opens it', async () => {
    await reader.goTo('lankov-2007:5');
    await reader.pressKey('j');
    await expect.poll(currentAddress).toBe('lankov-2007:6');
    await reader.goToAddress('lankov-2007:5');
    await expect.poll(currentAddress).toBe('lankov-2007:5');
    await reader.page.goBack();
    await expect.poll(() => reader.page.evaluate(() => location.hash)).toBe('#lankov-2007:6');
    await expect.poll(currentAddress).toBe('lankov-2007:6');
  });

  it('stops at the last paragraph', async () => {
    await reader.goTo('lankov-2007:38');
    await reader.pressKey('j');
    await reader.pressKey('j');
    await expect.poll(currentAddress).toBe('lankov-2007:39');
  });

  it('? lists the shortcuts in a dialog; Escape closes it', async () => {
    await reader.pressKey('?');
    const dialog = reader.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    const keys = await dialog.locator('kbd').allTextContents();
    expect(keys).toEqual(expect.arrayContaining(['j', 'k', '/', '?']));
    // Every key column clear of its description ("Ctrl+Z ⌘Z" ran 20 px into "Undo…").
    const overlaps = await dialog.locator('dt').evaluateAll((dts) =>
      dts
        .filter((dt) => {
          const dd = dt.nextElementSibling!;
          const keysRight = Math.max(
            ...[...dt.children].map((k) => k.getBoundingClientRect().right),
          );
          return keysRight > dd.getBoundingClientRect().left;
        })
        .map((dt) => dt.textContent),
    );
    expect(overlaps).toEqual([]);
    // On a wide window every shortcut shows at once: held to 28rem, the list ran 40 px past a
    // 900 px window and the dialog opened scrolled, its heading cut off.
    expect(await dialog.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(0);
    await reader.screenshot('shortcuts');
    await reader.pressKey('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // Where the list is taller than the window (420 px), it opens at its heading, which has the
    // focus: it opened scrolled to the end, on Close, the heading out of sight.
    await reader.setViewport('narrow');
    await reader.pressKey('?');
    await dialog.waitFor();
    expect(
      await dialog.evaluate((el) => ({
        scrolled: el.scrollTop,
        focused: document.activeElement?.tagName,
      })),
    ).toEqual({ scrolled: 0, focused: 'H2' });
    await reader.pressKey('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await reader.setViewport('wide');
  });

  it('s swaps the texts and c toggles site chrome', async () => {
    await reader.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await reader.pressKey('s');
    expect(await reader.page.locator('.pane').first().getAttribute('data-source')).toBe(
      'lankov-2007',
    );
    await reader.pressKey('s');
    expect(await reader.page.locator('.pane').first().getAttribute('data-source')).toBe(
      'winstanley-chesters-2015',
    );
    // From a focused paragraph, the focus stays on it as it moves to the other side and back (it
    // fell to the page's body: a keyboard reader lost their place).
    await reader.paragraph('winstanley-chesters-2015:2').focus();
    await reader.pressKey('s');
    const focusedAddress = () =>
      reader.page.evaluate(() => document.activeElement?.getAttribute('data-address') ?? null);
    await expect.poll(focusedAddress).toBe('winstanley-chesters-2015:2');
    expect(await reader.page.locator('.pane').nth(1).getAttribute('data-source')).toBe(
      'winstanley-chesters-2015',
    );
    await reader.pressKey('s');
    await expect.poll(focusedAddress).toBe('winstanley-chesters-2015:2');
    expect(await reader.page.locator('.pane').first().getAttribute('data-source')).toBe(
      'winstanley-chesters-2015',
    );
    await reader.pressKey('c');
    expect(await reader.paragraph('winstanley-chesters-2015:chrome1').isVisible()).toBe(true);
    await reader.pressKey('c');
    expect(await reader.paragraph('winstanley-chesters-2015:chrome1').isVisible()).toBe(false);
  });

  it('letters typed in the search box are not shortcuts', async () => {
    await reader.search('jk');
    expect(await reader.searchBox().inputValue()).toBe('jk');
    await expect.poll(currentAddress).toBe('lankov-2007:39');
    await reader.searchBox().fill('');
  });

  it('Tab reaches the skip links, the toolbar, the text and a paragraph’s controls, with a visible focus ring', async () => {
    await reader.openApp();
    const seen: string[] = [];
    for (let i = 0; i < 30 && (await focused()).pane === null; i++) {
      await reader.pressKey('Tab');
      seen.push(await reader.page.evaluate(() => document.activeElement!.className));
    }
    expect(seen.slice(0, 2)).toEqual(['skip-link', 'skip-link']);
    expect(seen).toContain('compare-open');
    const ring = () =>
      reader.page.evaluate(() => {
        const s = getComputedStyle(document.activeElement!);
        return `${s.outlineStyle} ${s.outlineWidth}`;
      });
    // The text's Tab stop: the left text's first passage, framed.
    expect(await focused()).toMatchObject({
      address: 'winstanley-chesters-2015:title1',
      pane: '0',
    });
    expect(await ring()).toMatch(/^solid [1-9]/);
    await reader.pressKey('ArrowDown');
    await reader.pressKey('ArrowDown');
    await reader.pressKey('ArrowDown');
    await expect.poll(async () => (await focused()).address).toBe('winstanley-chesters-2015:1');
    expect(await ring()).toMatch(/^solid [1-9]/);
    for (let i = 0; i < 6 && !(await focused()).name.startsWith('Copy link'); i++)
      await reader.pressKey('Tab');
    expect((await focused()).name).toBe('Copy link to Winstanley-Chesters (2015) ¶1');
    expect(await ring()).toMatch(/^solid [1-9]/);
  });
});

describe('each pane is one Tab stop (roving tabindex)', () => {
  it('from the left pane’s first paragraph, Tab passes its own controls and the right pane’s picker, and is in the right text', async () => {
    // The page the test before loaded: no passage of the right text has been current.
    await reader.paragraph('winstanley-chesters-2015:1').focus();
    let presses = 0;
    while (presses < 20 && (await focused()).pane !== '1') {
      await reader.pressKey('Tab');
      presses++;
    }
    // 130 presses before: every control of the left text, then its notes, lay on the way.
    expect(presses).toBeLessThanOrEqual(6);
    expect((await focused()).address).toBe('lankov-2007:title1');
    // One Tab stop per text.
    expect(await reader.page.locator('article.edition [tabindex="0"]').count()).toBe(2);
    // Back: over the right pane's picker to the left paragraph itself, not through its controls.
    await reader.pressKey('Shift+Tab');
    await reader.pressKey('Shift+Tab');
    expect((await focused()).address).toBe('winstanley-chesters-2015:1');
  });

  it('a focused paragraph’s own controls take Tab and Shift+Tab; every other control of the texts is out of the Tab order', async () => {
    await reader.goTo('lankov-2007:13');
    await expect.poll(async () => (await focused()).address).toBe('lankov-2007:13');
    // The margins (marks, Related) come with the comparisons' chunk, after the reader is ready.
    await reader.page
      .locator('.block', { has: reader.paragraph('lankov-2007:13') })
      .locator('.related-open')
      .waitFor();
    const outOfOrder = () =>
      reader.page.evaluate(
        () =>
          [
            ...document.querySelectorAll<HTMLElement>(
              'article.edition a[href], article.edition button',
            ),
          ]
            .filter((el) => el.tabIndex >= 0)
            .filter((el) => !el.closest('.block, .note')!.contains(document.activeElement)).length,
      );
    expect(await outOfOrder()).toBe(0);
    const names: string[] = [];
    for (let i = 0; i < 10; i++) {
      await reader.pressKey('Tab');
      const at = await focused();
      if (at.holder !== 'lankov-2007:13') break;
      names.push(at.name);
    }
    expect(names).toEqual(
      expect.arrayContaining([
        'Footnote 1',
        'Copy link to Lankov (2007) ¶13',
        'Cite Lankov (2007) ¶13',
        'Related in the other text to Lankov (2007) ¶13',
      ]),
    );
    expect(names.some((n) => n.startsWith('Compared:'))).toBe(true);
    await reader.paragraph('lankov-2007:13').focus();
    await reader.pressKey('Shift+Tab');
    expect((await focused()).name).toBe('Paragraph 13');
    // A footnote marker reached this way works as before: Enter pins its note.
    await reader.paragraph('lankov-2007:13').focus();
    await reader.pressKey('Tab');
    expect((await focused()).name).toBe('Footnote 1');
    await reader.pressKey('Enter');
    await reader.footnotePopover(1).waitFor();
    await reader.pressKey('Escape');
  });

  it('Up and Down move between passages, headings and notes included; the URL, the mark and the Tab stop follow', async () => {
    await reader.goTo('winstanley-chesters-2015:10');
    await expect.poll(async () => (await focused()).address).toBe('winstanley-chesters-2015:10');
    await reader.pressKey('ArrowUp');
    await expect
      .poll(async () => (await focused()).address)
      .toBe('winstanley-chesters-2015:heading1');
    expect(await currentAddress()).toBe('winstanley-chesters-2015:heading1');
    expect(await reader.page.evaluate(() => location.hash)).toBe(
      '#winstanley-chesters-2015:heading1',
    );
    await reader.pressKey('ArrowUp');
    await expect.poll(async () => (await focused()).address).toBe('winstanley-chesters-2015:9');
    await reader.pressKey('ArrowDown');
    await expect
      .poll(async () => (await focused()).address)
      .toBe('winstanley-chesters-2015:heading1');
    // j from a heading goes on to the paragraph after it (it went back to the first).
    await reader.pressKey('j');
    await expect.poll(async () => (await focused()).address).toBe('winstanley-chesters-2015:10');
    // Notes come after the last paragraph.
    await reader.goToAddress('lankov-2007:39');
    await expect.poll(async () => (await focused()).address).toBe('lankov-2007:39');
    await reader.pressKey('ArrowDown');
    await expect.poll(async () => (await focused()).address).toBe('lankov-2007:n1');
    expect(
      await reader.paneOf('lankov-2007').locator('[tabindex="0"]').getAttribute('data-address'),
    ).toBe('lankov-2007:n1');
    // A note's own controls: its link back and its Cite.
    await reader.pressKey('Tab');
    expect((await focused()).name).toBe('Back to Lankov (2007) ¶13');
    await reader.pressKey('Shift+Tab');
    await reader.pressKey('ArrowUp');
    await reader.pressKey('ArrowUp');
    await expect.poll(async () => (await focused()).address).toBe('lankov-2007:38');
    // p: the focus goes to the other text's Tab stop.
    await reader.pressKey('p');
    await expect.poll(async () => (await focused()).pane).toBe('0');
    await reader.pressKey('p');
    await expect.poll(async () => (await focused()).address).toBe('lankov-2007:38');
  });

  it('the Tab stop is the current passage of a link, and follows the reader’s scrolling', async () => {
    await reader.goTo('lankov-2007:10');
    await expect.poll(async () => (await focused()).address).toBe('lankov-2007:10');
    const picker = (source: string) => reader.paneOf(source).getByRole('combobox');
    await picker('lankov-2007').focus();
    await reader.pressKey('Tab');
    expect((await focused()).address).toBe('lankov-2007:10');
    // The left pane scrolled by hand while the focus is elsewhere: Tab lands where the reader is.
    const scroller = reader.paneOf('winstanley-chesters-2015').locator('.pane-scroll');
    await scroller.evaluate((el) => (el.scrollTop = 2000));
    await expect
      .poll(() =>
        scroller.evaluate((el) => {
          const stop = el.querySelector('[tabindex="0"]')!.getBoundingClientRect();
          const view = el.getBoundingClientRect();
          return stop.bottom > view.top && stop.top < view.bottom;
        }),
      )
      .toBe(true);
    await picker('winstanley-chesters-2015').focus();
    await reader.pressKey('Tab');
    expect(await focused()).toMatchObject({ pane: '0', shown: true });
    expect(await scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(1900);
  });
});

describe('skip links', () => {
  const link = (name: string) => reader.page.getByRole('link', { name });

  it('wide: shown when focused, each moves the focus into its text; the annotations one while the sidebar is open', async () => {
    await reader.setViewport('wide');
    await reader.openApp();
    await reader.pressKey('Tab');
    expect((await focused()).name).toBe('Skip to the left text');
    const box = (await link('Skip to the left text').boundingBox())!;
    expect(box.width).toBeGreaterThan(50);
    expect(box.y).toBeGreaterThanOrEqual(0);
    await reader.pressKey('Enter');
    await expect
      .poll(focused)
      .toMatchObject({ pane: '0', address: 'winstanley-chesters-2015:title1', shown: true });
    expect(await reader.page.evaluate(() => location.hash)).toBe('');
    await link('Skip to the right text').focus();
    await reader.pressKey('Enter');
    await expect.poll(focused).toMatchObject({ pane: '1', shown: true });
    expect(await link('Skip to the annotations').count()).toBe(0);
    await openSidebar(reader.page);
    await link('Skip to the annotations').focus();
    await reader.pressKey('Enter');
    await expect
      .poll(() =>
        reader.page.evaluate(() => !!document.activeElement?.closest('#annotations-sidebar')),
      )
      .toBe(true);
  });

  it('narrow: the link to the hidden text shows it, then focuses it', async () => {
    await reader.setViewport('narrow');
    try {
      await reader.openApp();
      await reader.pressKey('Tab');
      await reader.pressKey('Tab');
      expect((await focused()).name).toBe('Skip to the right text');
      expect((await link('Skip to the right text').boundingBox())!.width).toBeGreaterThan(50);
      await reader.screenshot('skip-link-narrow');
      await reader.pressKey('Enter');
      await expect.poll(focused).toMatchObject({ pane: '1', shown: true });
      expect(await reader.paneOf('lankov-2007').isVisible()).toBe(true);
      expect(await reader.paneOf('winstanley-chesters-2015').isVisible()).toBe(false);
      await link('Skip to the left text').focus();
      await reader.pressKey('Enter');
      await expect.poll(focused).toMatchObject({ pane: '0', shown: true });
      expect(await reader.paneOf('lankov-2007').isVisible()).toBe(false);
    } finally {
      await reader.setViewport('wide');
    }
  });
});
