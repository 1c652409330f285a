/**
 * "Related in the other text", loaded on demand (`load-compare.ts`): builds
 * the BM25 index of `sources/related/` once per set of editions and answers
 * queries for a paragraph or a selection.
 *
 * What it is for: keeping the retrieval model (stemmer, alias table, index)
 * out of the initial bundle. What it is not for: ranking (that is
 * `sources/related/related.ts`) or rendering (`related-panel.tsx`).
 */
import type { Edition, SourceId } from '../../sources/edition.ts';
import {
  buildRelatedIndex,
  related,
  type RelatedIndex,
  type RelatedPassage,
} from '../../sources/related/index.ts';

/** What to relate: a passage address, or a selection's text in a source. */
export type RelatedQueryInput = string | { readonly source: SourceId; readonly text: string };

const indexes = new WeakMap<readonly Edition[], RelatedIndex>();

/**
 * The `k` passages of `within` (the other pane's source) most related to
 * `query`, best first. Throws `RelatedQueryError` (with a sentence for the
 * reader) if the query names no passage.
 */
export function relatedIn(
  editions: readonly Edition[],
  query: RelatedQueryInput,
  within: SourceId,
  k = 5,
): RelatedPassage[] {
  let index = indexes.get(editions);
  if (!index) {
    index = buildRelatedIndex(editions);
    indexes.set(editions, index);
  }
  return related(index, query, { k, within });
}

export type { RelatedPassage };
