// What is typed in an annotation's editor is not lost when the editor closes by any way but
// Save or Cancel: Escape, the sidebar's Close, another annotation opened. Found by a new reader
// who typed a note and pressed Escape: the note was gone, with no notice and no undo. And a note
// over the model's limit is refused in words a reader understands, with what was typed kept.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_NOTE_LENGTH } from '../../annotations/model/annotation.ts';
import {
  annotate,
  clearStorage,
  openSidebar,
  sidebar,
  sidebarItems,
  storedAnnotations,
} from './helpers/annotations-ui.ts';
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

/** The note field of the open editor. */
const noteField = () => sidebar(reader.page).getByLabel('Note', { exact: true });

/** Selects a passage, chooses Add note (n) and types `text` into the editor that opens. */
async function startNote(address: string, text: string): Promise<void> {
  await annotate(reader.page, address, 0, 30, 'n');
  await noteField().waitFor();
  await expect.poll(() => noteField().evaluate((el) => el === document.activeElement)).toBe(true);
  await reader.page.keyboard.type(text);
}

/**
 * The note field of the annotation on `address`, its editor opened with Edit unless it is open
 * already (an editor left open when the sidebar closed is open again when it reopens), and its value.
 */
async function reopen(address: string): Promise<string> {
  // The card names its passage in words ("Annotation on Lankov (2007) ¶9, sentence 1"); the raw
  // address is its data-address-ref.
  const card = sidebar(reader.page).locator(`li.ann-item[data-address-ref="${address}"]`);
  const field = card.getByLabel('Note', { exact: true });
  if ((await field.count()) === 0)
    await card.getByRole('button', { name: /^Edit annotation on Lankov \(2007\) ¶/ }).click();
  await field.waitFor();
  return field.inputValue();
}

describe('an annotation being edited', () => {
  it('keeps what was typed when Escape closes the editor, and says so', async () => {
    const typed = 'The famine years: compare Winstanley-Chesters on aid.';
    await startNote('lankov-2007:9', typed);
    await reader.pressKey('Escape');
    await noteField().waitFor({ state: 'detached' });
    const [stored] = await storedAnnotations(reader.page);
    const address = stored!.targets[0]!.selectors.address;
    expect(stored!.note).toBeUndefined();
    // The card says its changes wait, and the notice tells where.
    await expect
      .poll(() => sidebarItems(reader.page).first().textContent())
      .toContain('Unsaved changes kept');
    // The notice names the passage in words, as the card does, not by its raw address.
    const [, n, sentence] = /^lankov-2007:(\d+)\.(\d+)$/.exec(address)!;
    await expect
      .poll(() => reader.notice().textContent())
      .toContain(`annotation on Lankov (2007) ¶${n}, sentence ${sentence} are not saved`);
    expect(await reopen(address)).toBe(typed);
    await sidebar(reader.page).getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(async () => (await storedAnnotations(reader.page))[0]!.note).toBe(typed);
    // Saved: nothing waits any more, and the next edit starts from what is stored.
    expect(await sidebarItems(reader.page).first().textContent()).not.toContain('Unsaved');
    expect(await reopen(address)).toBe(typed);
  });

  it('keeps it when the sidebar is closed or another annotation is opened; Cancel discards', async () => {
    await annotate(reader.page, 'lankov-2007:4', 0, 20, 'h');
    const typed = 'Soviet aid, again.';
    await startNote('lankov-2007:12', typed);
    const address = (await storedAnnotations(reader.page)).find((a) =>
      a.targets[0]!.selectors.address.startsWith('lankov-2007:12'),
    )!.targets[0]!.selectors.address;
    await sidebar(reader.page).getByRole('button', { name: 'Close annotations' }).click();
    await sidebar(reader.page).waitFor({ state: 'hidden' });
    await openSidebar(reader.page);
    expect(await reopen(address)).toBe(typed);
    // Another annotation's editor opened instead: this one's text still waits.
    await reader.page.keyboard.type(' More.');
    const other = (await storedAnnotations(reader.page)).find((a) =>
      a.targets[0]!.selectors.address.startsWith('lankov-2007:4'),
    )!.targets[0]!.selectors.address;
    expect(await reopen(other)).toBe('');
    expect(await reopen(address)).toBe(`${typed} More.`);
    // Cancel is the way to drop it.
    await sidebar(reader.page).getByRole('button', { name: 'Cancel', exact: true }).click();
    await noteField().waitFor({ state: 'detached' });
    expect(await sidebarItems(reader.page).last().textContent()).not.toContain('Unsaved');
    expect(await reopen(address)).toBe('');
  });

  it('refuses a note over the limit in plain words, naming its length, and keeps the text', async () => {
    await startNote('lankov-2007:20', 'x');
    const long = 'Lankov doubts the railway. '.repeat(Math.ceil((MAX_NOTE_LENGTH + 10) / 27));
    await noteField().fill(long);
    await sidebar(reader.page).getByRole('button', { name: 'Save', exact: true }).click();
    const alert = sidebar(reader.page).getByRole('alert');
    await alert.waitFor();
    const message = (await alert.textContent()) ?? '';
    expect(message).toContain(long.length.toLocaleString('en'));
    expect(message).toContain(MAX_NOTE_LENGTH.toLocaleString('en'));
    // No schema jargon: the reader sees what to do, not the validator's words.
    expect(message).not.toMatch(/expected|string|<=/);
    expect(await noteField().inputValue()).toBe(long);
    expect((await storedAnnotations(reader.page))[0]!.note).toBeUndefined();
  });
});
