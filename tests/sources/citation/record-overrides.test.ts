/** Record overrides: validation with messages naming the valid values, and the override laid over the shipped record. */
import { describe, expect, it } from 'vitest';
import {
  EDITABLE_FIELDS,
  RecordOverridesSchema,
  applyRecordOverride,
  fieldError,
  formValues,
  overrideFromForm,
  parseAssignment,
  parseDateValue,
} from '../../../sources/citation/record-overrides.ts';
import { recordFieldLabel, recordFieldsFor } from '../../../sources/citation/record-fields.ts';
import { lankov2007, winstanleyChesters2015 } from '../../../sources/metadata.ts';

describe('record overrides', () => {
  it('accepts real dates only, as YYYY, YYYY-MM or YYYY-MM-DD', () => {
    expect(parseDateValue('2015-06-03')).toEqual({ 'date-parts': [[2015, 6, 3]] });
    expect(parseDateValue('2015-06')).toEqual({ 'date-parts': [[2015, 6]] });
    expect(parseDateValue('2015')).toEqual({ 'date-parts': [[2015]] });
    for (const bad of ['2015-02-30', '2015-13', '15-06-03', 'June 2015', '2015/06/03', ''])
      expect(parseDateValue(bad), bad).toBeNull();
  });

  it('accepts http(s) URLs only', () => {
    expect(fieldError('URL', 'https://theconversation.com/x')).toBeNull();
    expect(fieldError('URL', 'javascript:alert(1)')).toMatch(/http\(s\)/);
    expect(fieldError('URL', 'theconversation.com')).toMatch(/http\(s\)/);
  });

  it('parses --set FIELD=value, naming the valid fields or the expected value in one line', () => {
    expect(parseAssignment('URL=https://example.org/a?b=c')).toEqual([
      'URL',
      'https://example.org/a?b=c',
    ]);
    expect(parseAssignment('issued=2015-06-03')).toEqual(['issued', '2015-06-03']);
    expect(() => parseAssignment('year=2015')).toThrow(
      `unknown field "year" in --set (valid: ${EDITABLE_FIELDS.join(', ')})`,
    );
    expect(() => parseAssignment('issued=3 June 2015')).toThrow(
      'issued must be a real date as YYYY, YYYY-MM or YYYY-MM-DD, not "3 June 2015"',
    );
    expect(() => parseAssignment('URL')).toThrow('--set URL needs a value');
  });

  it('lays the override over the shipped record without changing it, marking what was edited', () => {
    const before = JSON.stringify(winstanleyChesters2015);
    const edited = applyRecordOverride(winstanleyChesters2015, {
      issued: '2015-06-03',
      URL: 'https://example.org/a',
      author: 'Winstanley-Chesters, Robert; Doe, Jane',
    });
    expect(edited.csl.issued).toEqual({ 'date-parts': [[2015, 6, 3]] });
    expect(edited.csl.URL).toBe('https://example.org/a');
    expect(edited.csl.author).toEqual([
      { family: 'Winstanley-Chesters', given: 'Robert' },
      { family: 'Doe', given: 'Jane' },
    ]);
    expect(edited.inferred).toEqual([]);
    expect(edited.edited).toEqual(['issued', 'URL', 'author']);
    expect(JSON.stringify(winstanleyChesters2015)).toBe(before);
    expect(applyRecordOverride(lankov2007, undefined)).toBe(lankov2007);
    expect(applyRecordOverride(lankov2007, {})).toBe(lankov2007);
  });

  it('validates stored overrides (unknown fields and bad values are refused)', () => {
    expect(
      RecordOverridesSchema.safeParse({ 'lankov-2007': { URL: 'https://a.org' } }).success,
    ).toBe(true);
    expect(RecordOverridesSchema.safeParse({ 'lankov-2007': { year: '2007' } }).success).toBe(
      false,
    );
    expect(RecordOverridesSchema.safeParse({ 'lankov-2007': { URL: 'ftp://a.org' } }).success).toBe(
      false,
    );
    expect(RecordOverridesSchema.safeParse({ 'lankov-2007': 'x' }).success).toBe(false);
  });

  it('turns a form into an override of the changed fields only', () => {
    const values = formValues(winstanleyChesters2015.csl);
    expect(values.issued).toBe('2015');
    expect(values.author).toBe('Winstanley-Chesters, Robert');
    expect(overrideFromForm(winstanleyChesters2015.csl, values)).toEqual({
      override: {},
      errors: {},
    });
    const { override, errors } = overrideFromForm(winstanleyChesters2015.csl, {
      ...values,
      URL: 'https://example.org/a',
      accessed: '2025-02-30',
    });
    expect(override).toEqual({ URL: 'https://example.org/a' });
    expect(errors.accessed).toMatch(/real date/);
  });

  it('checks pages, DOIs, editors and number-like fields', () => {
    for (const ok of ['45', '45-67', '45–67', 'e1012', 'S12–S20', 'xii–xv'])
      expect(fieldError('page', ok), ok).toBeNull();
    for (const bad of ['45 to 67', 'pp. 45', '45-67-89'])
      expect(fieldError('page', bad), bad).toMatch(/a page or a range/);
    expect(fieldError('DOI', '10.1080/14672715.2015.1012')).toBeNull();
    expect(fieldError('DOI', 'https://doi.org/10.1080/x')).toMatch(/without https:\/\/doi.org/);
    expect(fieldError('editor', 'Kim, Suk-Young; Lee')).toBeNull();
    expect(fieldError('editor', ', Suk-Young')).toMatch(/Family, Given/);
    expect(fieldError('volume', '12')).toBeNull();
    expect(fieldError('volume', '1'.repeat(101))).toMatch(/longer than 100/);
    const chapter = applyRecordOverride(lankov2007, {
      editor: 'Kim, Suk-Young',
      page: '45–67',
    });
    expect(chapter.csl.editor).toEqual([{ family: 'Kim', given: 'Suk-Young' }]);
    expect(chapter.csl.page).toBe('45–67');
    expect(formValues(chapter.csl).editor).toBe('Kim, Suk-Young');
  });
});

describe('record fields by kind of work', () => {
  it('asks a news article for its site, day and URL, and not for a volume or publisher', () => {
    const fields = recordFieldsFor('article-newspaper');
    expect(fields).toEqual([
      'author',
      'title',
      'title-short',
      'container-title',
      'issued',
      'URL',
      'accessed',
    ]);
    expect(recordFieldLabel('article-newspaper', 'container-title')).toBe('Newspaper or news site');
  });

  it('asks a journal article for volume, issue, pages and DOI; a chapter for its book and editors', () => {
    expect(recordFieldsFor('article-journal')).toEqual(
      expect.arrayContaining(['container-title', 'volume', 'issue', 'page', 'DOI']),
    );
    expect(recordFieldsFor('article-journal')).not.toContain('publisher');
    expect(recordFieldsFor('chapter')).toEqual(
      expect.arrayContaining(['editor', 'container-title', 'page', 'publisher']),
    );
    expect(recordFieldLabel('chapter', 'container-title')).toBe('Book title');
    expect(recordFieldsFor('book')).not.toContain('container-title');
    expect(recordFieldsFor('manuscript')).toEqual(
      expect.arrayContaining(['genre', 'publisher', 'issued']),
    );
  });

  it('still shows a field the record sets outside its kind, and every field for an unknown kind', () => {
    expect(recordFieldsFor('article-newspaper', ['publisher', 'title']).at(-1)).toBe('publisher');
    expect(recordFieldsFor('article-newspaper', ['title'])).toHaveLength(7);
    expect(recordFieldsFor('song')).toEqual([...EDITABLE_FIELDS]);
  });
});
