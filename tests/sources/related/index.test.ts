import { expect, it } from 'vitest';
import * as related from '../../../sources/related/index.ts';

it('exposes the public surface of sources/related, and nothing else', () => {
  expect(Object.keys(related).sort()).toEqual(
    [
      'BM25_DEFAULTS',
      'CONCEPT_THRESHOLD',
      'FILLER_WORDS',
      'SIF_A',
      'isFiller',
      'sifEmbedding',
      'sifWeight',
      'DEFAULT_K',
      'ENCODER_FUSION',
      'FUSION_DEFAULTS',
      'WORD_VECTORS_PROVENANCE',
      'WordVectorsError',
      'decodeWordVectors',
      'semanticScore',
      'RelatedQueryError',
      'analyze',
      'buildBm25',
      'buildRelatedIndex',
      'related',
      'scoreBm25',
      'PASSAGE_EMBEDDINGS_PROVENANCE',
      'PassageEmbeddingsError',
      'decodePassageEmbeddings',
      'textHash',
      'warmUpRelated',
      'withAlignments',
      'CONTEXT_SIGNALS',
      'SIF_FUSION',
      'formatYears',
      'fuseSignals',
      'positionPrior',
      'positionScore',
      'relatedSignals',
      'temporalOverlap',
      'yearSpans',
    ].sort(),
  );
});
