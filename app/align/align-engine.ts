/**
 * The Aligned view's alignment, loaded on demand (`use-aligned-view.ts`):
 * `sources/align/` over the two panes' editions, anchored on the
 * comparisons (curated and the reader's own) that link them. Kept out of
 * the initial bundle with the related-passage index it builds.
 *
 * Not for: the layout (`aligned-gaps.ts`) or scrolling.
 */
import type { Annotation } from '../../annotations/model/annotation.ts';
import { alignEditions, type Alignment, type AlignmentAnchor } from '../../sources/align/index.ts';
import type { Edition } from '../../sources/edition.ts';

/** The anchors the comparisons give between `a` and `b` (A's side first). */
export function anchorsOf(
  comparisons: readonly Annotation[],
  a: Edition,
  b: Edition,
): AlignmentAnchor[] {
  return comparisons.flatMap((c) => {
    if (c.motivation !== 'linking') return [];
    const x = c.targets.find((t) => t.source === a.id)?.selectors.address;
    const y = c.targets.find((t) => t.source === b.id)?.selectors.address;
    return x && y ? [{ a: x as string, b: y as string }] : [];
  });
}

/** The alignment of two editions' paragraphs, anchored on their comparisons. */
export function alignPanes(a: Edition, b: Edition, comparisons: readonly Annotation[]): Alignment {
  return alignEditions(a, b, { anchors: anchorsOf(comparisons, a, b) });
}
