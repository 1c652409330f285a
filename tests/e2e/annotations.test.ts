// Annotations in the reader: the selection toolbar, highlights, notes and
// tags, the sidebar, persistence, delete and undo, import and export, storage
// problems, and two tabs. One browser for the file; each test starts from an
// emptied localStorage unless it says otherwise.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ANNOTATIONS_KEY, clearStorage, selectInPassage, selectionToolbar, storedValue } from './helpers/annotations-ui.ts';
import { startReader, type Reader } from './helpers/ui.ts';

let reader: Reader;
beforeAll(async () => {
  reader = await startReader('wide');
  await reader.openApp();
});
afterAll(async () => {
  await reader?.close();
});
beforeEach(async () => {
  await clearStorage(reader);
  await reader.openApp();
});

/** The stored annotations (parsed envelope's list). */
async function stored(): Promise<{ id: string; color?: string; note?: string; tags: string[]; targets: { selectors: { quote: { exact: string }; address: string } }[] }[]> {
  const raw = await storedValue(reader.page, ANNOTATIONS_KEY);
  return raw === null ? [] : (JSON.parse(raw) as { annotations: never[] }).annotations;
}

describe('the selection toolbar', () => {
  it('appears at a selection in a pane, and h highlights it', async () => {
    const quote = await selectInPassage(reader.page, 'lankov-2007:3', 0, 24);
    const bar = selectionToolbar(reader.page);
    await bar.waitFor();
    expect(await bar.getByRole('button', { name: 'Highlight', exact: true }).getAttribute('aria-keyshortcuts')).toBe('h');
    await reader.pressKey('h');
    await bar.waitFor({ state: 'detached' });
    await expect.poll(async () => (await stored()).length).toBe(1);
    const [a] = await stored();
    expect(a!.targets[0]!.selectors.quote.exact).toBe(quote.trim());
    expect(a!.targets[0]!.selectors.address.startsWith('lankov-2007:3')).toBe(true);
    expect(a!.color).toBe('yellow');
  });

  it('Escape dismisses it and clears the selection; a mouse press on it keeps the selection', async () => {
    await selectInPassage(reader.page, 'winstanley-chesters-2015:4', 5, 40);
    const bar = selectionToolbar(reader.page);
    await bar.waitFor();
    await bar.getByRole('button', { name: 'Highlight green' }).click();
    await expect.poll(async () => (await stored()).map((a) => a.color)).toEqual(['green']);
    await selectInPassage(reader.page, 'winstanley-chesters-2015:4', 50, 70);
    await bar.waitFor();
    await reader.pressKey('Escape');
    await bar.waitFor({ state: 'detached' });
    expect(await reader.page.evaluate(() => document.getSelection()?.isCollapsed)).toBe(true);
  });
});
