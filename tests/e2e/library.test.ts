// The library (issue 16): texts a reader adds are kept in IndexedDB and read like the built-in two.
//
// One page for the file, loaded once and driven in place (a page load costs about a CPU-second):
// the tests after the first go on with the text it added, moving to a passage as a link in the
// app does (`reader.goTo`), and load the app again only where the reload is the point (the text, a
// highlight and a rename kept across a reload; a fresh browser for the re-import).
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  annotate,
  openSidebar,
  paintedTexts,
  sidebar,
  storedAnnotations,
} from './helpers/annotations-ui.ts';
import { openCite, panelCitation } from './helpers/citations-ui.ts';
import { startReader, type Reader } from './helpers/ui.ts';
import { tempDirForFile } from '../helpers/temp-dir.ts';
import { openLibrary } from './helpers/library-ui.ts';

/** This file's exports and hand-made import files, removed after its tests. */
const tmp = tempDirForFile('diptych-e2e-library-');

let reader: Reader;
beforeAll(async () => {
  reader = await startReader('wide');
});
afterAll(async () => {
  await reader?.close();
});

/** A GFM Markdown file with a heading, footnotes, a table and a paragraph ending in a bracket. */
export const NOTES_MD = `# Moscow and Pyongyang after 2000

Russia returned to the peninsula in 2000, when a new treaty replaced the old alliance.[^treaty] The change was gradual (and contested)

Trade stayed small, as the table shows, and debts were written off.[^debt]

| Year | Trade |
| ---- | ----- |
| 2005 | small |

[^treaty]: The Treaty of Friendship, Good-Neighbourliness and Cooperation.

[^debt]: Most of the Soviet-era debt was forgiven in 2012.
`;

const dialog = () => reader.page.getByRole('dialog', { name: 'Library' });

async function addFile(name: string, text: string, mimeType = 'text/markdown'): Promise<void> {
  await reader.page
    .getByTestId('add-text-input')
    .setInputFiles({ name, mimeType, buffer: Buffer.from(text) });
}

/** The id the library gave a text added from a file named `<stem>.…`, once a pane shows it, and its title. */
async function shownText(stem: string): Promise<{ id: string; title: string }> {
  const pane = reader.page.locator(`.pane[data-source^="${stem}-"]`);
  await expect.poll(() => pane.count(), { timeout: 20_000 }).toBeGreaterThan(0);
  const id = (await pane.first().getAttribute('data-source'))!;
  const title = (await reader.paragraph(`${id}:title1`).textContent()) ?? '';
  return { id, title };
}

/** What has focus: its tag, its text and the library row it sits in (focus must stay in the dialog). */
const focused = () =>
  reader.page.evaluate(() => {
    const el = document.activeElement;
    return `${el?.tagName} ${el?.textContent} ${el?.closest('tr')?.getAttribute('data-text') ?? ''}`.trim();
  });

/**
 * What breaks the 24 px tap-target rule (WCAG 2.5.8) in `scope`: a field or menu under 24 px
 * tall, or two buttons side by side with no space between them.
 */
const cramped = (scope: Locator) =>
  scope.evaluate((root) => {
    const out: string[] = [];
    const label = (el: Element) => el.getAttribute('aria-label') ?? el.textContent ?? el.tagName;
    for (const el of root.querySelectorAll(
      'input:not([type=checkbox]):not([type=hidden]), select',
    )) {
      const box = el.getBoundingClientRect();
      if (box.height > 0 && box.height < 24) out.push(`${label(el)}: ${box.height} px tall`);
    }
    const buttons = [...root.querySelectorAll('button')].map(
      (b) => [b, b.getBoundingClientRect()] as const,
    );
    for (const [a, ra] of buttons)
      for (const [b, rb] of buttons) {
        const sameLine = ra.width > 0 && rb.width > 0 && Math.abs(ra.top - rb.top) < 4;
        if (a !== b && sameLine && rb.left >= ra.left && rb.left - ra.right < 3)
          out.push(`${label(a)} | ${label(b)}: ${rb.left - ra.right} px apart`);
      }
    return out;
  });

describe('the library', () => {
  let id = '';

  it('adds a GFM Markdown file: heading as title, footnotes both ways, table, no page-break join', async () => {
    await reader.openApp();
    await addFile('my-notes.md', NOTES_MD);
    const shown = await shownText('my-notes');
    id = shown.id;
    expect(id).toMatch(/^my-notes-[0-9a-f]{10}$/);
    expect(shown.title).toContain('Moscow and Pyongyang after 2000');
    expect(await reader.notice().textContent()).toContain(
      'Added “Moscow and Pyongyang after 2000” to your library.',
    );
    // The paragraph ending in ")" is not glued to the next one.
    expect(await reader.paragraph(`${id}:1`).textContent()).toMatch(/\(and contested\)$/);
    expect(await reader.paragraph(`${id}:2`).textContent()).toMatch(/^Trade stayed small/);
    // Footnote: marker → popover → list; list → back to the paragraph.
    const marker = reader.footnoteMarker(`${id}:n1`);
    await marker.click();
    await expect
      .poll(() => reader.footnotePopover(1).textContent())
      .toContain('The Treaty of Friendship');
    await reader.page.keyboard.press('Escape');
    const note = reader.paragraph(`${id}:n1`);
    expect(await note.textContent()).toContain('The Treaty of Friendship');
    await reader.paneOf(id).locator(`a[href="#${id}:1"]`).first().click();
    await expect.poll(() => reader.page.evaluate(() => location.hash)).toBe(`#${id}:1`);
    await reader.screenshot('library-text-wide');
  });

  it('after a reload it is still in the library, with its title; a deep link opens it', async () => {
    await reader.openApp(`${id}:2`);
    await expect.poll(() => reader.paneOf(id).count()).toBe(1);
    await expect.poll(() => reader.current().first().getAttribute('data-address')).toBe(`${id}:2`);
    await openLibrary(reader.page);
    const row = dialog().locator(`tr[data-text="${id}"]`);
    await expect.poll(() => row.textContent()).toContain('Moscow and Pyongyang after 2000');
    await reader.screenshot('library-view-wide');
    await reader.setViewport('narrow');
    await reader.screenshot('library-view-narrow');
    // No column headings at 420 px: each value is labelled (a bare "—" or "0" said nothing).
    const labels = await row
      .locator('td')
      .evaluateAll((cells) => cells.map((c) => getComputedStyle(c, '::before').content));
    expect(labels).toEqual(
      expect.arrayContaining(['"Author: "', '"Date: "', '"Size: "', '"Annotations: "']),
    );
    await dialog().getByRole('button', { name: 'Close' }).click();
    // At 420 px the switch offers the two texts the panes hold; with a text of one's own there
    // are more, so the pane shown keeps its picker: any text opens there, no Library dialog needed.
    const picker = reader.page.locator('.pane[data-active="true"]').getByRole('combobox');
    expect(await picker.isVisible()).toBe(true);
    await reader.screenshot('pane-picker-narrow');
    await picker.selectOption('winstanley-chesters-2015');
    await expect.poll(() => reader.paneOf('winstanley-chesters-2015').isVisible()).toBe(true);
    await picker.selectOption(id);
    await expect.poll(() => reader.paneOf(id).isVisible()).toBe(true);
    await reader.setViewport('wide');
  });

  it('a highlight on it survives a reload', async () => {
    // The test above left the text in the pane shown.
    await reader.goTo(`${id}:2`);
    await expect.poll(() => reader.paneOf(id).count()).toBe(1);
    const quote = await annotate(reader.page, `${id}:2`, 0, 18, 'h');
    expect(quote).toBe('Trade stayed small');
    await expect
      .poll(async () => (await storedAnnotations(reader.page)).map((a) => a.targets[0]!.source))
      .toContain(id);
    await reader.openApp(`${id}:2`);
    await expect.poll(() => paintedTexts(reader.page, 'diptych-yellow')).toContain(quote);
  });

  it('Cite after filling its record gives the APA citation', async () => {
    await reader.goTo(`${id}:1`);
    await openLibrary(reader.page);
    const row = dialog().locator(`tr[data-text="${id}"]`);
    await row.getByRole('button', { name: 'Edit record' }).click();
    const form = dialog().getByRole('form', { name: 'Edit record' });
    // Focus goes to the form (below the list: off screen at 420 px), and back to the row after.
    await expect.poll(focused).toBe('H3 Record of “Moscow and Pyongyang after 2000”');
    expect(await form.getByLabel('Title', { exact: true }).inputValue()).toBe(
      'Moscow and Pyongyang after 2000',
    );
    // The fields follow the kind of work: a journal article asks for its journal, volume, pages.
    expect(await form.getByLabel('Volume').count()).toBe(0);
    await form.getByLabel('Type', { exact: true }).selectOption('article-journal');
    await form.getByLabel('Journal').fill('Korean Studies Review');
    await form.getByLabel('Volume').fill('12');
    await form.getByLabel('Pages').fill('45–67');
    expect(await cramped(form)).toEqual([]);
    await form.getByLabel('Authors').fill('Roe, Jane');
    await form.getByLabel('Date').fill('2024-02-30');
    await form.getByRole('button', { name: 'Save record' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('real calendar date');
    await form.getByLabel('Date').fill('2024');
    await form.getByRole('button', { name: 'Save record' }).click();
    await expect.poll(() => form.count()).toBe(0);
    await expect.poll(focused).toBe(`BUTTON Edit record ${id}`);
    await dialog().getByRole('button', { name: 'Close' }).click();
    const panel = await openCite(reader, `${id}:1`);
    await expect
      .poll(() => panelCitation(reader.page).textContent(), { timeout: 30_000 })
      .toBe('(Roe, 2024, para. 1)');
    // The panel names the text by its title, and edits its record too (issue 16), undoably.
    expect(await panel.getByRole('heading').first().textContent()).toMatch(
      / — Moscow and Pyongyang after 2000$/,
    );
    const entry = panel.locator('.cite-bibliography');
    await expect.poll(() => entry.textContent()).toContain('Korean Studies Review, 12, 45–67');
    expect(await entry.textContent()).toContain('edited by you');
    await panel
      .getByRole('button', { name: 'Edit record: Moscow and Pyongyang after 2000' })
      .click();
    const editor = reader.page.getByRole('dialog', {
      name: 'Edit record — Moscow and Pyongyang after 2000',
    });
    expect(await editor.getByLabel('Volume').inputValue()).toBe('12');
    await editor.getByLabel('Volume').fill('13');
    await reader.screenshot('cite-panel-user-record');
    await editor.getByRole('button', { name: 'Save record' }).click();
    await editor.waitFor({ state: 'detached' });
    await expect.poll(() => entry.textContent()).toContain('Korean Studies Review, 13, 45–67');
    await panel.getByRole('button', { name: 'Undo record change' }).click();
    await expect.poll(() => entry.textContent()).toContain('Korean Studies Review, 12, 45–67');
    await reader.setViewport('narrow');
    await reader.screenshot('cite-panel-user-text-narrow');
    await reader.setViewport('wide');
    await reader.page.keyboard.press('Escape');
  });

  it('its annotation export re-imports in a fresh browser before and after the text is added', async () => {
    // The highlight exported is the one the test above the Cite test made.
    const bar = await openSidebar(reader.page);
    const [download] = await Promise.all([
      reader.page.waitForEvent('download'),
      bar.getByRole('button', { name: 'Export annotations' }).click(),
    ]);
    const file = path.join(tmp, `diptych-library-${Date.now()}.jsonld`);
    await download.saveAs(file);
    expect(readFileSync(file, 'utf8')).toContain('Moscow and Pyongyang after 2000');

    // A fresh browser without the text: the annotation waits, named by the text's title.
    const other = await startReader('wide');
    try {
      await other.openApp();
      const otherBar = await openSidebar(other.page);
      await otherBar
        .getByLabel('Annotation file to import (W3C JSON-LD or Hypothesis JSON)')
        .setInputFiles(file);
      await expect
        .poll(() => otherBar.locator('.ann-import-result').textContent())
        .toMatch(/Imported 1 annotation.*wait for “Moscow and Pyongyang after 2000”/);
      await openLibrary(other.page);
      const waiting = other.page.getByRole('region', {
        name: 'Annotations waiting for their text',
      });
      await expect.poll(() => waiting.textContent()).toContain('Moscow and Pyongyang after 2000');
      // The sidebar is open too (its "Close annotations" also matches "Close"): close the Library.
      await other.page
        .getByRole('dialog', { name: 'Library' })
        .getByRole('button', { name: 'Close' })
        .click();
      // Adding the text places it.
      await other.page.getByTestId('add-text-input').setInputFiles({
        name: 'my-notes.md',
        mimeType: 'text/markdown',
        buffer: Buffer.from(NOTES_MD),
      });
      await expect.poll(() => other.paneOf(id).count(), { timeout: 20_000 }).toBe(1);
      await expect
        .poll(() => paintedTexts(other.page, 'diptych-yellow'), { timeout: 20_000 })
        .toContain('Trade stayed small');

      // A fresh browser that has the text first: placed at once. The same context with its
      // storage cleared (all a fresh context starts without; its HTTP cache keeps the scripts).
      const third = other;
      await third.clearStorage();
      await third.openApp();
      expect(await third.paneOf(id).count()).toBe(0);
      await third.page.getByTestId('add-text-input').setInputFiles({
        name: 'my-notes.md',
        mimeType: 'text/markdown',
        buffer: Buffer.from(NOTES_MD),
      });
      await expect.poll(() => third.paneOf(id).count(), { timeout: 20_000 }).toBe(1);
      const thirdBar = await openSidebar(third.page);
      await thirdBar
        .getByLabel('Annotation file to import (W3C JSON-LD or Hypothesis JSON)')
        .setInputFiles(file);
      await expect
        .poll(() => thirdBar.locator('.ann-import-result').textContent())
        .toMatch(/^[^:]+: Imported 1 annotation\.$/);
      expect(await sidebar(third.page).textContent()).toContain('Trade stayed small');
    } finally {
      await other.close();
    }
  });

  it('renames it, and deletes it with a warning naming its annotations, then Undo', async () => {
    // Its 1 annotation is the highlight made above.
    await openLibrary(reader.page);
    const row = dialog().locator(`tr[data-text="${id}"]`);
    await row.getByRole('button', { name: 'Rename' }).click();
    await row.getByRole('textbox').fill('My Korea notes');
    expect(await cramped(row)).toEqual([]);
    await row.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => row.textContent()).toContain('My Korea notes');
    // Focus stays in the dialog as each form or question closes (it fell to the page before).
    await expect.poll(focused).toBe(`BUTTON Rename ${id}`);
    await row.getByRole('button', { name: 'Delete' }).click();
    expect(await row.getByRole('alert').textContent()).toContain(
      'Delete “My Korea notes” and leave its 1 annotation waiting for it?',
    );
    await expect.poll(focused).toBe(`BUTTON Cancel ${id}`);
    expect(await cramped(row)).toEqual([]);
    await row.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => row.count()).toBe(0);
    await expect.poll(focused).toBe('BUTTON Undo');
    await dialog().getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(focused).toBe(`BUTTON My Korea notes ${id}`);
    await reader.openApp();
    await openLibrary(reader.page);
    await expect
      .poll(() => dialog().locator(`tr[data-text="${id}"]`).textContent())
      .toContain('My Korea notes');
    await dialog().getByRole('button', { name: 'Close' }).click();
  });

  it('adds an HTML article: main text only, scripts and styles dropped, nothing run', async () => {
    const html = `<!doctype html><html><head><title>Rail links</title><meta name="author" content="Jane Roe">
<script>window.__ran = true</script><style>p{color:red}</style></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/about">About us</a></nav>
<article><h1>Rail links</h1><p>The Khasan–Rajin railway was rebuilt with Russian money, a long paragraph that a reader would want to annotate and cite.</p>
<p>It carries <a href="javascript:alert(1)">coal</a> to a port on the Sea of Japan, and its future depends on sanctions.</p></article>
<footer>© A newspaper</footer></body></html>`;
    await addFile('rail.html', html, 'text/html');
    const { id: railId } = await shownText('rail');
    const pane = reader.paneOf(railId);
    expect(await pane.locator('article.edition').textContent()).toContain('Khasan–Rajin railway');
    expect(await pane.locator('article.edition').textContent()).not.toMatch(/Home|About us|©/);
    expect(await pane.locator('a[href^="javascript"]').count()).toBe(0);
    expect(await reader.page.evaluate(() => (window as { __ran?: boolean }).__ran)).toBeUndefined();
  });

  it('adds a saved page whose byline is a paragraph: the byline is its author, ¶1 its first real paragraph', async () => {
    const html = readFileSync(
      new URL('../fixtures/html-bylines/meta-author-by-paragraph.html', import.meta.url),
      'utf8',
    );
    await addFile('rajin.html', html, 'text/html');
    const { id } = await shownText('rajin');
    const first = reader.paragraph(`${id}:1`);
    await expect
      .poll(() => first.textContent())
      .toMatch(/^The border town of Rason was opened to foreign trade in 1991/);
    expect(await reader.paneOf(id).locator('article.edition').textContent()).not.toContain(
      'By Jane Doe',
    );
    await openLibrary(reader.page);
    // The record's author, by full name as a reader names them (it was "Doe" alone).
    await expect
      .poll(() => dialog().locator(`tr[data-text="${id}"] td[data-label="Author"]`).textContent())
      .toBe('Jane Doe');
    await dialog().getByRole('button', { name: 'Close' }).click();
  });

  it('a text added while the URL names a passage of the pane’s text stays open (the hash does not bring the old text back)', async () => {
    await reader.goTo('lankov-2007:12');
    await expect.poll(() => reader.paneOf('lankov-2007').count()).toBe(1);
    await addFile('hash-notes.md', 'A first paragraph.\n\nA second one.');
    await expect
      .poll(async () => [
        await reader.page.locator('.pane[data-source^="hash-notes-"]').count(),
        await reader.page.locator('.pane[data-source="lankov-2007"]').count(),
      ])
      .toEqual([1, 0]);
  });

  it('two files chosen one right after the other are both added: the second waits its turn', async () => {
    await openLibrary(reader.page);
    const before = await dialog().locator('tr[data-text]').count();
    await dialog().getByRole('button', { name: 'Close' }).click();
    // Long enough that its parse is still running when the second file comes (each new parse
    // used to cancel the one in progress: "Cancelled: “queue-first.md” was not read.").
    const paragraph = 'Russia and North Korea signed agreements on rail, ports and debt. ';
    const long = `# Queue first\n\n${Array.from({ length: 2000 }, (_, i) => `${paragraph.repeat(3)}(${i})`).join('\n\n')}\n`;
    const notices: string[] = [];
    await reader.page.exposeFunction('__noticeSeen', (text: string) => notices.push(text));
    await reader.page.evaluate(() => {
      new MutationObserver(() => {
        const text = [...document.querySelectorAll('.notice-text')]
          .map((t) => t.textContent)
          .join(' | ');
        if (text) (window as unknown as { __noticeSeen: (t: string) => void }).__noticeSeen(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await addFile('queue-first.md', long);
    await reader.page.getByTestId('adding-progress').waitFor();
    await addFile('queue-second.md', '# Queue second\n\nA short text of the reader’s own.\n');
    await shownText('queue-second');
    await openLibrary(reader.page);
    await expect.poll(() => dialog().locator('tr[data-text]').count()).toBe(before + 2);
    const titles = await dialog().locator('tr[data-text]').allTextContents();
    expect(titles.some((t) => t.includes('Queue first'))).toBe(true);
    expect(titles.some((t) => t.includes('Queue second'))).toBe(true);
    expect(notices.filter((n) => n.includes('Cancelled'))).toEqual([]);
    await dialog().getByRole('button', { name: 'Close' }).click();
  });

  describe('when a file cannot be read', () => {
    it.each([
      ['photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]), /looks like binary data/],
      ['empty.md', Buffer.from('  \n'), /is empty/],
      [
        'nav.html',
        Buffer.from('<!doctype html><html><body><nav></nav></body></html>'),
        /has no readable text/,
      ],
      ['headings.md', Buffer.from('# One\n\n## Two\n'), /has no running text/],
    ])('%s: a clear message, and nothing in the library changes', async (name, buffer, message) => {
      await openLibrary(reader.page);
      const before = await dialog().locator('tr[data-text]').count();
      await dialog().getByRole('button', { name: 'Close' }).click();
      await reader.page.getByTestId('add-text-input').setInputFiles({
        name,
        mimeType: 'application/octet-stream',
        buffer,
      });
      await expect.poll(() => reader.notice().textContent()).toMatch(message);
      await openLibrary(reader.page);
      expect(await dialog().locator('tr[data-text]').count()).toBe(before);
      await dialog().getByRole('button', { name: 'Close' }).click();
    });
  });
});
