import { describe, expect, it } from 'vitest';
import {
  MAX_VARIANTS,
  compoundVariants,
  type Vocabulary,
} from '../../../sources/search/compound-variants.ts';
import { parseQuery } from '../../../sources/search/parse-query.ts';

const vocabulary: Vocabulary = {
  terms: new Set([
    'pipeline',
    'pipe',
    'line',
    'gas',
    'cooperation',
    'co',
    'operation',
    'kim',
    'il',
    'sung',
  ]),
  pairs: new Set(['pipe line', 'gas pipeline', 'il sung', 'kim il']),
};
const shapes = (q: string) =>
  compoundVariants(parseQuery(q), vocabulary).map((v) =>
    v.clauses.map((c) => (c.phrase ? `"${c.terms.join(' ')}"` : c.terms.join(' '))).join(' + '),
  );

describe('compoundVariants', () => {
  it('keeps the query as typed first', () => {
    expect(shapes('gas')).toEqual(['gas']);
  });

  it('splits a word into a pair the texts use, as an adjacent phrase', () => {
    expect(shapes('pipeline')).toEqual(['pipeline', '"pipe line"']);
    expect(shapes('gas pipeline')).toEqual(['gas pipeline', 'gas + "pipe line"']);
    expect(shapes('"gas pipeline"')).toEqual(['"gas pipeline"', '"gas pipe line"']);
  });

  it('joins two words into a word the texts use', () => {
    expect(shapes('pipe line')).toEqual(['pipe line', 'pipeline']);
    expect(shapes('co-operation')).toEqual(['co operation', 'cooperation']);
    expect(shapes('"pipe line"')).toEqual(['"pipe line"', '"pipeline"']);
  });

  it('splits in two parts only, each of at least two letters', () => {
    expect(shapes('ilsung')).toEqual(['ilsung', '"il sung"']);
    expect(shapes('kimilsung')).toEqual(['kimilsung']);
  });

  describe('when it fails', () => {
    it('tries nothing for spellings the texts do not use', () => {
      expect(shapes('nowhere')).toEqual(['nowhere']);
      expect(shapes('')).toEqual(['']);
    });

    it('stops at MAX_VARIANTS', () => {
      const many = Array.from({ length: 20 }, () => 'pipeline').join(' ');
      expect(compoundVariants(parseQuery(many), vocabulary)).toHaveLength(MAX_VARIANTS);
    });
  });
});
