/** Per-style CSL records: item types, title-case hints, exports that state what was inferred. */
import { describe, expect, it } from 'vitest';
import { BUILTIN_SOURCES, lankov2007, winstanleyChesters2015 } from '../../../sources/metadata.ts';
import { TITLE_CASE_HINTS, exportRecord, styleRecord } from '../../../sources/citation/records.ts';
import { STYLE_IDS } from '../../../sources/citation/styles.ts';

describe('styleRecord', () => {
  it('makes the news-site article a webpage for APA and a newspaper article elsewhere', () => {
    expect(styleRecord(winstanleyChesters2015, 'apa').type).toBe('webpage');
    for (const style of STYLE_IDS.filter((s) => s !== 'apa')) {
      expect(styleRecord(winstanleyChesters2015, style).type, style).toBe('article-newspaper');
    }
  });

  it('makes the paper of unknown venue a manuscript in every style', () => {
    for (const style of STYLE_IDS)
      expect(styleRecord(lankov2007, style).type, style).toBe('manuscript');
  });

  it('keeps the sentence-case title for APA and gives title-case styles the hinted one', () => {
    expect(styleRecord(winstanleyChesters2015, 'apa').title).toBe(winstanleyChesters2015.csl.title);
    expect(styleRecord(winstanleyChesters2015, 'mla').title).toBe(
      TITLE_CASE_HINTS['winstanley-chesters-2015'],
    );
    expect(styleRecord(lankov2007, 'chicago-notes').title).toBe(lankov2007.csl.title);
  });

  it('has hints that differ from the stored titles in letter case only', () => {
    for (const [id, hint] of Object.entries(TITLE_CASE_HINTS)) {
      const meta = BUILTIN_SOURCES.find((s) => s.id === id)!;
      expect(hint).not.toBe(meta.csl.title);
      expect(hint.toLowerCase()).toBe(meta.csl.title.toLowerCase());
    }
  });

  it('gives the styles no series, keeps every other field, and never mutates the metadata', () => {
    const before = JSON.stringify(winstanleyChesters2015.csl);
    const record = styleRecord(winstanleyChesters2015, 'chicago-notes');
    expect(record).not.toHaveProperty('collection-title');
    expect(record['title-short']).toBe('Russia’s borders');
    expect(record.issued).toEqual({ 'date-parts': [[2015]], circa: true });
    expect(JSON.stringify(winstanleyChesters2015.csl)).toBe(before);
  });
});

describe('exportRecord', () => {
  it('keeps the base record, series included, and states the inferred year in a note', () => {
    const record = exportRecord(winstanleyChesters2015);
    expect(record.type).toBe('article-newspaper');
    expect(record['collection-title']).toBe('Russia’s borders');
    expect(record.issued?.circa).toBe(true);
    expect(record.note).toBe('Year inferred; not printed in the source.');
    expect(exportRecord(lankov2007).note).toBe('Year inferred; not printed in the source.');
  });
});
