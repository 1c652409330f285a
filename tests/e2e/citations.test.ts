/**
 * Citations in the reader: Cite on paragraphs, notes and selections, the
 * pinpoint in every style (expected strings from the citation core's pinned
 * fixtures), both clipboard types, the bibliography downloads, the stored
 * style, and the keyboard path.
 *
 * One page for the file, loaded once and driven in place: each page load costs
 * about a CPU-second, and every load in a page that cites builds its style's
 * engine again (the citation worker dies with the page; APA or Chicago take
 * 1–1.5 CPU-s each). So the tests run in an order that needs no reset: each
 * chooses the style and pinpoint it checks in the panel, and moves to its
 * passage in the page (`reader.goTo`); the app reloads only where the reload is the
 * point (the stored style), and the import test opens a fresh context of its
 * own, as a reader's other browser, which the last test goes on in. Where a
 * test relies on what an earlier one left (the style chosen, a record edit),
 * it says so.
 *
 * The Chicago styles are each built once, in the first test, which goes
 * through every style; the Bibliography test uses Chicago 17 author-date in the
 * same page, before the style test's reloads, so the engine is still there.
 */
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import fixtures from '../sources/citation/fixtures/citations.json' with { type: 'json' };
import { NO_SECTION_NOTE, defaultPinpoint } from '../../sources/citation/pinpoint.ts';
import { STYLE_IDS } from '../../sources/citation/styles.ts';
import {
  bibliographyDialog,
  choosePinpoint,
  chooseStyle,
  citeButton,
  citePanel,
  fillRecord,
  CITATION_STYLE_KEY,
  RECORD_OVERRIDES_KEY,
  openCite,
  panelCitation,
  readClipboard,
  recordEditor,
  selectAcross,
} from './helpers/citations-ui.ts';
import { openSidebar, selectionToolbar, sidebar } from './helpers/annotations-ui.ts';
import { downloadedText, headerTool, startReader, type Reader } from './helpers/ui.ts';
import { scaled } from '../slowdown.ts';

type Fixtures = Record<
  string,
  Record<
    string,
    {
      paragraph: Record<string, { text: string; subsequent?: string }>;
      range: Record<string, { text: string }>;
      footnote?: Record<string, { text: string }>;
      bibliography: { kind: 'entry'; text: string } | { kind: 'absent'; reason: string };
    }
  >
>;
const pinned = fixtures as unknown as Fixtures;
const lankov = (style: string) => pinned[style]!['lankov-2007']!;

let reader: Reader;

/** A reader in a fresh context that may use the clipboard. */
async function startCitingReader(): Promise<Reader> {
  const started = await startReader('wide', { citeWarmup: 'on' });
  await started.page
    .context()
    .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: inject('baseUrl') });
  return started;
}

beforeAll(async () => {
  reader = await startCitingReader();
});

afterAll(async () => {
  await reader?.close();
});

describe('the Cite panel', () => {
  it(
    'shows the right paragraph pinpoint in every style, with the short note and the bibliography entry or its absence',
    async () => {
      await reader.openApp('lankov-2007:12');
      const panel = await openCite(reader, 'lankov-2007:12');
      for (const style of STYLE_IDS) {
        await chooseStyle(panel, style);
        const expected = lankov(style);
        await expect
          .poll(() => panelCitation(reader.page).textContent(), { timeout: scaled(45_000) })
          .toBe(expected.paragraph[defaultPinpoint(style)]!.text);
        const result = panel.locator(`.cite-forms[data-style="${style}"]`);
        const subsequent = expected.paragraph[defaultPinpoint(style)]!.subsequent;
        if (subsequent) {
          expect(await result.locator('.cite-subsequent').textContent()).toBe(subsequent);
        } else {
          expect(await result.locator('.cite-subsequent').count()).toBe(0);
        }
        const bib = expected.bibliography;
        const entry = await result.locator('.cite-bibliography').textContent();
        if (bib.kind === 'entry') expect(entry).toBe(bib.text);
        else expect(entry).toContain(bib.reason);
        // Lankov has no section headings: where the style's default is the section (Chicago),
        // the citation has no pinpoint, and the panel says why rather than leave it blank.
        const note = panel.locator('.cite-pinpoint-note');
        if (defaultPinpoint(style) === 'section')
          await expect
            .poll(() => note.allTextContents(), { message: style })
            .toEqual([NO_SECTION_NOTE]);
        else expect(await note.count(), style).toBe(0);
        // Lankov's paper carries no date (its year is inferred): the warning says why the style
        // shows what it shows for it, and where to add a date, not only that the record is
        // incomplete (a student read APA's "n.d." under the warning as an error).
        const missing = await panel.locator('.cite-missing').textContent();
        expect(missing, style).toContain(
          'Lankov (2007): the text carries no date. Diptych infers the year (about 2007) from the text, but an inferred year is not a date of publication, so ',
        );
        expect(missing, style).toContain(
          style === 'apa'
            ? 'so APA shows “n.d.”, as for any undated work.'
            : style === 'mla'
              ? 'so MLA leaves the date out, as for any undated work.'
              : 'so Chicago shows it marked as a guess, “[2007?]”.',
        );
        expect(missing, style).toMatch(
          /If you know (it|them), add (it|them) with Edit record \(issued/,
        );
      }
      // The italics survive as elements (rendered without HTML injection).
      await chooseStyle(panel, 'apa');
      await expect
        .poll(() => panelCitation(reader.page).textContent())
        .toBe(lankov('apa').paragraph.paragraph!.text);
      expect(await panel.locator('.cite-bibliography i').textContent()).toBe(
        'Russia and North Korea: From “socialist solidarity” to quasi-alliance',
      );
      await reader.pressKey('Escape');
      await citePanel(reader.page).waitFor({ state: 'detached' });
    },
    scaled(240_000),
  );

  it('opens from the keyboard, closes with Escape and gives focus back to the Cite button', async () => {
    await reader.goTo('lankov-2007:3');
    const button = citeButton(reader, 'lankov-2007:3');
    const panel = await openCite(reader, 'lankov-2007:3');
    expect(await panel.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    // Its disclosure is a control of at least 24 px, like its buttons (it was 19 px tall).
    const more = await panel.locator('.cite-more summary').boundingBox();
    expect(more?.height).toBeGreaterThanOrEqual(24);
    await reader.pressKey('Escape');
    await panel.waitFor({ state: 'detached' });
    await expect.poll(() => button.evaluate((b) => b === document.activeElement)).toBe(true);
  });

  it(
    'Copy quote with citation puts the quote, its citation and the link on the clipboard as HTML and plain text',
    async () => {
      await reader.goTo('lankov-2007:12');
      await reader.page.evaluate(() => navigator.clipboard.writeText('before'));
      const panel = await openCite(reader, 'lankov-2007:12');
      await chooseStyle(panel, 'apa');
      await expect
        .poll(() => panelCitation(reader.page).textContent(), { timeout: scaled(45_000) })
        .toBe(lankov('apa').paragraph.paragraph!.text);
      await panel.getByRole('button', { name: 'Copy quote with citation' }).click();
      await expect
        .poll(() => panel.locator('.cite-status').textContent())
        .toBe('Quote with citation copied.');
      const clip = await readClipboard(reader.page);
      const paragraph = (
        await reader.paragraph('lankov-2007:12').evaluate((el) => el.textContent ?? '')
      ).trim();
      expect(clip.text).toContain(`${lankov('apa').paragraph.paragraph!.text}.`);
      expect(clip.text).toContain('#lankov-2007:12');
      expect(clip.text!.startsWith(`“${paragraph.slice(0, 40)}`)).toBe(true);
      expect(clip.html).toContain('(Lankov, n.d., para. 12).');
      expect(clip.html).toMatch(/<a href="http:\/\/[^"]+#lankov-2007:12">/);

      // In MLA, "Copy citation" copies the parenthetical in both forms; MLA gives
      // no paragraph number unless the reader chooses Diptych's count.
      await chooseStyle(panel, 'mla');
      await expect
        .poll(() => panelCitation(reader.page).textContent(), { timeout: scaled(45_000) })
        .toBe('(Lankov)');
      await choosePinpoint(panel, 'paragraph');
      await expect
        .poll(() => panelCitation(reader.page).textContent(), { timeout: scaled(45_000) })
        .toBe('(Lankov, par. 12)');
      await panel.getByRole('button', { name: 'Copy citation' }).click();
      await expect
        .poll(async () => (await readClipboard(reader.page)).text)
        .toBe('(Lankov, par. 12)');
      expect((await readClipboard(reader.page)).html).toContain('(Lankov, par. 12)');
      await reader.pressKey('Escape');
    },
    scaled(90_000),
  );

  it('cites one sentence of a paragraph (its paragraph’s pinpoint, its own quote and link)', async () => {
    await reader.goTo('lankov-2007:12');
    const panel = await openCite(reader, 'lankov-2007:12');
    await chooseStyle(panel, 'mla');
    await choosePinpoint(panel, 'paragraph');
    await panel.getByLabel('Passage').selectOption({ label: 'Sentence 12.2' });
    expect(await panel.getByRole('heading').textContent()).toContain('Sentence 12.2');
    const sentence = (await reader.paragraph('lankov-2007:12.2').textContent())!.trim();
    expect((await panel.locator('.cite-quote').textContent())!.trim()).toBe(sentence);
    await expect
      .poll(() => panelCitation(reader.page).textContent(), { timeout: scaled(45_000) })
      .toBe('(Lankov, par. 12)');
    await reader.screenshot('cite-panel');
    await panel.getByRole('button', { name: 'Copy link' }).click();
    await expect
      .poll(async () => (await readClipboard(reader.page)).text)
      .toMatch(/^http:\/\/[^#]+#lankov-2007:12\.2$/);
    await reader.pressKey('Escape');
  });

  it('cites a footnote as a note pinpoint, from the notes list', async () => {
    await reader.goTo('lankov-2007:n5');
    const panel = await openCite(reader, 'lankov-2007:n5');
    await chooseStyle(panel, 'mla');
    await expect
      .poll(() => panelCitation(reader.page).textContent(), { timeout: scaled(45_000) })
      .toBe(lankov('mla').footnote!.paragraph!.text);
    await reader.pressKey('Escape');
  });

  it('cites a footnote from its popover, and gives focus back to the marker', async () => {
    await reader.goTo('lankov-2007:13');
    const marker = reader.footnoteMarker('lankov-2007:n1');
    await marker.click();
    await reader.footnotePopover(1).getByRole('button', { name: 'Cite note 1' }).click();
    const panel = citePanel(reader.page);
    await panel.waitFor();
    expect(await panel.getByRole('heading').textContent()).toContain('Note 1');
    await chooseStyle(panel, 'mla');
    await expect
      .poll(() => panelCitation(reader.page).textContent(), { timeout: scaled(45_000) })
      .toBe('(Lankov, n. 1)');
    await reader.pressKey('Escape');
    await panel.waitFor({ state: 'detached' });
    await expect.poll(() => marker.evaluate((m) => m === document.activeElement)).toBe(true);
  });

  it('cites a selection across paragraphs as the range, quoting exactly the selection', async () => {
    await reader.goTo('lankov-2007:12');
    // As after a click in the text: focus on the page's body.
    await reader.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const quote = await selectAcross(
      reader.page,
      { address: 'lankov-2007:12', offset: 4 },
      { address: 'lankov-2007:13', offset: 20 },
    );
    await selectionToolbar(reader.page).getByRole('button', { name: 'Cite' }).click();
    const panel = citePanel(reader.page);
    await panel.waitFor();
    expect(await panel.getByRole('heading').textContent()).toContain('Paragraphs 12–13');
    await chooseStyle(panel, 'mla');
    await choosePinpoint(panel, 'paragraph');
    await expect
      .poll(() => panelCitation(reader.page).textContent(), { timeout: scaled(45_000) })
      .toBe(lankov('mla').range.paragraph!.text);
    const shown = (await panel.locator('.cite-quote').textContent()) ?? '';
    expect(shown.replace(/…$/, '').replace(/\s+/g, ' ').slice(0, 30)).toBe(
      quote.replace(/\s+/g, ' ').trim().slice(0, 30),
    );
    await reader.pressKey('Escape');
    await panel.waitFor({ state: 'detached' });
    // The toolbar that opened it is gone: focus goes back to the passage the selection began in.
    await expect
      .poll(() => reader.page.evaluate(() => document.activeElement?.getAttribute('data-address')))
      .toBe('lankov-2007:12');
  });
});

describe('the Bibliography dialog', () => {
  it(
    'lists both sources in the chosen style, flags incomplete records, and downloads BibTeX, RIS and CSL-JSON',
    async () => {
      // In the page the Cite panel tests used: the Chicago 17 author-date engine below is the one
      // the first test built.
      await reader.page.getByRole('button', { name: 'Bibliography' }).click();
      const dialog = bibliographyDialog(reader.page);
      await dialog.waitFor();
      await chooseStyle(dialog, 'mla');
      const entries = dialog.locator(
        '.bibliography-list[data-style="mla"] .bibliography-entry .bibliography-text',
      );
      await expect.poll(() => entries.count(), { timeout: scaled(45_000) }).toBe(2);
      expect(await entries.allTextContents()).toEqual(
        [
          pinned.mla!['lankov-2007']!.bibliography.kind === 'entry'
            ? pinned.mla!['lankov-2007']!.bibliography.text
            : '',
          pinned.mla!['winstanley-chesters-2015']!.bibliography.kind === 'entry'
            ? pinned.mla!['winstanley-chesters-2015']!.bibliography.text
            : '',
        ].sort((a, b) => a.localeCompare(b)),
      );

      // Each incomplete record is flagged under its entry, in plain words, with Edit record beside
      // it; export is not held back.
      const flag = (source: string) =>
        dialog.locator(`.bibliography-entry[data-source="${source}"] .bibliography-missing`);
      expect(await flag('lankov-2007').textContent()).toContain('the text carries no date');
      expect(await flag('winstanley-chesters-2015').textContent()).toContain(
        'The record also lacks the URL and the date you accessed it (MLA)',
      );
      await reader.screenshot('bibliography-flags');
      const fix = flag('lankov-2007').getByRole('button', { name: 'Edit record' });
      await fix.click();
      await recordEditor(reader.page).waitFor();
      await reader.pressKey('Escape');
      await recordEditor(reader.page).waitFor({ state: 'detached' });
      await expect.poll(() => fix.evaluate((b) => b === document.activeElement)).toBe(true);
      // One Edit record per entry and none besides (a list under the entries named each again).
      const edits = dialog.getByRole('button', { name: /^Edit record/ });
      expect(await edits.allTextContents()).toEqual([
        'Edit record: Lankov (2007)',
        'Edit record: Winstanley-Chesters (2015)',
      ]);

      const firstLines: Record<string, string> = {};
      for (const [label, name] of [
        ['BibTeX', 'diptych-bibliography.bib'],
        ['RIS', 'diptych-bibliography.ris'],
        ['CSL-JSON', 'diptych-bibliography.json'],
      ] as const) {
        const [download] = await Promise.all([
          reader.page.waitForEvent('download', { timeout: scaled(30_000) }),
          dialog.getByRole('button', { name: label, exact: true }).click(),
        ]);
        expect(download.suggestedFilename()).toBe(name);
        const text = await downloadedText(download);
        firstLines[label] = text.split('\n')[0]!;
        if (label === 'CSL-JSON') expect((JSON.parse(text) as unknown[]).length).toBe(2);
        if (label === 'RIS') expect(text.match(/^TY {2}- /gm)).toHaveLength(2);
      }
      expect(firstLines.BibTeX).toMatch(/^@\w+\{/);
      expect(firstLines.RIS).toMatch(/^TY {2}- /);
      expect(firstLines['CSL-JSON']).toBe('[');

      // Chicago 17 author-date gives the inferred year once, marked as inferred, as the style
      // writes it at the head of the entry (it repeated it after the site's name).
      await chooseStyle(dialog, 'chicago-author-date-17');
      const news = dialog.locator(
        '.bibliography-list[data-style="chicago-author-date-17"] [data-source="winstanley-chesters-2015"] .bibliography-text',
      );
      await news.waitFor({ timeout: scaled(45_000) });
      expect(await news.textContent()).toBe(
        'Winstanley-Chesters, Robert. [2015?]. “Russia’s Borders: North Korea Is Moving Up Moscow’s Agenda.” The Conversation.',
      );
      await reader.pressKey('Escape');
      await dialog.waitFor({ state: 'detached' });
    },
    scaled(90_000),
  );
});

describe('the style choice', () => {
  it('persists across a reload, and a bad stored value falls back to APA', async () => {
    await reader.goTo('lankov-2007:3');
    let panel = await openCite(reader, 'lankov-2007:3');
    const storedStyle = () =>
      reader.page.evaluate((k) => localStorage.getItem(k), CITATION_STYLE_KEY);
    // The tests above chose styles in this page (MLA last): APA first, so that MLA is a change.
    await chooseStyle(panel, 'apa');
    await expect.poll(storedStyle).toBe('apa');
    await chooseStyle(panel, 'mla');
    await reader.pressKey('Escape');
    // The choice is saved after the panel re-renders with it (a moment later on a busy machine).
    await expect.poll(storedStyle).toBe('mla');
    await reader.openApp('lankov-2007:3');
    panel = await openCite(reader, 'lankov-2007:3');
    expect(await panel.getByLabel('Style', { exact: true }).inputValue()).toBe('mla');
    await reader.pressKey('Escape');

    await reader.page.evaluate(
      (k) => localStorage.setItem(k, '<b>harvard</b>'),
      CITATION_STYLE_KEY,
    );
    await reader.openApp('lankov-2007:3');
    panel = await openCite(reader, 'lankov-2007:3');
    expect(await panel.getByLabel('Style', { exact: true }).inputValue()).toBe('apa');
    await reader.pressKey('Escape');
    await reader.page.evaluate((k) => localStorage.removeItem(k), CITATION_STYLE_KEY);
  });
});

describe('annotations', () => {
  it(
    'an annotation cites its passage from the sidebar, and the Markdown digest cites each quote in the chosen style',
    async () => {
      // The style test above left APA: MLA with paragraph numbers is chosen as a reader does.
      await reader.goTo('lankov-2007:12');
      const chooser = await openCite(reader, 'lankov-2007:12');
      await chooseStyle(chooser, 'mla');
      await choosePinpoint(chooser, 'paragraph');
      await reader.pressKey('Escape');
      await chooser.waitFor({ state: 'detached' });
      await selectAcross(
        reader.page,
        { address: 'lankov-2007:12', offset: 0 },
        { address: 'lankov-2007:12', offset: 30 },
      );
      await selectionToolbar(reader.page)
        .getByRole('button', { name: 'Highlight', exact: true })
        .click();
      const bar = await openSidebar(reader.page);
      await bar.getByRole('button', { name: 'Cite annotation on Lankov (2007) ¶12' }).click();
      const panel = citePanel(reader.page);
      await expect
        .poll(() => panelCitation(reader.page).textContent(), { timeout: scaled(45_000) })
        .toBe('(Lankov, par. 12)');
      await reader.pressKey('Escape');
      await panel.waitFor({ state: 'detached' });

      const [download] = await Promise.all([
        reader.page.waitForEvent('download', { timeout: scaled(45_000) }),
        bar.getByRole('button', { name: 'Export digest' }).click(),
      ]);
      const digest = await downloadedText(download);
      expect(digest).toContain('— (Lankov, par. 12)');
    },
    scaled(90_000),
  );
});

describe('records and styles a reader completes', () => {
  it(
    'says what a record lacks, lets the reader complete it (validated, undoable), and cites with it',
    async () => {
      await reader.goTo('winstanley-chesters-2015:12');
      const panel = await openCite(reader, 'winstanley-chesters-2015:12');
      // The annotation test above left MLA chosen.
      await chooseStyle(panel, 'apa');
      await expect
        .poll(() => panelCitation(reader.page).textContent(), { timeout: scaled(45_000) })
        .toBe('(Winstanley-Chesters, n.d., para. 12)');
      expect(await panel.locator('.cite-missing').textContent()).toContain(
        'so APA shows “n.d.”, as for any undated work. The record also lacks the URL;',
      );
      // Read before copying: above the copy buttons, at 420 px (where a student copied before
      // scrolling down to it) and wide.
      for (const viewport of ['narrow', 'wide'] as const) {
        await reader.setViewport(viewport);
        const [missing, copy] = await Promise.all([
          panel.locator('.cite-missing').boundingBox(),
          panel.getByRole('button', { name: 'Copy citation', exact: true }).boundingBox(),
        ]);
        expect(missing!.y + missing!.height, viewport).toBeLessThanOrEqual(copy!.y);
      }
      await panel.getByRole('button', { name: 'Copy as Pandoc' }).click();
      await expect
        .poll(async () => (await readClipboard(reader.page)).text)
        .toBe('[@winstanleychesters2015russias, para. 12]');
      await panel.getByRole('button', { name: 'Edit record: Winstanley-Chesters (2015)' }).click();
      const editor = recordEditor(reader.page);
      await fillRecord(editor, 'notaurl', '2015-02-30');
      expect(await editor.locator('.record-error').count()).toBe(2);
      const complete = async () => {
        await fillRecord(editor, 'https://example.org/russias-borders', '2015-06-03');
        await expect
          .poll(() => editor.locator('.cite-status').textContent())
          .toContain('edited by you');
      };
      await complete();
      // Undo takes the saved change back (the built-in record knows no URL).
      await editor.getByRole('button', { name: 'Undo' }).click();
      await expect.poll(() => editor.locator('.cite-status').textContent()).toBe('Undone.');
      expect(await editor.getByLabel(/^URL/).inputValue()).toBe('');
      await complete();
      await reader.screenshot('record-editor');
      await reader.setViewport('narrow');
      await reader.screenshot('record-editor-narrow');
      await reader.setViewport('wide');
      await reader.pressKey('Escape');
      await editor.waitFor({ state: 'detached' });
      await expect
        .poll(() => panelCitation(reader.page).textContent(), { timeout: scaled(45_000) })
        .toBe('(Winstanley-Chesters, 2015, para. 12)');
      expect(await panel.locator('.cite-missing').count()).toBe(0);
      expect(await panel.locator('.cite-bibliography').textContent()).toContain(
        'https://example.org/russias-borders',
      );
      expect(await panel.locator('.cite-bibliography').textContent()).toContain('edited by you');
      await reader.screenshot('cite-panel-completed');
      await reader.setViewport('narrow');
      await reader.screenshot('cite-panel-completed-narrow');
      await reader.pressKey('Escape');
    },
    scaled(120_000),
  );

  it(
    'carries the reader’s record edits in the annotation export, and an import in a fresh browser cites with them',
    async () => {
      // The test above saved these edits with Edit record in this page. If it failed before it
      // did, they are stored here and the app is loaded again to read them, so that this test
      // still tests its own part.
      const edits = {
        version: 1,
        overrides: {
          'winstanley-chesters-2015': {
            URL: 'https://example.org/russias-borders',
            issued: '2015-06-03',
          },
        },
      };
      const stored = await reader.page.evaluate(
        (key) => localStorage.getItem(key),
        RECORD_OVERRIDES_KEY,
      );
      if (stored === null || !isDeepStrictEqual(JSON.parse(stored), edits)) {
        await reader.page.evaluate(([key, value]) => localStorage.setItem(key, value), [
          RECORD_OVERRIDES_KEY,
          JSON.stringify(edits),
        ] as const);
        await reader.openApp('winstanley-chesters-2015:12');
      }
      const bar = await openSidebar(reader.page);
      const [download] = await Promise.all([
        reader.page.waitForEvent('download', { timeout: scaled(30_000) }),
        bar.getByRole('button', { name: 'Export annotations' }).click(),
      ]);
      const exported = await downloadedText(download);
      expect((JSON.parse(exported) as Record<string, unknown>)['diptych:records']).toEqual([
        {
          source: 'urn:diptych:source:winstanley-chesters-2015',
          fields: { URL: 'https://example.org/russias-borders', issued: '2015-06-03' },
        },
      ]);
      await reader.close();

      reader = await startCitingReader();
      await reader.openApp('winstanley-chesters-2015:12');
      const fresh = await openSidebar(reader.page);
      await fresh
        .getByLabel('Annotation file to import (W3C JSON-LD or Hypothesis JSON)')
        .setInputFiles({
          name: 'annotations.jsonld',
          mimeType: 'application/ld+json',
          buffer: Buffer.from(exported),
        });
      await expect
        .poll(() => fresh.locator('.ann-import-result').textContent())
        .toContain('Record edits added for Winstanley-Chesters (2015)');
      const panel = await openCite(reader, 'winstanley-chesters-2015:12');
      await expect
        .poll(() => panelCitation(reader.page).textContent(), { timeout: scaled(45_000) })
        .toBe('(Winstanley-Chesters, 2015, para. 12)');
      expect(await panel.locator('.cite-bibliography').textContent()).toContain(
        'https://example.org/russias-borders',
      );
      await reader.pressKey('Escape');
    },
    scaled(120_000),
  );

  it(
    'adds a style file written by someone else, and refuses a broken one changing nothing',
    async () => {
      // In the fresh browser the test above opened (nothing chosen there: APA), its sidebar closed.
      await (await headerTool(reader.page, /^Annotations/)).click();
      await sidebar(reader.page).waitFor({ state: 'hidden' });
      await reader.goTo('lankov-2007:12');
      await reader.page.getByRole('button', { name: 'Bibliography' }).click();
      const dialog = bibliographyDialog(reader.page);
      const input = dialog.locator('input[type=file]');
      await input.setInputFiles(
        new URL('../fixtures/csl/dependent-2d-materials.csl', import.meta.url).pathname,
      );
      await expect
        .poll(() => dialog.locator('.cite-status').textContent())
        .toContain('is a dependent style');
      expect(await dialog.getByLabel('Style', { exact: true }).inputValue()).toBe('apa');
      await input.setInputFiles(
        new URL('../fixtures/csl/harvard-cite-them-right.csl', import.meta.url).pathname,
      );
      await expect
        .poll(() => dialog.locator('.cite-status').textContent())
        .toContain('Added “Cite Them Right 12th edition - Harvard” (locale en-GB)');
      await expect
        .poll(() => dialog.locator('.bibliography-list').textContent(), { timeout: scaled(45_000) })
        .toContain('Lankov, A. (no date)');
      await reader.pressKey('Escape');
      const panel = await openCite(reader, 'lankov-2007:12');
      await expect
        .poll(() => panelCitation(reader.page).textContent(), { timeout: scaled(45_000) })
        .toBe('(Lankov, no date, para. 12)');
      await reader.screenshot('cite-panel-added-style');
      await reader.pressKey('Escape');
      await panel.waitFor({ state: 'detached' });
    },
    scaled(120_000),
  );
});
