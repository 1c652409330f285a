/**
 * The citeproc wrapper against the official styles: the exact strings for
 * every style × source × passage kind are pinned in
 * `fixtures/citations.json` (regenerate with `UPDATE=1` and review the diff
 * against the manuals; see sources/citation/README.md for what was checked).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_SOURCES } from '../../../sources/metadata.ts';
import { parseAddress } from '../../../sources/address.ts';
import { builtinEdition } from '../../../sources/builtin.ts';
import {
  createCiter,
  type Citer,
  type ClusterResult,
} from '../../../sources/citation/create-citer.ts';
import { citeTargetOf } from '../../../sources/citation/locator.ts';
import {
  pinpointChoices,
  NO_SECTION_NOTE,
  sectionPlace,
  type SectionPlace,
} from '../../../sources/citation/pinpoint.ts';
import { applyRecordOverrides } from '../../../sources/citation/record-overrides.ts';
import { nodeCslLoader } from '../../../sources/citation/node-csl-loader.ts';
import { STYLE_IDS, type StyleId } from '../../../sources/citation/styles.ts';
import { goldenJson } from '../../helpers/golden.ts';
import { scaled } from '../../slowdown.ts';

const FIXTURE = new URL('./fixtures/citations.json', import.meta.url);

/** The passages pinned per source (Winstanley-Chesters has no footnotes; Lankov no section headings). */
const CASES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'winstanley-chesters-2015': {
    paragraph: 'winstanley-chesters-2015:12',
    range: 'winstanley-chesters-2015:12-13',
    sentence: 'winstanley-chesters-2015:12.1',
    unnumbered: 'winstanley-chesters-2015:heading1',
    beforeHeadings: 'winstanley-chesters-2015:5',
  },
  'lankov-2007': {
    paragraph: 'lankov-2007:12',
    range: 'lankov-2007:12-13',
    sentence: 'lankov-2007:12.3',
    footnote: 'lankov-2007:n5',
  },
};

/** A record a reader completed (Edit record): the URL and the day given, and an access date. */
const COMPLETED = {
  'winstanley-chesters-2015': {
    URL: 'https://example.org/russias-borders',
    issued: '2015-06-03',
    accessed: '2025-01-15',
  },
  'lankov-2007': { issued: '2007-09', publisher: 'Example University' },
};

type Expected = Record<string, Record<string, Record<string, unknown>>>;

const citers = new Map<StyleId, Citer>();
const W = builtinEdition('winstanley-chesters-2015')!;

beforeAll(async () => {
  // citeproc-js takes seconds to build an engine for the big Chicago styles
  // under Node (see README); build each once.
  for (const id of STYLE_IDS) citers.set(id, await createCiter(id, nodeCslLoader));
}, scaled(120_000));

/** Cites with the completed records, through the same engine (`setSources`), then restores the shipped ones. */
function withCompleted<T>(style: StyleId, f: (citer: Citer) => T): T {
  const citer = citers.get(style)!;
  citer.setSources(applyRecordOverrides(BUILTIN_SOURCES, COMPLETED));
  try {
    return f(citer);
  } finally {
    citer.setSources(BUILTIN_SOURCES);
  }
}

/** The section place of an address's paragraphs in Winstanley-Chesters (the only text with section headings). */
function sectionOf(address: string): SectionPlace | undefined {
  const parsed = parseAddress(address);
  if (!parsed || parsed.source !== 'winstanley-chesters-2015') return undefined;
  if (parsed.kind === 'paragraph' || parsed.kind === 'sentence') return sectionPlace(W, parsed.n);
  if (parsed.kind === 'range') return sectionPlace(W, parsed.from, parsed.to);
  return undefined;
}

const forms = (r: ClusterResult) => ({
  text: r.citation.text,
  html: r.citation.html,
  ...(r.subsequentNote ? { subsequent: r.subsequentNote.text } : {}),
  pandoc: r.pandoc,
  latex: r.latex,
});

function actual(): Expected {
  const out: Expected = {};
  for (const style of STYLE_IDS) {
    const citer = citers.get(style)!;
    out[style] = {};
    for (const [source, cases] of Object.entries(CASES)) {
      const row: Record<string, unknown> = {};
      for (const [kind, address] of Object.entries(cases)) {
        const target = citeTargetOf(address);
        const section = sectionOf(address);
        const byMode: Record<string, unknown> = {};
        for (const mode of pinpointChoices(style)) {
          const result = citer.cite(target.source, target.locator, {
            pinpoint: mode,
            ...(section ? { section } : {}),
          });
          byMode[mode] = forms(result);
        }
        row[kind] = { address, ...byMode };
      }
      const target = citeTargetOf(cases.paragraph!);
      const section = sectionOf(cases.paragraph!);
      const narrative = citer.cite(target.source, target.locator, {
        narrative: true,
        ...(section ? { section } : {}),
      });
      row.narrative = { inText: narrative.narrative!.inText.text, ...forms(narrative) };
      row.prefixed = forms(
        citer.cite(target.source, target.locator, {
          prefix: 'see',
          suffix: 'emphasis added',
          pinpoint: 'paragraph',
        }),
      );
      row.bibliography = citer.cite(source).bibliography;
      row.missing = citer.cite(source).missing;
      const done = withCompleted(style, (c) =>
        c.cite(target.source, target.locator, { ...(section ? { section } : {}) }),
      );
      row.completed = {
        ...forms(done),
        bibliography: done.bibliography.kind === 'entry' ? done.bibliography.text : 'absent',
        missing: done.missing,
      };
      out[style][source] = row;
    }
    out[style].cluster = forms(
      citer.citeCluster(
        [
          { source: 'winstanley-chesters-2015', locator: { label: 'paragraph', locator: '12' } },
          { source: 'lankov-2007', locator: { label: 'note', locator: '5' } },
        ],
        { pinpoint: 'paragraph' },
      ),
    );
  }
  return out;
}

describe('createCiter', () => {
  it('formats every style × source × passage exactly as pinned', () => {
    const got = actual();
    expect(got).toEqual(goldenJson(FIXTURE, got));
  });

  it('cites Diptych’s paragraph count with CSL label "paragraph" in every style (para./par.) when chosen', () => {
    const want: Record<StyleId, string> = {
      apa: '(Lankov, n.d., para. 12)',
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
        citers
          .get(style)!
          .cite('lankov-2007', { label: 'paragraph', locator: '12' }, { pinpoint: 'paragraph' })
          .citation.text,
      ).toBe(want[style]);
    }
  });

  it('gives the short subsequent note the manual wants in the notes styles, and none in the others', () => {
    for (const style of ['chicago-notes', 'chicago-notes-17'] as const) {
      const result = citers
        .get(style)!
        .cite(
          'winstanley-chesters-2015',
          { label: 'paragraph', locator: '12' },
          { pinpoint: 'paragraph' },
        );
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

describe('createCiter: the manuals’ rules (each string checked against the guidance in sources/citation/README.md)', () => {
  const p12 = { label: 'paragraph', locator: '12' } as const;
  const w12 = sectionPlace(W, 12);

  it('APA 7: "n.d." for an undated work (9.17, Table 9.1), never "ca.", in citation and reference', () => {
    const apa = citers.get('apa')!;
    expect(apa.cite('lankov-2007', p12).citation.text).toBe('(Lankov, n.d., para. 12)');
    const entry = apa.cite('lankov-2007').bibliography;
    expect(entry.kind === 'entry' && entry.text).toMatch(/^Lankov, A\. \(n\.d\.\)\. /);
    expect(JSON.stringify(apa.bibliography())).not.toContain('ca.');
  });

  it('APA 7: the heading and the paragraph under it for a passage in a section (8.28)', () => {
    const r = citers.get('apa')!.cite('winstanley-chesters-2015', p12, {
      pinpoint: 'section',
      section: w12!,
    });
    expect(r.citation.text).toBe(
      '(Winstanley-Chesters, n.d., The Post-Soviet Era section, para. 3)',
    );
    expect(r.pandoc).toBe('[@winstanleychesters2015russias, The Post-Soviet Era section, para. 3]');
  });

  it('MLA 9: no date when it is unknown (no "Circa"), no paragraph number unless chosen and declared', () => {
    const mla = citers.get('mla')!;
    expect(mla.cite('lankov-2007', p12).citation.text).toBe('(Lankov)');
    const entry = mla.cite('winstanley-chesters-2015').bibliography;
    expect(entry.kind === 'entry' && entry.text).toBe(
      'Winstanley-Chesters, Robert. “Russia’s Borders: North Korea Is Moving Up Moscow’s Agenda.” The Conversation.',
    );
    expect(JSON.stringify(mla.bibliography())).not.toMatch(/circa/i);
    const counted = mla.cite('lankov-2007', p12, { pinpoint: 'paragraph' });
    expect(counted.citation.text).toBe('(Lankov, par. 12)');
    expect(counted.pinpointNote).toMatch(/does not number its paragraphs/);
  });

  it('Chicago: the section heading ("under …") by default, "[2015?]" for the inferred year', () => {
    const r = citers.get('chicago-notes')!.cite('winstanley-chesters-2015', p12, { section: w12! });
    expect(r.citation.text).toBe(
      'Robert Winstanley-Chesters, “Russia’s Borders: North Korea Is Moving Up Moscow’s Agenda,” The Conversation, [2015?], under “The Post-Soviet Era.”',
    );
    expect(r.subsequentNote?.text).toBe(
      'Winstanley-Chesters, “Russia’s Borders,” under “The Post-Soviet Era.”',
    );
    // Lankov has no section headings: no pinpoint, and the result says why (the picker reads
    // "Section heading (style default)"; a silent blank looked like a fault).
    const lankov = citers.get('chicago-author-date')!.cite('lankov-2007', p12);
    expect(lankov.citation.text).toBe('(Lankov [2007?])');
    expect(lankov.pinpointNote).toBe(NO_SECTION_NOTE);
    expect(lankov.pinpointNote).toMatch(
      /^No pinpoint: this passage is not under a section heading/,
    );
    // Under a heading, or with the paragraph chosen, it has a place: no such note.
    expect(r.pinpointNote).toBeUndefined();
    expect(
      citers.get('chicago-notes')!.cite('lankov-2007', p12, { pinpoint: 'paragraph' }).pinpointNote,
    ).not.toContain(NO_SECTION_NOTE);
    // APA counts from the start where there is no heading, and says nothing.
    expect(
      citers.get('apa')!.cite('lankov-2007', p12, { pinpoint: 'section' }).pinpointNote,
    ).toBeUndefined();
  });

  it('Chicago author-date: an inferred year appears once in an entry, still marked; a full date repeats its year as CMOS 17 wants', () => {
    for (const style of ['chicago-author-date', 'chicago-author-date-17'] as const) {
      const entry = citers.get(style)!.cite('winstanley-chesters-2015').bibliography;
      const text = entry.kind === 'entry' ? entry.text : '';
      expect(text.match(/\[2015\?\]/g), `${style}: ${text}`).toHaveLength(1);
      expect(text).not.toMatch(/(?<!\[)2015(?!\?\])/);
    }
    const done = withCompleted(
      'chicago-author-date-17',
      (c) => c.cite('winstanley-chesters-2015').bibliography,
    );
    expect(done.kind === 'entry' ? done.text : '').toMatch(
      /^Winstanley-Chesters, Robert\. 2015\. .* The Conversation, June 3, 2015\./,
    );
  });

  it('keeps the source’s own footnote numbers in every pinpoint mode', () => {
    for (const style of STYLE_IDS) {
      for (const mode of pinpointChoices(style)) {
        const r = citers
          .get(style)!
          .cite('lankov-2007', { label: 'note', locator: '5' }, { pinpoint: mode });
        expect(r.citation.text, `${style} ${mode}`).toMatch(/(n\.|Note) 5/);
      }
    }
  });

  it('flags each incomplete record in the bibliography, in the chosen style, and none once completed', () => {
    const flags = (c: Citer) =>
      Object.fromEntries(c.bibliography().map((e) => [e.source, e.missing]));
    expect(flags(citers.get('mla')!)).toEqual({
      'lankov-2007':
        'Incomplete record for Lankov (2007): the text carries no date. Diptych infers the year (about 2007) from the text, but an inferred year is not a date of publication, so MLA leaves the date out, as for any undated work. If you know it, add it with Edit record (issued).',
      'winstanley-chesters-2015':
        'Incomplete record for Winstanley-Chesters (2015): the text carries no date. Diptych infers the year (about 2015) from the text, but an inferred year is not a date of publication, so MLA leaves the date out, as for any undated work. The record also lacks the URL and the date you accessed it (MLA); the manuals require them. If you know them, add them with Edit record (issued, URL, accessed).',
    });
    // A source the style leaves out of its bibliography is flagged too.
    const notes = citers.get('chicago-notes')!.bibliography();
    expect(notes.find((e) => e.source === 'lankov-2007')).toMatchObject({
      kind: 'absent',
      missing: expect.stringContaining('so Chicago shows it marked as a guess, “[2007?]”'),
    });
    expect(withCompleted('apa', (c) => flags(c))).toEqual({
      'lankov-2007': undefined,
      'winstanley-chesters-2015': undefined,
    });
  });

  it('says what an incomplete record lacks, and nothing once it is completed', () => {
    const w = citers.get('apa')!.cite('winstanley-chesters-2015');
    expect(w.missing).toEqual([
      'Incomplete record for Winstanley-Chesters (2015): the text carries no date. Diptych infers the year (about 2015) from the text, but an inferred year is not a date of publication, so APA shows “n.d.”, as for any undated work. The record also lacks the URL; the manuals require it. If you know them, add them with Edit record (issued, URL).',
    ]);
    const done = withCompleted('apa', (c) => c.cite('winstanley-chesters-2015', p12));
    expect(done.missing).toEqual([]);
    expect(done.citation.text).toBe('(Winstanley-Chesters, 2015, para. 12)');
    expect(done.bibliography.kind === 'entry' && done.bibliography.text).toBe(
      'Winstanley-Chesters, R. (2015, June 3). Russia’s borders: North Korea is moving up Moscow’s agenda. The Conversation. https://example.org/russias-borders',
    );
  });

  it('writes narrative, prefixed and multi-passage citations through citeproc', () => {
    const apa = citers.get('apa')!;
    const n = apa.cite('lankov-2007', p12, { narrative: true });
    expect(n.narrative?.inText.text).toBe('Lankov (n.d., para. 12)');
    expect(n.pandoc).toBe('@lankov2007russia [para. 12]');
    expect(n.latex).toBe('\\textcite[para.~12]{lankov2007russia}');
    const p = apa.cite('lankov-2007', p12, { prefix: 'see', suffix: 'emphasis added' });
    expect(p.citation.text).toBe('(see Lankov, n.d., para. 12, emphasis added)');
    expect(p.latex).toBe('\\autocite[see][para.~12, emphasis added]{lankov2007russia}');
    const c = apa.citeCluster([
      { source: 'winstanley-chesters-2015', locator: p12 },
      { source: 'lankov-2007', locator: { label: 'note', locator: '5' } },
    ]);
    expect(c.citation.text).toBe('(Lankov, n.d., Note 5; Winstanley-Chesters, n.d., para. 12)');
    expect(c.pandoc).toBe('[@winstanleychesters2015russias, para. 12; @lankov2007russia, n. 5]');
    expect(() =>
      apa.citeCluster([{ source: 'lankov-2007' }, { source: 'winstanley-chesters-2015' }], {
        narrative: true,
      }),
    ).toThrow(/narrative citation names one author/);
  });

  it('escapes markup in a prefix or suffix', () => {
    const r = citers.get('apa')!.cite('lankov-2007', p12, { suffix: '<script>x</script> & co' });
    expect(r.citation.html).not.toContain('<script>');
    expect(r.latex).toContain('\\& co');
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
