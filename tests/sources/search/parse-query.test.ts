import { describe, expect, it } from 'vitest';
import {
  MAX_QUERY_LENGTH,
  MAX_QUERY_TERMS,
  MIN_PREFIX_LENGTH,
  parseQuery,
  queryTerms,
} from '../../../sources/search/parse-query.ts';

describe('parseQuery', () => {
  it('reads unquoted words as one loose clause, the last word as a prefix', () => {
    expect(parseQuery('Kim Il-sung')).toEqual({
      clauses: [{ terms: ['kim', 'il', 'sung'], phrase: false }],
      prefixLast: true,
      truncated: false,
    });
  });

  it('reads straight and curly double quotes as a phrase, with no prefix once closed', () => {
    for (const q of ['"Kim Il Sung"', '“Kim Il Sung”', '„Kim Il Sung“', '«Kim Il Sung»']) {
      expect(parseQuery(q)).toEqual({
        clauses: [{ terms: ['kim', 'il', 'sung'], phrase: true }],
        prefixLast: false,
        truncated: false,
      });
    }
  });

  it('mixes phrases and words in the order typed', () => {
    expect(parseQuery('Moscow "common house" visit').clauses).toEqual([
      { terms: ['moscow'], phrase: false },
      { terms: ['common', 'house'], phrase: true },
      { terms: ['visit'], phrase: false },
    ]);
  });

  it('gives a prefix only to a last word of MIN_PREFIX_LENGTH or more letters', () => {
    expect(parseQuery('x'.repeat(MIN_PREFIX_LENGTH)).prefixLast).toBe(true);
    expect(parseQuery('x'.repeat(MIN_PREFIX_LENGTH - 1)).prefixLast).toBe(false);
    expect(parseQuery('"Kim Il Sung').prefixLast).toBe(true);
  });

  describe('when it fails', () => {
    it('returns no clauses for empty input, white space, punctuation or empty quotes', () => {
      for (const q of ['', '   ', '?!', '""', '“ ”', '—', '\u00A0']) {
        expect(parseQuery(q)).toEqual({ clauses: [], prefixLast: false, truncated: false });
      }
    });

    it('cuts an overlong query at MAX_QUERY_LENGTH characters and MAX_QUERY_TERMS terms, and says so', () => {
      const long = parseQuery('word '.repeat(5000));
      expect(long.truncated).toBe(true);
      expect(queryTerms(long)).toHaveLength(MAX_QUERY_TERMS);
      const oneWord = parseQuery('x'.repeat(MAX_QUERY_LENGTH + 5));
      expect(oneWord.truncated).toBe(true);
      expect(queryTerms(oneWord)).toEqual(['x'.repeat(MAX_QUERY_LENGTH)]);
      expect(parseQuery('word '.repeat(MAX_QUERY_TERMS)).truncated).toBe(false);
    });
  });
});
