/**
 * The citeproc wrapper against the official styles: the exact strings for
 * every style × source × passage kind are pinned in
 * `fixtures/citations.json` (regenerate with `UPDATE=1` and review the diff
 * against the manuals; see sources/citation/README.md for what was checked).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_SOURCES } from '../../../sources/metadata.ts';
import { createCiter, type Citer } from '../../../sources/citation/create-citer.ts';
import { citeTargetOf } from '../../../sources/citation/locator.ts';
import { nodeCslLoader } from '../../../sources/citation/node-csl-loader.ts';
import { STYLE_IDS, type StyleId } from '../../../sources/citation/styles.ts';
import { goldenJson } from '../../helpers/golden.ts';
import { scaled } from '../../slowdown.ts';

const FIXTURE = new URL('./fixtures/citations.json', import.meta.url);

/** The passages pinned per source (Winstanley-Chesters has no footnotes). */
const CASES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'winstanley-chesters-2015': {
    paragraph: 'winstanley-chesters-2015:12',
    range: 'winstanley-chesters-2015:12-13',
    sentence: 'winstanley-chesters-2015:12.1',
    unnumbered: 'winstanley-chesters-2015:heading1',
  },
  'lankov-2007': {
    paragraph: 'lankov-2007:12',
    range: 'lankov-2007:12-13',
    sentence: 'lankov-2007:12.3',
    footnote: 'lankov-2007:n5',
  },
};

type Expected = Record<string, Record<string, Record<string, unknown>>>;

const citers = new Map<StyleId, Citer>();

beforeAll(async () => {
  // citeproc-js takes seconds to build an engine for the big Chicago styles
  // under Node (see README); build each once.
  for (const id of STYLE_IDS) citers.set(id, await createCiter(id, nodeCslLoader));
}, scaled(120_000));

function actual(): Expected {
  const out: Expected = {};
  for (const style of STYLE_IDS) {
    const citer = citers.get(style)!;
    out[style] = {};
    for (const [source, cases] of Object.entries(CASES)) {
      const row: Record<string, unknown> = {};
      for (const [kind, address] of Object.entries(cases)) {
        const target = citeTargetOf(address);
        const result = citer.cite(target.source, target.locator);
        row[kind] = {
          address,
          citation: result.citation,
          ...(result.subsequentNote ? { subsequentNote: result.subsequentNote } : {}),
        };
      }
      row.bibliography = citer.cite(source).bibliography;
      out[style][source] = row;
    }
  }
  return out;
}

describe('createCiter', () => {
  it('formats every style × source × passage exactly as pinned', () => {
    const got = actual();
    expect(got).toEqual(goldenJson(FIXTURE, got));
  });

  it('cites paragraphs with CSL label "paragraph" in every style (para./par.), never dropping the pinpoint', () => {
    const want: Record<StyleId, string> = {
      apa: '(Lankov, ca. 2007, para. 12)',
      mla: '(Lankov, par. 12)',
      'chicago-author-date': '(Lankov [2007?], para. 12)',
      'chicago-author-date-17': '(Lankov [2007?], para. 12)',
      'chicago-notes':
        'Andrei Lankov, “Russia and North Korea: From ‘Socialist Solidarity’ to Quasi-Alliance,” unpublished manuscript [2007?], para. 12.',
      'chicago-notes-17':
        'Andrei Lankov, “Russia and North Korea: From ‘Socialist Solidarity’ to Quasi-Alliance,” unpublished manuscript [2007?], para. 12.',
    };
    for (const style of STYLE_IDS) {
      expect(
        citers.get(style)!.cite('lankov-2007', { label: 'paragraph', locator: '12' }).citation.text,
      ).toBe(want[style]);
    }
  });

  it('gives the short subsequent note the manual wants in the notes styles, and none in the others', () => {
    for (const style of ['chicago-notes', 'chicago-notes-17'] as const) {
      const result = citers
        .get(style)!
        .cite('winstanley-chesters-2015', { label: 'paragraph', locator: '12' });
      expect(result.subsequentNote?.text).toBe(
        'Winstanley-Chesters, “Russia’s Borders,” para. 12.',
      );
    }
    for (const style of ['apa', 'mla', 'chicago-author-date', 'chicago-author-date-17'] as const) {
      expect(citers.get(style)!.cite('lankov-2007').subsequentNote).toBeUndefined();
    }
  });

  it('italicizes per the manual: APA the news-article title (site roman), MLA and Chicago the site', () => {
    const apa = citers.get('apa')!.cite('winstanley-chesters-2015').bibliography;
    expect(apa.kind === 'entry' && apa.html).toContain(
      '<i>Russia’s borders: North Korea is moving up Moscow’s agenda</i>. The Conversation.',
    );
    for (const style of [
      'mla',
      'chicago-notes',
      'chicago-author-date',
      'chicago-notes-17',
      'chicago-author-date-17',
    ] as const) {
      const entry = citers.get(style)!.cite('winstanley-chesters-2015').bibliography;
      expect(entry.kind === 'entry' && entry.html, style).toContain('<i>The Conversation</i>');
      expect(entry.kind === 'entry' && entry.html, style).toContain(
        '“Russia’s Borders: North Korea Is Moving Up Moscow’s Agenda',
      );
    }
  });

  it('lists the bibliography in the style’s order, then explains each source it leaves out', () => {
    const apa = citers.get('apa')!.bibliography();
    expect(apa.map((e) => e.source)).toEqual(['lankov-2007', 'winstanley-chesters-2015']);
    expect(apa.every((e) => e.kind === 'entry')).toBe(true);
    for (const style of ['chicago-notes', 'chicago-notes-17'] as const) {
      const bib = citers.get(style)!.bibliography();
      expect(bib.map((e) => e.kind)).toEqual(['entry', 'absent']);
      const absent = bib[1]!;
      expect(absent.source).toBe('lankov-2007');
      expect(absent.kind === 'absent' && absent.reason).toMatch(
        /unpublished manuscript.*notes only/,
      );
    }
  });

  it('cites the same source the same way whatever was cited before (no hidden state between calls)', () => {
    const citer = citers.get('chicago-notes')!;
    const first = citer.cite('lankov-2007', { label: 'note', locator: '5' });
    citer.cite('winstanley-chesters-2015', { label: 'paragraph', locator: '3' });
    citer.cite('lankov-2007', { label: 'note', locator: '5' });
    expect(citer.cite('lankov-2007', { label: 'note', locator: '5' })).toEqual(first);
  });

  it('covers every built-in source', () => {
    expect(Object.keys(CASES).sort()).toEqual(BUILTIN_SOURCES.map((s) => s.id).sort());
  });
});

describe('createCiter, when it fails', () => {
  it('names the valid sources for an unknown one', () => {
    expect(() => citers.get('apa')!.cite('smith-2020')).toThrow(
      'unknown source "smith-2020" (valid: winstanley-chesters-2015, lankov-2007)',
    );
  });

  it('rejects a malformed locator instead of printing it', () => {
    const apa = citers.get('apa')!;
    expect(() => apa.cite('lankov-2007', { label: 'para' as 'paragraph', locator: '12' })).toThrow(
      /bad locator/,
    );
    expect(() => apa.cite('lankov-2007', { label: 'paragraph', locator: '<b>12</b>' })).toThrow(
      /bad locator/,
    );
    expect(() => apa.cite('lankov-2007', { label: 'paragraph', locator: '0' })).toThrow(
      /bad locator/,
    );
  });

  it('passes on the loader’s error when a style file cannot be read', async () => {
    const failing = async (file: string): Promise<string> => {
      throw new Error(`cannot read CSL file ${file}: gone`);
    };
    await expect(createCiter('mla', failing)).rejects.toThrow(
      'cannot read CSL file modern-language-association.csl: gone',
    );
  });
});
