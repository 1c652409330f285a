/**
 * The anchors comparisons give an alignment of two texts (`sources/align/`):
 * for each linking annotation with a target in each of the two sources, the
 * pair of its passage addresses, source `a`'s first.
 *
 * What it is for: the Aligned view, `diptych align`, and the position prior
 * of related passages (`sources/related/position-prior.ts`), which all
 * anchor on the same comparisons. Not for: showing comparisons
 * (`comparison-rows.ts`).
 */
import type { AlignmentAnchor } from '../../sources/align/align-editions.ts';
import type { Annotation } from '../model/annotation.ts';

/** The address pairs of the comparisons linking source `a` and source `b` (curated or the reader's own). Pure. */
export function alignmentAnchors(
  comparisons: readonly Annotation[],
  a: string,
  b: string,
): AlignmentAnchor[] {
  return comparisons.flatMap((c) => {
    if (c.motivation !== 'linking') return [];
    const x = c.targets.find((t) => t.source === a)?.selectors.address;
    const y = c.targets.find((t) => t.source === b)?.selectors.address;
    return x && y ? [{ a: x as string, b: y as string }] : [];
  });
}
