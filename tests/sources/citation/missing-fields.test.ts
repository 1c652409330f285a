/** `missingFields`: what each kind of record lacks that the manuals require. */
import { describe, expect, it } from 'vitest';
import { missingFields } from '../../../sources/citation/missing-fields.ts';
import type { CslItem, SourceMetadata } from '../../../sources/metadata.ts';

const meta = (csl: Partial<CslItem> & { type: string }): SourceMetadata =>
  ({
    id: 'x-0123456789',
    lang: 'en',
    label: 'X',
    csl: { id: 'x-0123456789', title: 'X', ...csl },
    inferred: [],
    declarations: [],
  }) as unknown as SourceMetadata;

const fields = (csl: Partial<CslItem> & { type: string }) =>
  missingFields(meta(csl)).map((m) => m.field);

describe('missingFields', () => {
  it('asks a published work for its date, where it appeared and who published it', () => {
    expect(fields({ type: 'article-journal' })).toEqual(['issued', 'container-title']);
    expect(fields({ type: 'book' })).toEqual(['issued', 'publisher']);
    expect(fields({ type: 'chapter' })).toEqual(['issued', 'container-title', 'publisher']);
    expect(fields({ type: 'report' })).toEqual(['issued', 'publisher']);
    expect(fields({ type: 'article' })).toEqual(['issued']);
    expect(fields({ type: 'webpage', URL: 'https://example.org/a' })).toEqual([
      'issued',
      'container-title',
      'accessed',
    ]);
  });

  it('asks nothing of a complete record', () => {
    const issued = { 'date-parts': [[2024, 3, 5]] };
    expect(fields({ type: 'article-journal', issued, 'container-title': 'J' })).toEqual([]);
    expect(fields({ type: 'book', issued, publisher: 'P' })).toEqual([]);
    expect(
      fields({ type: 'article-newspaper', issued, 'container-title': 'N', URL: 'https://e.org' }),
    ).toEqual([]);
  });

  it('says each in words a student follows', () => {
    expect(missingFields(meta({ type: 'chapter' })).map((m) => m.what)).toEqual([
      'the date of publication',
      'the book it is in',
      'the book’s publisher',
    ]);
  });
});
