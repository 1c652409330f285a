// The Library lists every text the reader can show, the built-in two included: with both panes on
// texts of their own, a reader found no way back to Lankov or Winstanley-Chesters there. Each text
// opens in the left or the right pane from its row; a pane showing a deleted text shows a built-in
// one instead and says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libraryDialog, openLibrary } from './helpers/library-ui.ts';
import { startReader, type Reader } from './helpers/ui.ts';

let reader: Reader;
beforeAll(async () => {
  reader = await startReader('wide');
});
afterAll(async () => {
  await reader?.close();
});

const LANKOV = 'lankov-2007';
const WC = 'winstanley-chesters-2015';

/** The texts the left and the right pane show. */
const paneSources = () =>
  reader.page.locator('.pane').evaluateAll((panes) => panes.map((p) => p.dataset.source ?? ''));

/** Adds a Markdown file as a reader does (Add a text…); resolves to its id once a pane shows it. */
async function addText(stem: string, heading: string): Promise<string> {
  await reader.page.getByTestId('add-text-input').setInputFiles({
    name: `${stem}.md`,
    mimeType: 'text/markdown',
    buffer: Buffer.from(`# ${heading}\n\nA paragraph of ${heading}, long enough to read.\n`),
  });
  const pane = reader.page.locator(`.pane[data-source^="${stem}-"]`);
  await expect.poll(() => pane.count(), { timeout: 20_000 }).toBe(1);
  return (await pane.getAttribute('data-source'))!;
}

describe('the Library and the built-in texts', () => {
  let first = '';
  let second = '';

  it('lists the built-in texts beside the reader’s own, marked built in, and opens one in the right pane', async () => {
    await reader.openApp();
    first = await addText('own-first', 'Harbour notes');
    second = await addText('own-second', 'Railway notes');
    // Both panes on texts of the reader's own: the right pane's menu picks the first text.
    await reader.page.getByLabel('Text in the right pane').selectOption(first);
    await expect.poll(paneSources).toEqual([second, first]);
    // The pane's menu offers the built-in texts too.
    expect(
      await reader.page
        .getByLabel('Text in the left pane')
        .locator('option')
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)),
    ).toEqual(expect.arrayContaining([LANKOV, WC, first, second]));

    const dialog = await openLibrary(reader.page);
    const builtin = dialog.getByRole('region', { name: 'Built-in texts' });
    const row = (id: string) => builtin.locator(`tr[data-builtin="${id}"]`);
    await row(LANKOV).waitFor();
    expect(await builtin.locator('tr[data-builtin]').count()).toBe(2);
    const lankov = (await row(LANKOV).textContent()) ?? '';
    expect(lankov).toContain('Russia and North Korea');
    expect(lankov).toContain('Lankov (2007) · built in, cannot be deleted');
    // The year is the inferred one, and says so.
    expect(await row(LANKOV).locator('td[data-label="Date"]').textContent()).toBe(
      '2007 (inferred)',
    );
    expect(await row(WC).textContent()).toContain('Winstanley-Chesters (2015)');
    // The authors by full name, as the record has them (the column showed family names only).
    expect(await row(LANKOV).locator('td[data-label="Author"]').textContent()).toBe(
      'Andrei Lankov',
    );
    expect(await row(WC).locator('td[data-label="Author"]').textContent()).toBe(
      'Robert Winstanley-Chesters',
    );
    expect(await builtin.getByRole('button', { name: /Delete|Rename/ }).count()).toBe(0);
    // The reader's own texts are listed as before, each with Open left / Open right too.
    const own = dialog.locator(`tr[data-text="${second}"]`);
    expect(await own.textContent()).toContain('In the left pane');
    expect(await own.getByRole('button', { name: 'Open right' }).count()).toBe(1);

    await row(LANKOV).getByRole('button', { name: 'Open right' }).click();
    await libraryDialog(reader.page).waitFor({ state: 'detached' });
    await expect.poll(paneSources).toEqual([second, LANKOV]);
    // The pane it opened in is the active one (the one shown below 900 px).
    expect(await reader.page.locator('.panes').getAttribute('data-active')).toBe('1');
  });

  it('a pane showing a text the reader deletes shows a built-in text instead, with a notice; Undo keeps it', async () => {
    // The panes as the test above left them (they are not kept across a reload).
    await expect.poll(paneSources).toEqual([second, LANKOV]);
    const dialog = await openLibrary(reader.page);
    const own = dialog.locator(`tr[data-text="${second}"]`);
    await own.getByRole('button', { name: 'Delete' }).click();
    await own.getByRole('alert').getByRole('button', { name: 'Delete' }).click();
    const status = dialog.locator('.library-removed');
    await expect
      .poll(() => status.textContent())
      .toContain(
        'Deleted “Railway notes”. The left pane shows Winstanley-Chesters (2015) instead.',
      );
    await expect.poll(paneSources).toEqual([WC, LANKOV]);
    await dialog.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => own.count()).toBe(1);
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    expect(await reader.notice().textContent()).toContain(
      'The left pane shows Winstanley-Chesters (2015) instead.',
    );
    // Undo brings the text back to the Library, not over the built-in text in its pane.
    expect(await paneSources()).toEqual([WC, LANKOV]);
  });
});
