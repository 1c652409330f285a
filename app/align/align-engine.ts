/**
 * The Aligned view's alignment, loaded on demand (`use-aligned-view.ts`):
 * `sources/align/` over the two panes' editions, anchored on the
 * comparisons (curated and the reader's own) that link them. Kept out of
 * the initial bundle with the related-passage index it builds.
 *
 * Not for: scrolling. Also hands the hook the layout's pure functions
 * (`aligned-gaps.ts`) and the measuring of the panes (`measure-pane.ts`),
 * so that they load with the alignment, not before.
 */
import type { Annotation } from '../../annotations/model/annotation.ts';
import { alignmentAnchors } from '../../annotations/comparisons/alignment-anchors.ts';
import { alignEditions, type Alignment } from '../../sources/align/index.ts';
import type { Edition } from '../../sources/edition.ts';

/** The layout of the alignment's rows, loaded with it (it was most of the hook's weight in the initial bundle). */
export { alignedLayout, hiddenBlocks, sameLayout, unmatchedRuns } from './aligned-gaps.ts';
/** The measuring of the panes the layout starts from, loaded with it too. */
export { measurePane } from './measure-pane.ts';

/** The alignment of two editions' paragraphs, anchored on their comparisons. */
export function alignPanes(a: Edition, b: Edition, comparisons: readonly Annotation[]): Alignment {
  return alignEditions(a, b, { anchors: alignmentAnchors(comparisons, a.id, b.id) });
}
