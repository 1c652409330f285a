/**
 * Related-passage retrieval ("Related in the other text"). Re-exports the
 * public surface and nothing else.
 */
export { analyze, type AnalyzedTerm } from './analyze.ts';
export {
  BM25_DEFAULTS,
  buildBm25,
  scoreBm25,
  type Bm25Index,
  type Bm25Params,
  type Bm25Score,
} from './bm25.ts';
export {
  DEFAULT_K,
  RelatedQueryError,
  buildRelatedIndex,
  related,
  type RelatedErrorCode,
  type RelatedIndex,
  type RelatedOptions,
  type RelatedPassage,
  type RelatedQuery,
} from './related.ts';
