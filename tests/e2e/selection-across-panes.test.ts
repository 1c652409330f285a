// A new reader drags from a passage of the left text into the right text. The selection toolbar
// offered Highlight, Add note, Link passages, Related and Cite, and Highlight saved the whole rest
// of the left text (6,477 characters from Winstanley-Chesters 4 to its end, the hidden site
// navigation included) as one annotation addressed "winstanley-chesters-2015:4", dropping the
// right text's part. Now the toolbar says to select within one text and no action runs.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { clearStorage, selectionToolbar, storedAnnotations } from './helpers/annotations-ui.ts';
import { selectAcross } from './helpers/citations-ui.ts';
import { passageTextOf, startReader, type Reader } from './helpers/ui.ts';

const WC = 'winstanley-chesters-2015';
const LANKOV = 'lankov-2007';

let reader: Reader;
beforeAll(async () => {
  reader = await startReader('wide');
  await reader.openApp();
  await clearStorage(reader);
  await reader.openApp();
  await reader.page
    .context()
    .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: inject('baseUrl') });
});
afterAll(async () => {
  await reader?.close();
});

/** Drags the mouse from inside one passage to inside another, as a reader selects. */
async function drag(from: string, to: string): Promise<void> {
  const a = (await reader.paragraph(from).boundingBox())!;
  const b = (await reader.paragraph(to).boundingBox())!;
  const page = reader.page;
  await page.mouse.move(a.x + 40, a.y + 8);
  await page.mouse.down();
  await page.mouse.move(b.x + 120, b.y + 8, { steps: 12 });
  await page.mouse.up();
}

describe('a selection dragged from one text into the other', () => {
  it('gets no actions: the toolbar says to select within one text, and h saves nothing', async () => {
    await drag(`${WC}:2`, `${LANKOV}:2`);
    const bar = selectionToolbar(reader.page);
    // What appears at the selection: the explanation, not the actions.
    const floating = reader.page.locator('.selection-toolbar');
    await floating.waitFor();
    expect(await floating.getAttribute('role')).toBe('status');
    const status = reader.page.locator('.selection-toolbar[role="status"]');
    expect(await status.textContent()).toContain('select within one text');
    expect(await bar.count()).toBe(0);
    expect(await reader.page.getByRole('button', { name: 'Highlight', exact: true }).count()).toBe(
      0,
    );
    // The explanation is on screen, next to where the drag began.
    const box = (await status.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(reader.page.viewportSize()!.height);
    for (const key of ['h', 'n', 'l', 'i']) await reader.pressKey(key);
    await reader.page.waitForTimeout(300);
    expect(await storedAnnotations(reader.page)).toEqual([]);
    await reader.pressKey('Escape');
    await status.waitFor({ state: 'detached' });
    // Within one text again, the actions come back.
    await drag(`${LANKOV}:2`, `${LANKOV}:3`);
    await bar.waitFor();
    expect(await bar.getByRole('button', { name: 'Highlight', exact: true }).count()).toBe(1);
    await reader.pressKey('Escape');
  });
});

/** The address of a pane's first or last rendered passage (blocks and footnotes, not sentences). */
async function edgePassage(pane: 0 | 1, edge: 'first' | 'last'): Promise<string> {
  return reader.page.evaluate(
    ({ pane, edge }) => {
      const passages = [
        ...document.querySelectorAll(`.pane[data-pane="${pane}"] article.edition [data-address]`),
      ].filter(
        (el) => !el.closest('[data-anchor-ignore]') && !el.parentElement?.closest('[data-address]'),
      );
      return (edge === 'first' ? passages[0] : passages.at(-1))!.getAttribute('data-address')!;
    },
    { pane, edge },
  );
}

describe('copying a selection that spans both texts', () => {
  it('puts each text’s part on the clipboard, left then right, with a blank line between', async () => {
    await reader.openApp();
    const last = await edgePassage(0, 'last');
    const first = await edgePassage(1, 'first');
    const a = await reader.page.locator(`[data-address="${last}"]`).evaluate(passageTextOf);
    const b = await reader.page.locator(`[data-address="${first}"]`).evaluate(passageTextOf);
    expect(a.length).toBeGreaterThan(10);
    expect(b.length).toBeGreaterThan(12);
    await selectAcross(reader.page, { address: last, offset: 5 }, { address: first, offset: 12 });
    await reader.page.evaluate(() => navigator.clipboard.writeText('before'));
    await reader.page.keyboard.press('Control+C');
    await expect
      .poll(() => reader.page.evaluate(() => navigator.clipboard.readText()))
      .not.toBe('before');
    const copied = await reader.page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${a.slice(5)}\n\n${b.slice(0, 12)}`);
    await reader.pressKey('Escape');
  });
});
