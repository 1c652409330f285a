/**
 * Related-passage retrieval ("Related in the other text"). Re-exports the
 * public surface and nothing else.
 */
export { analyze, type AnalyzedTerm } from './analyze.ts';
export { FILLER_WORDS, isFiller, isGeneralWord } from './filler-words.ts';
export { SIF_A, sifEmbedding, sifWeight } from './sif.ts';
export { positionPrior, positionScore, type PositionPrior } from './position-prior.ts';
export {
  formatYears,
  temporalOverlap,
  yearSpans,
  type TemporalOverlap,
  type YearSpan,
} from './temporal-overlap.ts';
export {
  BM25_DEFAULTS,
  buildBm25,
  scoreBm25,
  type Bm25Index,
  type Bm25Params,
  type Bm25Score,
} from './bm25.ts';
export {
  semanticScore,
  type ConceptMatch,
  type SemanticParams,
  type SemanticScore,
  type StemWords,
} from './semantic.ts';
export {
  WORD_VECTORS_PROVENANCE,
  WordVectorsError,
  decodeWordVectors,
  type WordVectors,
  type WordVectorsFile,
} from './vectors/word-vectors.ts';
export {
  PASSAGE_EMBEDDINGS_PROVENANCE,
  PassageEmbeddingsError,
  decodePassageEmbeddings,
  textHash,
  type PassageEmbeddings,
  type PassageEmbeddingsFile,
} from './vectors/passage-embeddings.ts';
export {
  CONCEPT_THRESHOLD,
  CONTEXT_SIGNALS,
  DEFAULT_K,
  ENCODER_FUSION,
  FUSION_DEFAULTS,
  SIF_FUSION,
  RelatedQueryError,
  buildRelatedIndex,
  fuseSignals,
  related,
  relatedSignals,
  warmUpRelated,
  withAlignments,
  type RelatedErrorCode,
  type FusionParams,
  type RelatedIndex,
  type RelatedIndexOptions,
  type RelatedOptions,
  type RelatedPassage,
  type RelatedQuery,
  type SemanticSignal,
  type SignalTable,
} from './related.ts';
