/**
 * Bibliography exports: BibTeX parses back (Citation.js) to the same records,
 * RIS has one TY…ER record per source, CSL-JSON validates against the
 * official CSL-JSON schema.
 */
import { readFileSync } from 'node:fs';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { citationKeys } from '../../../sources/citation/citation-keys.ts';
import { exportBibliography } from '../../../sources/citation/export-bibliography.ts';
import { applyRecordOverrides } from '../../../sources/citation/record-overrides.ts';
import { EXPORT_FORMATS, parseExportFormat } from '../../../sources/citation/export-formats.ts';
import { exportRecord } from '../../../sources/citation/records.ts';
import { BUILTIN_SOURCES, type SourceMetadata } from '../../../sources/metadata.ts';

const SCHEMA = JSON.parse(
  readFileSync(new URL('../../../sources/citation/schema/csl-data.json', import.meta.url), 'utf8'),
) as object;

/** What BibTeX can carry, and what type each CSL type reads back as (BibTeX has no newspaper article). */
const BIBTEX_TYPE_BACK: Readonly<Record<string, string>> = {
  'article-newspaper': 'article-journal',
  manuscript: 'manuscript',
};

const comparable = (r: Record<string, unknown>) => ({
  title: r.title,
  author: r.author,
  year: (r.issued as { 'date-parts': number[][] } | undefined)?.['date-parts'][0]?.[0],
  'container-title': r['container-title'],
  'collection-title': r['collection-title'],
  note: r.note,
});

const KEYS = citationKeys(BUILTIN_SOURCES);

describe('exportBibliography', () => {
  it('gives every record its readable citation key (author + year + first title word)', () => {
    expect([...KEYS.values()]).toEqual(['winstanleychesters2015russias', 'lankov2007russia']);
    const bibtex = exportBibliography('bibtex');
    expect(bibtex).toContain('@article{winstanleychesters2015russias,');
    expect(bibtex).toContain('@unpublished{lankov2007russia,');
    const ris = exportBibliography('ris');
    expect(ris).toMatch(/^ID {2}- winstanleychesters2015russias$/m);
    expect(ris).toMatch(/^ID {2}- lankov2007russia$/m);
    const json = JSON.parse(exportBibliography('csl-json')) as Record<string, unknown>[];
    expect(json.map((r) => r['citation-key'])).toEqual([...KEYS.values()]);
  });

  it('says what an incomplete record lacks: @comment in BibTeX, N1 in RIS, note in CSL-JSON', () => {
    const bibtex = exportBibliography('bibtex');
    expect(bibtex).toMatch(
      /^@comment\{Incomplete record for Winstanley-Chesters \(2015\): the text carries no date\. .* The record also lacks the URL and the date you accessed it \(MLA\);.*\}\n@article\{winstanleychesters2015russias,$/m,
    );
    expect(exportBibliography('ris')).toMatch(/^N1 {2}- Incomplete record for Lankov \(2007\): /m);
    const done = applyRecordOverrides(BUILTIN_SOURCES, {
      'winstanley-chesters-2015': { URL: 'https://example.org/a', issued: '2015-06-03' },
    });
    const completed = exportBibliography('bibtex', done);
    expect(completed).not.toContain('Incomplete record for Winstanley-Chesters');
    expect(completed).toContain('url = {https://example.org/a}');
    expect(completed).toContain('Edited by you: URL, issued.');
  });

  it('writes BibTeX that parses back to the same records, keys included, after a reader’s edits too', () => {
    const done = applyRecordOverrides(BUILTIN_SOURCES, {
      'winstanley-chesters-2015': { URL: 'https://example.org/a', issued: '2015-06-03' },
    });
    const back = new Cite(exportBibliography('bibtex', done)).data;
    const keys = citationKeys(done);
    expect(back.map((r) => r['citation-key'])).toEqual([...keys.values()]);
    const w = back.find((r) => r['citation-key'] === keys.get('winstanley-chesters-2015'))!;
    expect(w.URL).toBe('https://example.org/a');
    expect(w.issued).toEqual({ 'date-parts': [[2015, 6, 3]] });
  });

  it('writes BibTeX that Citation.js parses back to the same records', () => {
    const bibtex = exportBibliography('bibtex');
    const back = new Cite(bibtex).data;
    expect(back).toHaveLength(BUILTIN_SOURCES.length);
    for (const meta of BUILTIN_SOURCES) {
      const record = exportRecord(meta);
      const parsed = back.find((r) => r['citation-key'] === KEYS.get(meta.id));
      expect(parsed, meta.id).toBeDefined();
      expect(comparable(parsed!)).toEqual(comparable(record as unknown as Record<string, unknown>));
      expect(parsed!.type).toBe(BIBTEX_TYPE_BACK[record.type]);
    }
  });

  it('writes one TY…ER RIS record per source, each with its author, that parse back', () => {
    const ris = exportBibliography('ris');
    expect(ris.match(/^TY {2}- /gm)).toHaveLength(BUILTIN_SOURCES.length);
    expect(ris.match(/^ER {2}- $/gm)).toHaveLength(BUILTIN_SOURCES.length);
    expect(ris).toMatch(/^TY {2}- NEWS\nAU {2}- Winstanley-Chesters, Robert$/m);
    expect(ris).toMatch(/^AU {2}- Lankov, Andrei$/m);
    // Every line is a tag line: no value is hard-wrapped.
    for (const line of ris.slice(0, -1).split('\n')) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
    const back = new Cite(ris).data;
    expect(back.map((r) => [r.type, r.title, r.id])).toEqual(
      BUILTIN_SOURCES.map((m) => [m.csl.type, m.csl.title, KEYS.get(m.id)]),
    );
  });

  it('writes a day of publication as reference managers read it: BibTeX month macro and day, RIS YYYY/MM/DD/', () => {
    const dated = (type: string, parts: number[]): SourceMetadata =>
      ({
        id: `dated-${type}`,
        lang: 'en',
        label: type,
        inferred: [],
        declarations: [],
        csl: {
          id: `dated-${type}`,
          type,
          title: `A ${type}`,
          author: [{ family: 'Roe', given: 'Jane' }],
          issued: { 'date-parts': [parts] },
          accessed: { 'date-parts': [[2025, 1, 15]] },
          'container-title': 'The Daily',
          URL: 'https://example.org/a',
        },
      }) as unknown as SourceMetadata;
    const sources = [
      dated('article-journal', [2024, 3, 5]),
      dated('article-newspaper', [2024, 3, 5]),
      dated('webpage', [2024, 11]),
    ];
    const bibtex = exportBibliography('bibtex', sources);
    // As Zotero's BibTeX import reads it (year, month macro, day: its own test case) and BibTeX prints it.
    expect(bibtex).not.toMatch(/month = \{/);
    expect(bibtex.match(/\tyear = \{2024\},\n\tmonth = mar,\n\tday = \{5\},\n/g)).toHaveLength(2);
    expect(bibtex).toMatch(/\tyear = \{2024\},\n\tmonth = nov,\n\t(?!day)/);
    expect(new Cite(bibtex).data.map((r) => r.issued)).toEqual([
      { 'date-parts': [[2024, 3, 5]] },
      { 'date-parts': [[2024, 3, 5]] },
      { 'date-parts': [[2024, 11]] },
    ]);

    const ris = exportBibliography('ris', sources);
    // RIS dates are YYYY/MM/DD/other; a news article keeps its day (Citation.js wrote only PY).
    expect(ris.match(/^DA {2}- 2024\/03\/05\/$/gm)).toHaveLength(2);
    expect(ris).toMatch(/^DA {2}- 2024\/11\/\/$/m);
    expect(ris).toMatch(/^Y2 {2}- 2025\/01\/15\/$/m);
    expect(ris).not.toMatch(/^[A-Z][A-Z0-9] {2}- \d{4}\/\d\//m);
    // Citation.js reads a NEWS record's date from PY only (Zotero's RIS import reads DA for every
    // type), so the news article is left out of its round trip.
    const back = new Cite(ris).data.map((r) => r.issued);
    expect([back[0], back[2]]).toEqual([
      { 'date-parts': [[2024, 3, 5]] },
      { 'date-parts': [[2024, 11]] },
    ]);
  });

  it('writes CSL-JSON that validates against the official schema and keeps circa', () => {
    const json = JSON.parse(exportBibliography('csl-json')) as Record<string, unknown>[];
    const validate = new Ajv({ strict: false }).compile(SCHEMA);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(json.map((r) => r.id)).toEqual(BUILTIN_SOURCES.map((m) => m.id));
    expect(json.every((r) => (r.issued as { circa?: boolean }).circa === true)).toBe(true);
  });

  it('states the inferred year in every format', () => {
    for (const format of EXPORT_FORMATS) {
      expect(
        exportBibliography(format).split('Year inferred; not printed in the source.').length - 1,
        format,
      ).toBe(2);
    }
  });

  it('is deterministic', () => {
    for (const format of EXPORT_FORMATS)
      expect(exportBibliography(format)).toBe(exportBibliography(format));
  });
});

describe('exportBibliography, when it fails', () => {
  it('names the valid formats for an unknown one', () => {
    expect(parseExportFormat('ris')).toBe('ris');
    expect(() => parseExportFormat('endnote')).toThrow(
      'unknown export format "endnote" (valid: bibtex, ris, csl-json)',
    );
  });

  it('would catch a record the schema rejects (the validator is not vacuous)', () => {
    const validate = new Ajv({ strict: false }).compile(SCHEMA);
    expect(validate([{ id: 'x', type: 'newspaper-article' }])).toBe(false);
  });
});
