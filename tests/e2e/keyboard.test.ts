// Keyboard: j/k through paragraphs of the focused pane, / and ?, focus visible, Tab reaches the text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReader, type Reader } from './helpers/ui.ts';

let reader: Reader;
beforeAll(async () => {
  reader = await startReader('wide');
});
afterAll(async () => {
  await reader?.close();
});

const currentAddress = () => reader.current().first().getAttribute('data-address');

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

  it('after j, a link back to the passage it started from still opens it', async () => {
    await reader.openApp('lankov-2007:5');
    await reader.pressKey('j');
    await expect.poll(currentAddress).toBe('lankov-2007:6');
    await reader.goToAddress('lankov-2007:5');
    await expect.poll(currentAddress).toBe('lankov-2007:5');
    await reader.page.goBack();
    await expect.poll(() => reader.page.evaluate(() => location.hash)).toBe('#lankov-2007:6');
    await expect.poll(currentAddress).toBe('lankov-2007:6');
  });

  it('j and k move in the focused pane', async () => {
    await reader.openApp();
    await reader.paneOf('lankov-2007').locator('.pane-scroll').focus();
    await reader.pressKey('j');
    await expect.poll(currentAddress).toBe('lankov-2007:1');
    for (let i = 0; i < 5; i++) await reader.pressKey('j');
    await expect.poll(currentAddress).toBe('lankov-2007:6');
    expect(
      await reader.paragraph('lankov-2007:6').evaluate((el) => el === document.activeElement),
    ).toBe(true);
  });

  it('stops at the last paragraph', async () => {
    await reader.openApp('lankov-2007:38');
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
    await reader.screenshot('shortcuts');
    await reader.pressKey('Escape');
    await dialog.waitFor({ state: 'hidden' });
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

  it('Tab reaches the toolbar, the text and the footnote markers, with a visible focus ring', async () => {
    await reader.openApp();
    const seen = new Set<string>();
    let markerOutline = '';
    for (let i = 0; i < 40; i++) {
      await reader.pressKey('Tab');
      const info = await reader.page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const s = getComputedStyle(el);
        return {
          cls: el.className,
          tag: el.tagName,
          outline: `${s.outlineStyle} ${s.outlineWidth}`,
        };
      });
      seen.add(info.cls || info.tag);
      if (info.cls === 'fn-marker' || info.cls === 'copy') markerOutline = info.outline;
    }
    expect(seen.has('pane-scroll')).toBe(true);
    expect(seen.has('copy') || seen.has('fn-marker')).toBe(true);
    expect(markerOutline).toMatch(/^solid [1-9]/);
  });
});
