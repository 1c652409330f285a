import { expect, it } from 'vitest';
import * as search from '../../../sources/search/index.ts';

it('exposes the public surface of sources/search, and nothing else', () => {
  expect(Object.keys(search).sort()).toEqual(
    [
      'ALIASES',
      'DEFAULT_LIMIT',
      'MAX_QUERY_LENGTH',
      'MAX_QUERY_TERMS',
      'MIN_PREFIX_LENGTH',
      'PHRASE_BOOST',
      'SNIPPET_CONTEXT',
      'buildSearchIndex',
      'canonicalTerm',
      'groupBySource',
      'normalize',
      'normalizeText',
      'parseQuery',
      'queryTerms',
      'search',
      'snippet',
      'tokenize',
    ].sort(),
  );
});
