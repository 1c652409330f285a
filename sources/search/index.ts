/**
 * Search over editions: normalization, the alias table of name spellings,
 * the index and the query. Re-exports the public surface and nothing else.
 */
export { ALIASES, canonicalTerm, type AliasEntry } from './aliases.ts';
export {
  buildSearchIndex,
  type HitKind,
  type SearchDocument,
  type SearchIndex,
  type SearchIndexOptions,
} from './build-search-index.ts';
export { normalize, normalizeText, type NormalizedText } from './normalize.ts';
export {
  MAX_QUERY_LENGTH,
  MAX_QUERY_TERMS,
  MIN_PREFIX_LENGTH,
  parseQuery,
  queryTerms,
  type ParsedQuery,
  type QueryClause,
} from './parse-query.ts';
export {
  DEFAULT_LIMIT,
  PHRASE_BOOST,
  groupBySource,
  search,
  type SearchGroup,
  type SearchHit,
  type SearchOptions,
  type TextRange,
} from './search.ts';
export { SNIPPET_CONTEXT, snippet, type Snippet } from './snippet.ts';
export { tokenize, type Token } from './tokenize.ts';
