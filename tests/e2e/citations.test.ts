/**
 * Citations in the reader: Cite on paragraphs, notes and selections, the
 * pinpoint in every style (expected strings from the citation core's pinned
 * fixtures), both clipboard types, the bibliography downloads, the stored
 * style, and the keyboard path. One browser for the file.
 *
 * citeproc takes seconds to build the large styles (in the citation worker),
 * so the Chicago styles are each built once, in the one test that goes
 * through every style; the rest use APA (pre-warmed at idle) and MLA.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import fixtures from '../sources/citation/fixtures/citations.json' with { type: 'json' };
import { STYLE_IDS } from '../../sources/citation/styles.ts';
import {
  bibliographyDialog,
  chooseStyle,
  citeButton,
  citePanel,
  CITATION_STYLE_KEY,
  openCite,
  panelCitation,
  readClipboard,
  selectAcross,
} from './helpers/citations-ui.ts';
import { openSidebar, selectionToolbar } from './helpers/annotations-ui.ts';
import { downloadedText, startReader, type Reader } from './helpers/ui.ts';
import { scaled } from '../slowdown.ts';

type Fixtures = Record<
  string,
  Record<
    string,
    {
      paragraph: { citation: { text: string }; subsequentNote?: { text: string } };
      range: { citation: { text: string } };
      footnote?: { citation: { text: string } };
      bibliography: { kind: 'entry'; text: string } | { kind: 'absent'; reason: string };
    }
  >
>;
const pinned = fixtures as unknown as Fixtures;
const lankov = (style: string) => pinned[style]!['lankov-2007']!;

let reader: Reader;

beforeAll(async () => {
  reader = await startReader('wide');
  await reader.page
    .context()
    .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: inject('baseUrl') });
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
          .toBe(expected.paragraph.citation.text);
        const result = panel.locator(`.cite-forms[data-style="${style}"]`);
        if (expected.paragraph.subsequentNote) {
          expect(await result.locator('.cite-subsequent').textContent()).toBe(
            expected.paragraph.subsequentNote.text,
          );
        } else {
          expect(await result.locator('.cite-subsequent').count()).toBe(0);
        }
        const bib = expected.bibliography;
        const entry = await result.locator('.cite-bibliography').textContent();
        if (bib.kind === 'entry') expect(entry).toBe(bib.text);
        else expect(entry).toContain(bib.reason);
      }
      // The italics survive as elements (rendered without HTML injection).
      await chooseStyle(panel, 'apa');
      await expect
        .poll(() => panelCitation(reader.page).textContent())
        .toBe(lankov('apa').paragraph.citation.text);
      expect(await panel.locator('.cite-bibliography i').textContent()).toBe(
        'Russia and North Korea: From “socialist solidarity” to quasi-alliance',
      );
      await reader.pressKey('Escape');
      await citePanel(reader.page).waitFor({ state: 'detached' });
    },
    scaled(240_000),
  );

  it('opens from the keyboard, closes with Escape and gives focus back to the Cite button', async () => {
    await reader.openApp('lankov-2007:3');
    const button = citeButton(reader, 'lankov-2007:3');
    const panel = await openCite(reader, 'lankov-2007:3');
    expect(await panel.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    await reader.pressKey('Escape');
    await panel.waitFor({ state: 'detached' });
    await expect.poll(() => button.evaluate((b) => b === document.activeElement)).toBe(true);
  });

  it(
    'Copy quote with citation puts the quote, its citation and the link on the clipboard as HTML and plain text',
    async () => {
      await reader.openApp('lankov-2007:12');
      await reader.page.evaluate(() => navigator.clipboard.writeText('before'));
      const panel = await openCite(reader, 'lankov-2007:12');
      await chooseStyle(panel, 'apa');
      await expect
        .poll(() => panelCitation(reader.page).textContent(), { timeout: scaled(45_000) })
        .toBe(lankov('apa').paragraph.citation.text);
      await panel.getByRole('button', { name: 'Copy quote with citation' }).click();
      await expect
        .poll(() => panel.locator('.cite-status').textContent())
        .toBe('Quote with citation copied.');
      const clip = await readClipboard(reader.page);
      const paragraph = (
        await reader.paragraph('lankov-2007:12').evaluate((el) => el.textContent ?? '')
      ).trim();
      expect(clip.text).toContain(`${lankov('apa').paragraph.citation.text}.`);
      expect(clip.text).toContain('#lankov-2007:12');
      expect(clip.text!.startsWith(`“${paragraph.slice(0, 40)}`)).toBe(true);
      expect(clip.html).toContain('(Lankov, ca. 2007, para. 12).');
      expect(clip.html).toMatch(/<a href="http:\/\/[^"]+#lankov-2007:12">/);

      // In MLA, "Copy citation" copies the parenthetical in both forms.
      await chooseStyle(panel, 'mla');
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
    await reader.openApp('lankov-2007:12');
    const panel = await openCite(reader, 'lankov-2007:12');
    await chooseStyle(panel, 'mla');
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
    await reader.openApp('lankov-2007:n5');
    const panel = await openCite(reader, 'lankov-2007:n5');
    await chooseStyle(panel, 'mla');
    await expect
      .poll(() => panelCitation(reader.page).textContent(), { timeout: scaled(45_000) })
      .toBe(lankov('mla').footnote!.citation.text);
    await reader.pressKey('Escape');
  });

  it('cites a footnote from its popover, and gives focus back to the marker', async () => {
    await reader.openApp('lankov-2007:13');
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
    await reader.openApp('lankov-2007:12');
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
    await expect
      .poll(() => panelCitation(reader.page).textContent(), { timeout: scaled(45_000) })
      .toBe(lankov('mla').range.citation.text);
    const shown = (await panel.locator('.cite-quote').textContent()) ?? '';
    expect(shown.replace(/…$/, '').replace(/\s+/g, ' ').slice(0, 30)).toBe(
      quote.replace(/\s+/g, ' ').trim().slice(0, 30),
    );
    await reader.pressKey('Escape');
    await panel.waitFor({ state: 'detached' });
    // The toolbar that opened it is gone: focus goes back to the pane's text.
    await expect
      .poll(() =>
        reader.page.evaluate(() =>
          document.activeElement?.closest('.pane')?.getAttribute('data-source'),
        ),
      )
      .toBe('lankov-2007');
  });
});

describe('the style choice', () => {
  it('persists across a reload, and a bad stored value falls back to APA', async () => {
    await reader.openApp('lankov-2007:3');
    let panel = await openCite(reader, 'lankov-2007:3');
    await chooseStyle(panel, 'mla');
    await reader.pressKey('Escape');
    expect(await reader.page.evaluate((k) => localStorage.getItem(k), CITATION_STYLE_KEY)).toBe(
      'mla',
    );
    await reader.openApp('lankov-2007:3');
    panel = await openCite(reader, 'lankov-2007:3');
    expect(await panel.getByLabel('Style').inputValue()).toBe('mla');
    await reader.pressKey('Escape');

    await reader.page.evaluate(
      (k) => localStorage.setItem(k, '<b>harvard</b>'),
      CITATION_STYLE_KEY,
    );
    await reader.openApp('lankov-2007:3');
    panel = await openCite(reader, 'lankov-2007:3');
    expect(await panel.getByLabel('Style').inputValue()).toBe('apa');
    await reader.pressKey('Escape');
    await reader.page.evaluate((k) => localStorage.removeItem(k), CITATION_STYLE_KEY);
  });
});

describe('the Bibliography dialog', () => {
  it(
    'lists both sources in the chosen style and downloads BibTeX, RIS and CSL-JSON',
    async () => {
      await reader.openApp();
      await reader.page.getByRole('button', { name: 'Bibliography' }).click();
      const dialog = bibliographyDialog(reader.page);
      await dialog.waitFor();
      await chooseStyle(dialog, 'mla');
      const entries = dialog.locator('.bibliography-list[data-style="mla"] .bibliography-entry');
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
      await reader.pressKey('Escape');
      await dialog.waitFor({ state: 'detached' });
    },
    scaled(90_000),
  );
});

describe('annotations', () => {
  it(
    'an annotation cites its passage from the sidebar, and the Markdown digest cites each quote in the chosen style',
    async () => {
      await reader.openApp('lankov-2007:12');
      await reader.page.evaluate((k) => localStorage.setItem(k, 'mla'), CITATION_STYLE_KEY);
      await reader.openApp('lankov-2007:12');
      await selectAcross(
        reader.page,
        { address: 'lankov-2007:12', offset: 0 },
        { address: 'lankov-2007:12', offset: 30 },
      );
      await selectionToolbar(reader.page)
        .getByRole('button', { name: 'Highlight', exact: true })
        .click();
      const bar = await openSidebar(reader.page);
      await bar.getByRole('button', { name: 'Cite annotation on lankov-2007:12' }).click();
      const panel = citePanel(reader.page);
      await expect
        .poll(() => panelCitation(reader.page).textContent(), { timeout: scaled(45_000) })
        .toBe('(Lankov, par. 12)');
      await reader.pressKey('Escape');
      await panel.waitFor({ state: 'detached' });

      const [download] = await Promise.all([
        reader.page.waitForEvent('download', { timeout: scaled(45_000) }),
        bar.getByRole('button', { name: 'Export digest (Markdown)' }).click(),
      ]);
      const digest = await downloadedText(download);
      expect(digest).toContain('— (Lankov, par. 12)');
      await reader.page.evaluate(() => localStorage.clear());
    },
    scaled(90_000),
  );
});
