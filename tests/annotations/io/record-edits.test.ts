/**
 * Record edits travel with the annotations: written as `diptych:records` on
 * the exported collection, read back (zod-checked) by the importer, and a
 * malformed list refuses the whole file.
 */
import { describe, expect, it } from 'vitest';
import { importAnnotations } from '../../../annotations/io/import-annotations.ts';
import { RECORDS_PROPERTY, readRecordEdits } from '../../../annotations/io/record-edits.ts';
import { exportW3cCollection, serializeW3cCollection } from '../../../annotations/io/w3c-export.ts';
import {
  describeRecordMerge,
  mergeRecordOverrides,
} from '../../../sources/citation/record-overrides.ts';
import { builtinEditions } from '../../../sources/builtin.ts';
import { annotationsIn, checkW3cConformance } from '../helpers/w3c-conformance.ts';
import { sampleAnnotations } from '../helpers/samples.ts';

const editions = builtinEditions();
const samples = sampleAnnotations(editions);
const OPTIONS = {
  id: 'urn:uuid:6f1c2b0e-0000-4000-8000-00000000c012',
  now: '2026-01-07T08:00:00.000Z',
};
const RECORDS = {
  'winstanley-chesters-2015': { URL: 'https://example.org/russias-borders', issued: '2015-06-03' },
  'lankov-2007': { publisher: 'Example University' },
};

const ctx = () => ({ existing: new Set<string>(), editions });

describe('record edits in the annotation export', () => {
  it('are written as diptych:records (sources by IRI, in id order) and the annotations still conform', () => {
    const doc = exportW3cCollection(samples, { ...OPTIONS, records: RECORDS }) as Record<
      string,
      unknown
    >;
    expect(doc[RECORDS_PROPERTY]).toEqual([
      { source: 'urn:diptych:source:lankov-2007', fields: { publisher: 'Example University' } },
      {
        source: 'urn:diptych:source:winstanley-chesters-2015',
        fields: { URL: 'https://example.org/russias-borders', issued: '2015-06-03' },
      },
    ]);
    for (const { annotation, context } of annotationsIn(doc)) {
      expect(checkW3cConformance(annotation, context)).toEqual([]);
    }
  });

  it('are left out when there are none', () => {
    const doc = exportW3cCollection(samples, { ...OPTIONS, records: {} }) as Record<
      string,
      unknown
    >;
    expect(RECORDS_PROPERTY in doc).toBe(false);
  });

  it('come back from an import exactly, with the annotations', () => {
    const text = serializeW3cCollection(samples, { ...OPTIONS, records: RECORDS });
    const outcome = importAnnotations(text, ctx());
    expect(outcome.ok).toBe(true);
    expect(outcome.annotations).toHaveLength(samples.length);
    expect(outcome.records).toEqual(RECORDS);
  });

  it('come back from a file that holds no annotations', () => {
    const text = serializeW3cCollection([], { ...OPTIONS, records: RECORDS });
    const outcome = importAnnotations(text, ctx());
    expect(outcome.ok).toBe(true);
    expect(outcome.records).toEqual(RECORDS);
  });

  it('a file without them imports as before, with no records', () => {
    const outcome = importAnnotations(serializeW3cCollection(samples, OPTIONS), ctx());
    expect(outcome.ok).toBe(true);
    expect(outcome.records).toBeUndefined();
  });

  it.each([
    ['a bad URL', { URL: 'javascript:alert(1)' }, /diptych:records\.0\.fields\.URL: .*http/],
    ['a date that does not exist', { issued: '2015-02-30' }, /diptych:records\.0\.fields\.issued/],
    ['an unknown field', { colour: 'red' }, /unknown field colour \(valid: author, title/],
  ])('refuse the whole file for %s, saying where', (_what, fields, message) => {
    const doc = exportW3cCollection(samples, OPTIONS) as Record<string, unknown>;
    const bad = JSON.stringify({
      ...doc,
      [RECORDS_PROPERTY]: [{ source: 'urn:diptych:source:lankov-2007', fields }],
    });
    const outcome = importAnnotations(bad, ctx());
    expect(outcome.ok).toBe(false);
    expect(outcome.annotations).toEqual([]);
    expect(outcome.records).toBeUndefined();
    expect(outcome.summary).toMatch(message);
  });

  it('refuse a source that is not one of ours, a list that is not a list, and a source named twice', () => {
    expect(
      readRecordEdits({ [RECORDS_PROPERTY]: [{ source: 'http://evil.example/', fields: {} }] }),
    ).toMatchObject({ ok: false, message: /not a Diptych source IRI/ });
    expect(readRecordEdits({ [RECORDS_PROPERTY]: { 'lankov-2007': {} } })).toMatchObject({
      ok: false,
    });
    const twice = { source: 'urn:diptych:source:lankov-2007', fields: { publisher: 'A' } };
    expect(readRecordEdits({ [RECORDS_PROPERTY]: [twice, twice] })).toEqual({
      ok: false,
      message: 'its record edits name lankov-2007 twice',
    });
  });
});

describe('mergeRecordOverrides', () => {
  it('adds a source the reader has not edited, keeps the reader’s own where they differ, and says so', () => {
    const mine = { 'lankov-2007': { publisher: 'Mine' } };
    const merge = mergeRecordOverrides(mine, RECORDS);
    expect(merge.merged).toEqual({
      'lankov-2007': { publisher: 'Mine' },
      'winstanley-chesters-2015': RECORDS['winstanley-chesters-2015'],
    });
    expect(merge.added).toEqual(['winstanley-chesters-2015']);
    expect(merge.kept).toEqual(['lankov-2007']);
    expect(describeRecordMerge(merge, (id) => id)).toBe(
      ' Record edits added for winstanley-chesters-2015; your own record edits kept for lankov-2007 (the file’s differ and were not used).',
    );
  });

  it('says nothing when the file’s edits are the reader’s own', () => {
    const merge = mergeRecordOverrides(RECORDS, RECORDS);
    expect(merge).toEqual({ merged: RECORDS, added: [], kept: [] });
    expect(describeRecordMerge(merge, (id) => id)).toBe('');
  });
});
