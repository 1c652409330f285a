// The library (issue 16): every feature works on a reader's own text as on the built-in two —
// added by a drop or a paste; found by search; Related and Link passages / Compare between it
// and a built-in text; a new version re-anchors its annotations and lists those left unplaced;
// Export gives a text back; a workspace file moves everything to a fresh browser, all or nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  annotate,
  openSidebar,
  paintedTexts,
  selectInPassage,
  selectionToolbar,
  storedAnnotations,
} from './helpers/annotations-ui.ts';
import {
  addressesOf,
  chooseFilter,
  compareRows,
  openCompareView,
  openRelated,
} from './helpers/compare-ui.ts';
import { openLibrary } from './helpers/library-ui.ts';
import { downloadedText, startReader, type Reader } from './helpers/ui.ts';

// One page for the file, loaded once and driven in place (a page load costs about a CPU-second):
// each test adds its own text to the library the tests before it filled; the workspace test
// reloads only in the fresh browser, to read what the import stored.
let reader: Reader;
beforeAll(async () => {
  reader = await startReader('wide');
});
afterAll(async () => {
  await reader?.close();
});

const LANKOV = 'lankov-2007';

const RAIL_MD = `# Rail and ports in the Russian Far East

Moscow kept investing in the railway from Khasan to the port of Rajin, a project meant to link the Trans-Siberian to Korean ports.

Relations with Pyongyang revived after Putin came to power, and Russia wrote off most of the Soviet-era debt owed by North Korea.

The weather in Vladivostok is cold in winter, and the ferries stop when the bay freezes.
`;

/** The pane showing the text whose id starts `<stem>-`, once there; its id. */
async function shown(stem: string): Promise<string> {
  const pane = reader.page.locator(`.pane[data-source^="${stem}-"]`);
  await expect.poll(() => pane.count(), { timeout: 20_000 }).toBeGreaterThan(0);
  return (await pane.first().getAttribute('data-source'))!;
}

/** Adds `markdown` as the file `<stem>.md` (Add a text…) and returns the id of the pane it opens in. */
async function addText(stem: string, markdown: string = RAIL_MD): Promise<string> {
  await reader.page.getByTestId('add-text-input').setInputFiles({
    name: `${stem}.md`,
    mimeType: 'text/markdown',
    buffer: Buffer.from(markdown),
  });
  return shown(stem);
}

describe("a reader's own text", () => {
  it('is added by dropping a file on the window', async () => {
    await reader.openApp();
    await reader.page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'dropped-rail.md', { type: 'text/markdown' }));
      window.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, cancelable: true }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, cancelable: true }));
    }, RAIL_MD);
    const id = await shown('dropped-rail');
    expect(await reader.paragraph(`${id}:1`).textContent()).toMatch(/^Moscow kept investing/);
    // Its paragraphs' tools name them in words, by the text's title, not by its id (a name and a
    // hash, "dropped-rail-3fa94c02d1:1"), which the address line shows as the link carries it.
    const title = 'Rail and ports in the Russian Far East';
    const block = reader.paragraph(`${id}:1`).locator('xpath=..');
    await block.hover();
    await expect.poll(() => block.locator('.addr').textContent()).toBe(`${id}:1`);
    await block.getByRole('button', { name: `Copy link to ${title} ¶1`, exact: true }).waitFor();
    await block.getByRole('button', { name: `Cite ${title} ¶1`, exact: true }).waitFor();
    await block
      .getByRole('button', { name: `Related in the other text to ${title} ¶1`, exact: true })
      .waitFor();
  });

  it('Related and Link passages work between it and a built-in text; the Compare view lists the link', async () => {
    // Right after the drop above, whose text took the pane it opened in: Lankov is in the other.
    const id = await addText('linked-rail');
    await expect.poll(() => reader.paneOf(LANKOV).count()).toBe(1);
    const panel = await openRelated(reader, `${id}:2`);
    for (const address of await addressesOf(panel.locator('.related-item'))) {
      expect(address.startsWith(`${LANKOV}:`)).toBe(true);
    }
    await reader.page.keyboard.press('Escape');

    await selectInPassage(reader.page, `${id}:2`, 0, 40);
    await selectionToolbar(reader.page).getByRole('button', { name: 'Link passages' }).click();
    // Its passage is named by the text's title, not its id ("linked-rail-3fa94c02d1 2").
    const title = 'Rail and ports in the Russian Far East';
    const chip = reader.page.locator('.link-pending');
    await expect.poll(() => chip.textContent()).toMatch(new RegExp(`^Linking from ${title} ¶2 `));
    await reader.paragraph(`${LANKOV}:7`).scrollIntoViewIfNeeded();
    await selectInPassage(reader.page, `${LANKOV}:7`, 0, 60);
    await selectionToolbar(reader.page).getByRole('button', { name: 'Link passages' }).click();
    const link = reader.page.getByRole('dialog', { name: 'Link passages' });
    await link.waitFor();
    expect(await link.locator('figcaption').allTextContents()).toEqual([
      `${title} ¶2`,
      'Lankov (2007) ¶7',
    ]);
    expect(await link.textContent()).not.toContain(id);
    await link.getByRole('radio', { name: /^qualifies/ }).check();
    await link.getByLabel('Topic').fill('Rail');
    await link.getByRole('button', { name: 'Save comparison' }).click();
    await expect.poll(() => link.count()).toBe(0);
    // The mark beside Lankov ¶7 names its counterpart by the text's title too, not its id.
    const mark = reader.paneOf(LANKOV).locator('.compare-mark[aria-label^="Your comparison"]');
    await expect.poll(() => mark.count()).toBe(1);
    expect(await mark.getAttribute('aria-label')).toBe(`Your comparison: qualifies — ${title} 2`);
    const view = await openCompareView(reader);
    await chooseFilter(view, 'Whose', 'Your own');
    expect(await compareRows(view).count()).toBe(1);
    const links = compareRows(view).first().locator('a.compare-link');
    expect(await links.first().getAttribute('href')).toMatch(new RegExp(`^#${id}:2(\\.\\d+)?$`));
    expect(await links.first().textContent()).toBe('¶2 in Rail and ports in the Russian Far East');
    await view.getByRole('button', { name: 'Close' }).click();
  });

  it('is added by a paste in the Library; its Korean renders with the full Korean font', async () => {
    // The built-in texts' Hangul is in their subset (and the texts added above have none): the
    // full Korean font is not even registered.
    const fullFaces = () =>
      reader.page.evaluate(() =>
        [...document.fonts]
          .filter((f) => f.family.replace(/"/g, '') === 'Diptych Hangul Full')
          .map((f) => f.status),
      );
    expect(await fullFaces()).toEqual([]);
    const bodyFont = () => reader.page.evaluate(() => getComputedStyle(document.body).fontFamily);
    expect(await bodyFont()).not.toContain('Diptych Hangul Full');
    const dialog = await openLibrary(reader.page);
    await dialog.getByRole('button', { name: 'Paste a text' }).click();
    await dialog.getByLabel('Name').fill('Pasted notes');
    await dialog
      .getByLabel('Text (Markdown or plain text)')
      .fill('# Pasted notes\n\nA pasted paragraph about the Tumen river bridge (두만강 철교).\n');
    await dialog.getByRole('button', { name: 'Add to library' }).click();
    await expect
      .poll(() => dialog.locator('tr[data-text^="pasted-notes-"]').textContent())
      .toContain('Pasted notes');
    // Opened in a pane, its Hangul (none of it in the built-in subset) loads the slices it needs:
    // a few of the 86, not all.
    await dialog.locator('tr[data-text^="pasted-notes-"] .library-open').click();
    await expect
      .poll(async () => (await fullFaces()).filter((s) => s === 'loaded').length, {
        timeout: 20_000,
      })
      .toBeGreaterThan(0);
    const statuses = await fullFaces();
    expect(statuses.length).toBeGreaterThan(50);
    expect(statuses.filter((s) => s === 'loaded').length).toBeLessThan(10);
    // Then every stack starts with it: Korean in a title, an entry or a field has glyphs too.
    expect(await bodyFont()).toMatch(/^"?Diptych Hangul Full"?, /);
    await reader.page
      .locator('.pane[data-source^="pasted-notes-"] [lang="ko"]')
      .first()
      .scrollIntoViewIfNeeded();
    await reader.screenshot('user-text-korean');
  });

  it('is found by search, also when the search was used before it was added', async () => {
    await reader.search('Khasan');
    await expect.poll(() => reader.searchHits().count()).toBeGreaterThan(0);
    const id = await addText('searched-rail', RAIL_MD.replace('Khasan', 'Khasan (Hasan)'));
    await reader.search('Hasan');
    // A hit of the new text, named by its place in words (its address in data-hit).
    await expect
      .poll(() =>
        reader.searchHits().evaluateAll((hits) => hits.map((h) => h.getAttribute('data-hit'))),
      )
      .toContain(`${id}:1.1`);
    expect(await reader.searchHits().allTextContents()).toContainEqual(
      expect.stringMatching(/^¶1, sentence 1Moscow kept investing/),
    );
  });

  it('a new version re-anchors its annotations and names those left unplaced', async () => {
    const id = await addText('versioned-rail');
    const placedQuote = await annotate(reader.page, `${id}:1`, 0, 28, 'h');
    await annotate(reader.page, `${id}:3`, 0, 30, 'h');
    const dialog = await openLibrary(reader.page);
    const row = dialog.locator(`tr[data-text="${id}"]`);
    await expect.poll(() => row.locator('td').nth(4).textContent()).toBe('2');
    const [chooser] = await Promise.all([
      reader.page.waitForEvent('filechooser'),
      row.getByRole('button', { name: 'New version…' }).click(),
    ]);
    await chooser.setFiles({
      name: 'versioned-rail.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from(RAIL_MD.replace(/^The weather.*$/m, 'A new last paragraph.')),
    });
    await expect
      .poll(() => reader.notice().textContent())
      .toContain(
        '“Rail and ports in the Russian Far East” is now version 2. 1 of its 2 annotations could not be placed in it: it is kept, listed under Unplaced in Annotations.',
      );
    await expect.poll(async () => (await row.count()) && row.textContent()).toContain('version 2');
    await dialog.getByRole('button', { name: 'Close' }).click();
    const bar = await openSidebar(reader.page);
    const unplaced = bar.locator('.ann-unplaced');
    await expect.poll(() => unplaced.count()).toBe(1);
    expect(await unplaced.locator('h3').textContent()).toBe('Unplaced (1)');
    expect(await unplaced.textContent()).toContain('The weather in Vladivostok is');
    await expect.poll(() => paintedTexts(reader.page, 'diptych-yellow')).toContain(placedQuote);
  });
});

/**
 * Each Library row's text (title, author, date, size, annotations), by text id. Not its
 * actions: they say which pane shows the text ("In the left pane"), which is the page's state,
 * not the text's (the tests above left their texts open; a fresh load shows the built-in two).
 */
async function libraryRows(page: Reader['page']): Promise<Record<string, string>> {
  const dialog = await openLibrary(page);
  const rows: Record<string, string> = {};
  for (const row of await dialog.locator('tr[data-text]').all()) {
    const cells = await row.locator('td:not(.library-actions)').allTextContents();
    expect(cells).toHaveLength(5);
    rows[(await row.getAttribute('data-text'))!] = cells.join(' | ');
  }
  return rows;
}

describe('the Library and the workspace file (texts added above)', () => {
  it('Export downloads a text as it was added', async () => {
    const dialog = await openLibrary(reader.page);
    const row = dialog.locator('tr[data-text^="linked-rail-"]');
    const [download] = await Promise.all([
      reader.page.waitForEvent('download'),
      row.getByRole('button', { name: 'Export', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('linked-rail.md');
    expect(await downloadedText(download)).toBe(RAIL_MD);
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  });

  it('a workspace moves texts and annotations to a fresh browser; a damaged one changes nothing and says why', async () => {
    const rows = await libraryRows(reader.page);
    const annotations = await storedAnnotations(reader.page);
    expect(Object.keys(rows).length).toBeGreaterThanOrEqual(5);
    const dialog = reader.page.getByRole('dialog', { name: 'Library' });
    const [download] = await Promise.all([
      reader.page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Export workspace' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^diptych-workspace-.+\.json$/);
    const exported = await downloadedText(download);
    await expect
      .poll(() => reader.notice().textContent())
      .toContain(
        `Exported ${Object.keys(rows).length} texts and ${annotations.length} annotations.`,
      );
    const workspace = JSON.parse(exported) as {
      texts: { entry: { id: string; title: string }; content: string }[];
    };
    expect(workspace.texts.map((t) => t.entry.id).sort()).toEqual(Object.keys(rows).sort());

    const other = await startReader('wide');
    try {
      // The fresh browser has work of its own: an annotation on a built-in text.
      await other.openApp(`${LANKOV}:2`);
      await annotate(other.page, `${LANKOV}:2`, 0, 20, 'h');
      const own = await storedAnnotations(other.page);
      expect(own).toHaveLength(1);

      // Damaged: the last text has no running text left. Nothing is imported, not even the
      // texts before it; the reader is told which text and why.
      const damaged = structuredClone(workspace);
      const broken = damaged.texts.at(-1)!;
      broken.content = '# Only a heading\n';
      const otherDialog = await openLibrary(other.page);
      await otherDialog.getByTestId('workspace-input').setInputFiles({
        name: 'damaged.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(damaged)),
      });
      await expect
        .poll(() => other.notice().textContent(), { timeout: 20_000 })
        .toContain(
          `Nothing was imported from “damaged.json”: the text “${broken.entry.title}” cannot be read`,
        );
      expect(await otherDialog.locator('tr[data-text]').count()).toBe(0);
      expect(await otherDialog.locator('.library-empty').count()).toBe(1);
      expect(await storedAnnotations(other.page)).toEqual(own);

      // The file as exported: every text, with its annotation count, and every annotation,
      // beside the annotation this browser had.
      await otherDialog.getByTestId('workspace-input').setInputFiles({
        name: 'workspace.json',
        mimeType: 'application/json',
        buffer: Buffer.from(exported),
      });
      await expect
        .poll(() => other.notice().textContent(), { timeout: 20_000 })
        .toContain(`Imported “workspace.json”: ${Object.keys(rows).length} new texts;`);
      await expect
        .poll(() => otherDialog.locator('tr[data-text]').count())
        .toBe(Object.keys(rows).length);
      await otherDialog.getByRole('button', { name: 'Close', exact: true }).click();
      await other.openApp();
      expect(await libraryRows(other.page)).toEqual(rows);
      const after = await storedAnnotations(other.page);
      expect(after.map((a) => a.id).sort()).toEqual(
        [...own, ...annotations].map((a) => a.id).sort(),
      );
    } finally {
      await other.close();
    }
  });
});
