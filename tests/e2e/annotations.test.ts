// Annotations in the reader: the selection toolbar, highlights, notes and
// tags, the sidebar, persistence, delete and undo, import and export, storage
// problems, and two tabs. One browser for the file; each test starts from an
// emptied localStorage and a freshly loaded page, but for the few that take any page (they say so).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ANNOTATIONS_KEY,
  annotate,
  BACKUP_PREFIX,
  clearStorage,
  openSidebar,
  paintedTexts,
  selectInPassage,
  selectionToolbar,
  sidebar,
  sidebarItems,
  sidebarToggle,
  storageStatus,
  storedAnnotations,
  storedKeys,
  storedValue,
  simulateQuota,
} from './helpers/annotations-ui.ts';
import { resizeTo, startReader, VIEWPORTS, type Reader } from './helpers/ui.ts';
import { tempDirForFile } from '../helpers/temp-dir.ts';

/** This file's exports and hand-made import files, removed after its tests. */
const tmp = tempDirForFile('diptych-e2e-annotations-');

let reader: Reader;
beforeAll(async () => {
  reader = await startReader('wide');
  await simulateQuota(reader);
});
afterAll(async () => {
  await reader?.close();
});

/**
 * Tests that take the page as the test before left it (a page load is about a CPU-second, and the
 * whole suite is CPU-bound): what they check does not depend on what is stored.
 */
const ANY_PAGE = new Set([
  'a real mouse selection (double-click a word) shows the toolbar',
  'the shortcuts dialog lists the selection toolbar keys and the annotation keys',
]);
beforeEach(async (context) => {
  if (ANY_PAGE.has(context.task.name) && reader.page.url() !== 'about:blank') return;
  // The context's storage is empty until the first page of the app.
  if (reader.page.url() !== 'about:blank') await clearStorage(reader);
  await reader.openApp();
});

/** Waits until the store has loaded (the toggle is rendered by then, the count follows the store). */
async function storeReady(): Promise<void> {
  await reader.page.waitForFunction(
    () => document.querySelector('.ann-files button:not([disabled])') !== null,
  );
}

describe('the selection toolbar', () => {
  it('appears at a selection in a pane, and h highlights it', async () => {
    // The empty sidebar tells a new reader how, naming the bar's own buttons.
    const empty = (await openSidebar(reader.page)).locator('.ann-empty');
    await expect.poll(() => empty.textContent()).toContain('No annotations');
    const hint = await empty.textContent();
    await sidebarToggle(reader.page).click();
    const quote = await selectInPassage(reader.page, 'lankov-2007:3', 0, 24);
    const bar = selectionToolbar(reader.page);
    await bar.waitFor();
    for (const name of ['Highlight', 'Add note']) {
      expect(hint).toContain(name);
      expect(await bar.getByRole('button', { name, exact: true }).count()).toBe(1);
    }
    expect(
      await bar
        .getByRole('button', { name: 'Highlight', exact: true })
        .getAttribute('aria-keyshortcuts'),
    ).toBe('h');
    await reader.pressKey('h');
    await bar.waitFor({ state: 'detached' });
    await expect.poll(async () => (await storedAnnotations(reader.page)).length).toBe(1);
    const [a] = await storedAnnotations(reader.page);
    expect(a!.targets[0]!.selectors.quote.exact).toBe(quote.trim());
    expect(a!.targets[0]!.selectors.address.startsWith('lankov-2007:3')).toBe(true);
    expect(a!.color).toBe('yellow');
    await expect.poll(() => paintedTexts(reader.page, 'diptych-yellow')).toEqual([quote.trim()]);
  });

  it('Escape dismisses it and clears the selection; a click on a colour keeps the selection and uses it', async () => {
    await selectInPassage(reader.page, 'winstanley-chesters-2015:4', 5, 40);
    const bar = selectionToolbar(reader.page);
    await bar.waitFor();
    await bar.getByRole('button', { name: 'Highlight green' }).click();
    await expect
      .poll(async () => (await storedAnnotations(reader.page)).map((a) => a.color))
      .toEqual(['green']);
    await selectInPassage(reader.page, 'winstanley-chesters-2015:4', 50, 70);
    await bar.waitFor();
    await reader.pressKey('Escape');
    await bar.waitFor({ state: 'detached' });
    expect(await reader.page.evaluate(() => document.getSelection()?.isCollapsed)).toBe(true);
  });

  it('a real mouse selection (double-click a word) shows the toolbar', async () => {
    const paragraph = reader.paragraph('lankov-2007:5');
    await paragraph.scrollIntoViewIfNeeded();
    await paragraph.dblclick({ position: { x: 40, y: 8 } });
    await selectionToolbar(reader.page).waitFor();
  });
});

describe('notes and tags', () => {
  it('select, add a note with tags, reload: it is still there, in the same place', async () => {
    const quote = await annotate(reader.page, 'lankov-2007:7', 10, 60, 'n');
    const bar = sidebar(reader.page);
    const editor = bar.getByRole('form', { name: 'Edit annotation' });
    await editor.waitFor();
    await editor.getByLabel('Note').fill('A *key* claim, see [the report](https://example.org/r).');
    await editor.getByLabel('Tags (separated by commas)').fill('famine, sources, famine');
    await editor.getByRole('radio', { name: 'Blue' }).check();
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.waitFor({ state: 'detached' });
    const check = async (): Promise<void> => {
      const item = sidebarItems(reader.page).first();
      await item.waitFor();
      expect(await item.locator('.ann-note em').textContent()).toBe('key');
      expect(await item.locator('.ann-note a').getAttribute('href')).toBe('https://example.org/r');
      expect(await item.locator('.ann-tags li').allTextContents()).toEqual(['famine', 'sources']);
      expect(await item.locator('.ann-quote').textContent()).toContain(quote);
      await expect.poll(() => paintedTexts(reader.page, 'diptych-blue')).toEqual([quote]);
    };
    await check();
    const [stored] = await storedAnnotations(reader.page);
    expect(stored).toMatchObject({
      motivation: 'commenting',
      color: 'blue',
      tags: ['famine', 'sources'],
    });
    await reader.openApp();
    await openSidebar(reader.page);
    // Highlights are painted near the viewport: go to it from the sidebar, as a reader would.
    await sidebar(reader.page)
      .getByRole('button', { name: `Show in the text: ${quote}` })
      .click();
    await check();
  });

  it('a highlight opens its annotation on click, and on Enter from its focused paragraph', async () => {
    const quote = await annotate(reader.page, 'lankov-2007:9', 0, 30, 'h');
    await expect.poll(() => paintedTexts(reader.page, 'diptych-yellow')).toEqual([quote]);
    expect(await sidebar(reader.page).isHidden()).toBe(true);
    await reader
      .paragraph('lankov-2007:9')
      .evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const box = await reader.page.evaluate(() => {
      const h = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get(
        'diptych-yellow',
      )!;
      const s = [...h][0]!;
      const range = document.createRange();
      range.setStart(s.startContainer, s.startOffset);
      range.setEnd(s.endContainer, s.endOffset);
      const r = range.getClientRects()[0]!;
      return { x: r.left + 4, y: r.top + r.height / 2 };
    });
    await reader.page.mouse.click(box.x, box.y);
    await sidebar(reader.page).waitFor();
    const item = sidebarItems(reader.page).first();
    expect(await item.getAttribute('aria-current')).toBe('true');
    await sidebarToggle(reader.page).click();
    await sidebar(reader.page).waitFor({ state: 'hidden' });
    await reader.goToAddress('lankov-2007:9');
    await reader.page.waitForFunction(
      () => document.activeElement?.getAttribute('data-address') === 'lankov-2007:9',
    );
    await reader.pressKey('Enter');
    await sidebar(reader.page).waitFor();
    await expect.poll(() => item.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('clicking an annotation in the sidebar scrolls the text to it', async () => {
    const quote = await annotate(reader.page, 'lankov-2007:30', 0, 20, 'h');
    await reader.goToAddress('lankov-2007:1');
    const bar = await openSidebar(reader.page);
    await bar.getByRole('button', { name: `Show in the text: ${quote}` }).click();
    await expect
      .poll(() => reader.page.evaluate(() => window.location.hash))
      .toBe(`#${(await storedAnnotations(reader.page))[0]!.targets[0]!.selectors.address}`);
    await expect
      .poll(() =>
        reader.paragraph('lankov-2007:30').evaluate((el) => {
          const r = el.getBoundingClientRect();
          return r.bottom > 0 && r.top < window.innerHeight;
        }),
      )
      .toBe(true);
  });

  it('lists the annotations in text order and filters by tag, colour and text', async () => {
    await annotate(reader.page, 'lankov-2007:12', 0, 20, 'h');
    await annotate(reader.page, 'lankov-2007:4', 0, 20, 'h');
    await selectInPassage(reader.page, 'lankov-2007:8', 0, 20);
    await selectionToolbar(reader.page).getByRole('button', { name: 'Highlight pink' }).click();
    const bar = await openSidebar(reader.page);
    await expect.poll(() => sidebarItems(reader.page).count()).toBe(3);
    const addresses = await sidebarItems(reader.page).evaluateAll((items) =>
      items.map((li) => li.getAttribute('data-address-ref')),
    );
    expect(addresses.map((a) => a!.split('.')[0])).toEqual([
      'lankov-2007:4',
      'lankov-2007:8',
      'lankov-2007:12',
    ]);
    // Each card names its passage in words, not by its raw address.
    expect(await bar.locator('.ann-address').allTextContents()).toEqual([
      'Lankov (2007) ¶4, sentence 1',
      'Lankov (2007) ¶8, sentence 1',
      'Lankov (2007) ¶12, sentence 1',
    ]);
    await bar.getByLabel('Filter by colour').selectOption('pink');
    await expect.poll(() => sidebarItems(reader.page).count()).toBe(1);
    // A screen reader hears what the filter left (a live region; the list itself is silent).
    await bar.getByRole('status').filter({ hasText: '1 of 3 annotations match' }).waitFor();
    await bar.getByLabel('Filter by colour').selectOption('');
    await bar.getByLabel('Filter by text').fill('lankov-2007:12');
    await expect.poll(() => sidebarItems(reader.page).count()).toBe(1);
    await bar.getByLabel('Filter by text').fill('');
    // Tag one, then filter by that tag.
    const first = sidebarItems(reader.page).first();
    await first.getByRole('button', { name: /^Edit/ }).click();
    // With a second, long tag (100 characters, the most a tag may have).
    const longTag = `Soviet aid to North Korea ${'and what came of it '.repeat(4)}`
      .slice(0, 100)
      .trim();
    await bar.getByLabel('Tags (separated by commas)').fill(`economy, ${longTag}`);
    await bar.getByRole('button', { name: 'Save' }).click();
    await bar.getByLabel('Filter by tag').selectOption('economy');
    await expect.poll(() => sidebarItems(reader.page).count()).toBe(1);
    // The tag filter (as wide as its longest option) stays inside the drawer at 420 px.
    await reader.setViewport('narrow');
    const overflow = () =>
      bar.evaluate((el) => {
        const right = el.getBoundingClientRect().right;
        return (
          Math.max(
            ...[...el.querySelectorAll('.ann-filters *')].map(
              (c) => c.getBoundingClientRect().right,
            ),
          ) - right
        );
      });
    await expect.poll(overflow).toBeLessThanOrEqual(0);
    await reader.setViewport('wide');
  });
});

describe('delete and undo', () => {
  it('deletes, then Undo (button) and Ctrl+Z bring it back', async () => {
    const quote = await annotate(reader.page, 'lankov-2007:6', 0, 25, 'h');
    await openSidebar(reader.page);
    const item = sidebarItems(reader.page).first();
    // From the keyboard: the Delete and Undo buttons go away when pressed, and focus goes on
    // to Undo, then to the restored card, rather than falling to the page's body.
    const focused = () =>
      reader.page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return 'body';
        return el.matches('li.ann-item') ? 'card' : (el.textContent?.trim() ?? null);
      });
    await item.getByRole('button', { name: /^Delete/ }).focus();
    await reader.pressKey('Enter');
    await expect.poll(() => sidebarItems(reader.page).count()).toBe(0);
    await expect.poll(focused).toBe('Undo');
    // The notice names the passage in words, and Undo keeps room for its label beside it.
    const undoRow = sidebar(reader.page).locator('.ann-undo');
    expect(await undoRow.locator('span').textContent()).toBe(
      'Deleted the annotation on Lankov (2007) ¶6, sentence 1.',
    );
    const undo = undoRow.getByRole('button', { name: 'Undo' });
    expect(await undo.evaluate((b) => b.scrollWidth <= b.clientWidth)).toBe(true);
    await expect.poll(async () => (await storedAnnotations(reader.page)).length).toBe(0);
    await expect.poll(() => paintedTexts(reader.page, 'diptych-yellow')).toEqual([]);
    await reader.pressKey('Enter');
    await expect.poll(() => sidebarItems(reader.page).count()).toBe(1);
    await expect.poll(focused).toBe('card');
    await expect.poll(() => paintedTexts(reader.page, 'diptych-yellow')).toEqual([quote]);

    await sidebarItems(reader.page)
      .first()
      .getByRole('button', { name: /^Delete/ })
      .click();
    await expect.poll(() => sidebarItems(reader.page).count()).toBe(0);
    await reader.page.locator('.pane-scroll').first().focus();
    await reader.pressKey('Control+z');
    await expect.poll(() => sidebarItems(reader.page).count()).toBe(1);
    await expect.poll(async () => (await storedAnnotations(reader.page)).length).toBe(1);
  });
});

describe('export and import', () => {
  it('export, clear storage, import: identical', async () => {
    await annotate(reader.page, 'lankov-2007:2', 0, 30, 'n');
    const editor = sidebar(reader.page).getByRole('form', { name: 'Edit annotation' });
    await editor.getByLabel('Note').fill('- one\n- two');
    await editor.getByLabel('Tags (separated by commas)').fill('list');
    await editor.getByRole('button', { name: 'Save' }).click();
    await annotate(reader.page, 'winstanley-chesters-2015:3', 0, 30, 'h');
    await expect.poll(async () => (await storedAnnotations(reader.page)).length).toBe(2);
    const before = await storedAnnotations(reader.page);

    // Each file button says what its file is for, the format named last (its description).
    const exportButton = sidebar(reader.page).getByRole('button', {
      name: 'Export annotations',
      exact: true,
    });
    const description = (name: string) =>
      sidebar(reader.page)
        .getByRole('button', { name, exact: true })
        .evaluate((el) =>
          (el.getAttribute('aria-describedby') ?? '')
            .split(' ')
            .map((id) => document.getElementById(id)?.textContent ?? '')
            .join(' '),
        );
    expect(await description('Export annotations')).toBe(
      'a file to keep, or to import elsewhere (W3C JSON-LD)',
    );
    expect(await description('Export digest')).toBe(
      'your quotes and notes to read or print (Markdown)',
    );
    expect(await description('Import annotations…')).toBe('from a Diptych or Hypothesis export');
    const [download] = await Promise.all([
      reader.page.waitForEvent('download'),
      exportButton.click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^diptych-annotations-\d{4}-\d\d-\d\d\.jsonld$/);
    const file = path.join(tmp, `diptych-export-${Date.now()}.jsonld`);
    await download.saveAs(file);
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { type: string; total: number };
    expect(exported).toMatchObject({ type: 'AnnotationCollection', total: 2 });

    const [digest] = await Promise.all([
      reader.page.waitForEvent('download'),
      sidebar(reader.page).getByRole('button', { name: 'Export digest' }).click(),
    ]);
    expect(digest.suggestedFilename()).toMatch(/\.md$/);

    await clearStorage(reader);
    await reader.openApp();
    const bar = await openSidebar(reader.page);
    await storeReady();
    expect(await sidebarItems(reader.page).count()).toBe(0);
    await bar
      .getByLabel('Annotation file to import (W3C JSON-LD or Hypothesis JSON)')
      .setInputFiles(file);
    await expect
      .poll(() => bar.locator('.ann-import-result').textContent())
      .toMatch(/Imported 2 annotations/);
    const after = await storedAnnotations(reader.page);
    const byId = (list: typeof before) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(after)).toEqual(byId(before));

    // Importing the same file again doubles nothing.
    await bar
      .getByLabel('Annotation file to import (W3C JSON-LD or Hypothesis JSON)')
      .setInputFiles(file);
    await expect
      .poll(() => bar.locator('.ann-import-result').textContent())
      .toMatch(/already here and not doubled/);
    expect((await storedAnnotations(reader.page)).length).toBe(2);
  });

  it('a bad import changes nothing and says what is wrong and where', async () => {
    await annotate(reader.page, 'lankov-2007:2', 0, 30, 'h');
    const bar = await openSidebar(reader.page);
    await storeReady();
    const before = await storedValue(reader.page, ANNOTATIONS_KEY);
    const input = bar.getByLabel('Annotation file to import (W3C JSON-LD or Hypothesis JSON)');
    const notJson = path.join(tmp, `diptych-bad-${Date.now()}.json`);
    writeFileSync(notJson, '{"type": "AnnotationCollection", ');
    await input.setInputFiles(notJson);
    // Plain words first: what is wrong and what to do. The parser's own message (a position in
    // the file) waits behind "Technical details", outside the live region.
    await expect
      .poll(() => bar.locator('.ann-import-result').textContent())
      .toBe(
        `${path.basename(notJson)}: Nothing was imported. This file is not an annotations file Diptych can read: it is not JSON. Export from Diptych or Hypothesis gives a file that is.`,
      );
    const details = bar.locator('.ann-import-detail');
    expect(await details.getAttribute('open')).toBeNull();
    await details.getByText('Technical details').click();
    await expect
      .poll(() => details.locator('p').textContent())
      .toMatch(/^Nothing was imported: the file is not JSON \(/);
    // One good annotation and one for an unknown source: all or nothing.
    const good = JSON.parse(before!).annotations[0];
    const mixed = path.join(tmp, `diptych-mixed-${Date.now()}.json`);
    writeFileSync(
      mixed,
      JSON.stringify({
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'AnnotationPage',
        items: [
          {
            id: 'urn:uuid:11111111-1111-4111-8111-111111111111',
            type: 'Annotation',
            target: {
              source: 'urn:x-unknown:book',
              selector: { type: 'TextQuoteSelector', exact: 'nowhere to be found in any text zz' },
            },
          },
          {
            id: 'urn:uuid:22222222-2222-4222-8222-222222222222',
            type: 'Annotation',
            target: {
              source: 'urn:x-unknown:book',
              selector: { type: 'TextQuoteSelector', exact: good.targets[0].selectors.quote.exact },
            },
          },
        ],
      }),
    );
    await input.setInputFiles(mixed);
    await expect
      .poll(() => bar.locator('.ann-import-result').textContent())
      .toBe(
        `${path.basename(mixed)}: Nothing was imported. 1 of the 2 annotations in this file is on a text Diptych does not have. Add that text (Add a text…), then import the file again. Diptych imports a file whole or not at all, so the other one was not added either.`,
      );
    expect(await bar.locator('.ann-import-detail p').textContent()).toMatch(
      /^Nothing was imported: 1 of 2 items has a problem; the first, at items\[0\]/,
    );
    expect(await storedValue(reader.page, ANNOTATIONS_KEY)).toBe(before);
    expect(await sidebarItems(reader.page).count()).toBe(1);
  });
});

describe('storage problems', () => {
  it('a full localStorage keeps the old state and says so, with Export at hand', async () => {
    await annotate(reader.page, 'lankov-2007:2', 0, 30, 'h');
    await expect.poll(async () => (await storedAnnotations(reader.page)).length).toBe(1);
    const before = await storedValue(reader.page, ANNOTATIONS_KEY);
    await reader.page.evaluate(() => {
      (window as unknown as { __quota: boolean }).__quota = true;
    });
    await annotate(reader.page, 'lankov-2007:3', 0, 30, 'h');
    const status = storageStatus(reader.page);
    await status.waitFor();
    expect(await status.getAttribute('role')).toBe('alert');
    expect(await status.textContent()).toMatch(/full|space|quota/i);
    expect(await status.getByRole('button', { name: 'Export annotations' }).isVisible()).toBe(true);
    expect(await storedValue(reader.page, ANNOTATIONS_KEY)).toBe(before);
    // Nothing lost: the reader still sees both.
    await openSidebar(reader.page);
    await expect.poll(() => sidebarItems(reader.page).count()).toBe(2);
    // Space freed: Try again saves both.
    await reader.page.evaluate(() => {
      (window as unknown as { __quota: boolean }).__quota = false;
    });
    await status.getByRole('button', { name: 'Try again' }).click();
    await status.waitFor({ state: 'detached' });
    expect((await storedAnnotations(reader.page)).length).toBe(2);
  });

  it('corrupted storage: the app opens, the data is kept under a backup key, and the reader is told', async () => {
    await reader.page.evaluate((key) => localStorage.setItem(key, '{"not json'), ANNOTATIONS_KEY);
    await reader.openApp();
    const status = storageStatus(reader.page);
    await status.waitFor();
    const keys = await storedKeys(reader.page);
    const backup = keys.find((k) => k.startsWith(BACKUP_PREFIX));
    expect(backup).toBeDefined();
    expect(await storedValue(reader.page, backup!)).toBe('{"not json');
    expect(await status.textContent()).toContain(backup!);
    // The app works: a new highlight is saved.
    await annotate(reader.page, 'lankov-2007:2', 0, 30, 'h');
    await expect.poll(async () => (await storedAnnotations(reader.page)).length).toBe(1);
  });

  it('an annotation that can no longer be placed is listed as unplaced, with its quote', async () => {
    await annotate(reader.page, 'lankov-2007:2', 0, 30, 'h');
    const raw = JSON.parse((await storedValue(reader.page, ANNOTATIONS_KEY))!);
    const sel = raw.annotations[0].targets[0].selectors;
    // A quote that is nowhere in the text, as long as the stored position (the schema checks that).
    const exact = 'Qzx words found nowhere qzxqzxqzxqzxqzx'.slice(
      0,
      sel.position.end - sel.position.start,
    );
    sel.quote = { exact, prefix: 'zzz ', suffix: ' yyy' };
    await reader.page.evaluate(
      ([k, v]) => localStorage.setItem(k!, v!),
      [ANNOTATIONS_KEY, JSON.stringify(raw)],
    );
    await reader.openApp();
    const bar = await openSidebar(reader.page);
    const unplaced = bar.getByRole('region', { name: /Unplaced/ });
    await unplaced.waitFor();
    expect(await unplaced.textContent()).toContain(exact);
    expect(await paintedTexts(reader.page, 'diptych-yellow')).toEqual([]);
  });
});

describe('two tabs', () => {
  it('an edit in one page appears in the other', async () => {
    const other = await reader.page.context().newPage();
    try {
      await other.goto(reader.page.url());
      await other.waitForSelector('html[data-reader-ready]');
      await other.waitForFunction(() => document.querySelector('.ann-toggle') !== null);
      const quote = await annotate(reader.page, 'lankov-2007:2', 0, 30, 'h');
      await expect.poll(() => paintedTexts(other, 'diptych-yellow')).toEqual([quote]);
      await expect.poll(() => other.locator('.ann-toggle').textContent()).toBe('Annotations (1)');
    } finally {
      await other.close();
    }
  });
});

describe('accessibility', () => {
  it('the toolbar, the sidebar (list, editor, unplaced, undo) and the storage bar: no serious or critical axe violations, wide and narrow', async () => {
    await selectInPassage(reader.page, 'lankov-2007:2', 0, 30);
    await selectionToolbar(reader.page).waitFor();
    expect(await reader.axeViolations()).toEqual([]);
    await reader.pressKey('n');
    const bar = sidebar(reader.page);
    await bar.getByRole('form', { name: 'Edit annotation' }).waitFor();
    expect(await reader.page.getByRole('complementary', { name: 'Annotations' }).count()).toBe(1);
    expect(await reader.axeViolations()).toEqual([]);
    await bar.getByRole('button', { name: 'Save' }).click();
    await annotate(reader.page, 'lankov-2007:3', 0, 30, 'h');
    await sidebarItems(reader.page)
      .nth(1)
      .getByRole('button', { name: /^Delete/ })
      .click();
    await bar.getByRole('button', { name: 'Undo' }).waitFor();
    expect(await reader.axeViolations()).toEqual([]);
    await reader.page.evaluate(() => {
      (window as unknown as { __quota: boolean }).__quota = true;
    });
    await annotate(reader.page, 'lankov-2007:4', 0, 30, 'h');
    await storageStatus(reader.page).waitFor();
    expect(await reader.axeViolations()).toEqual([]);
    await reader.page.evaluate(() => {
      (window as unknown as { __quota: boolean }).__quota = false;
    });
    // The same page made narrow: the sidebar becomes a drawer (closed first, as on a page loaded at
    // 420 px), then wide again, with the sidebar at its side.
    await sidebarToggle(reader.page).click();
    await sidebar(reader.page).waitFor({ state: 'hidden' });
    await resizeTo(reader.page, VIEWPORTS.narrow);
    try {
      const drawer = await openSidebar(reader.page);
      const box = await drawer.boundingBox();
      expect(box!.width).toBeLessThanOrEqual(420);
      expect(await reader.axeViolations()).toEqual([]);
      // The storage bar's buttons stay whole on screen: each on one line, inside the window.
      for (const name of ['Try again', 'Export annotations']) {
        const button = storageStatus(reader.page).getByRole('button', { name, exact: true });
        const fits = await button.evaluate((el) => {
          const box = el.getBoundingClientRect();
          const line = parseFloat(getComputedStyle(el).lineHeight) || 20;
          return box.right <= window.innerWidth && box.left >= 0 && box.height < 2 * line;
        });
        expect(fits, name).toBe(true);
      }
      await reader.screenshot('annotations-narrow');
      // Tab stays in the drawer, which covers the page: from its last control to its first, and
      // back (it went on to the page's body, then to controls hidden behind the drawer).
      const inDrawer = () =>
        reader.page.evaluate(() => !!document.activeElement?.closest('#annotations-sidebar'));
      const close = drawer.getByRole('button', { name: 'Close annotations' });
      await close.focus();
      await reader.pressKey('Shift+Tab');
      expect(await inDrawer()).toBe(true);
      await reader.pressKey('Tab');
      expect(await close.evaluate((el) => el === document.activeElement)).toBe(true);
      // Escape closes the drawer and returns focus to its toggle, here behind Tools.
      await drawer.getByRole('button', { name: 'Export annotations' }).focus();
      await reader.pressKey('Escape');
      await drawer.waitFor({ state: 'hidden' });
      expect(
        await reader.page
          .getByRole('button', { name: 'Tools', exact: true })
          .evaluate((el) => el === document.activeElement),
      ).toBe(true);
    } finally {
      await resizeTo(reader.page, VIEWPORTS.wide);
    }
    await openSidebar(reader.page);
    await reader.screenshot('annotations-wide');
  });

  it('the shortcuts dialog lists the selection toolbar keys and the annotation keys', async () => {
    await reader.pressKey('?');
    const dialog = reader.page.getByRole('dialog');
    await dialog.waitFor();
    const text = (await dialog.textContent()) ?? '';
    expect(text).toContain('Highlight (with text selected)');
    expect(text).toContain('Add note (with text selected)');
    expect(text).toContain('Undo the last annotation change');
    await reader.pressKey('Escape');
  });

  it('the toolbar is reachable from the keyboard: Tab from the selection, arrows between buttons', async () => {
    await selectInPassage(reader.page, 'lankov-2007:2', 0, 30);
    const bar = selectionToolbar(reader.page);
    await bar.waitFor();
    await reader.pressKey('Tab');
    expect(
      await reader.page.evaluate(() => document.activeElement?.getAttribute('data-action')),
    ).toBe('highlight');
    await reader.pressKey('ArrowRight');
    expect(
      await reader.page.evaluate(() => document.activeElement?.getAttribute('data-action')),
    ).toBe('highlight-green');
    await reader.pressKey('Enter');
    await expect
      .poll(async () => (await storedAnnotations(reader.page)).map((a) => a.color))
      .toEqual(['green']);
  });
});
