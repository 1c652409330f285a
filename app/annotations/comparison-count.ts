/**
 * Which of the store's annotations are the reader's own comparisons listed
 * with the visible texts' annotations, and how many: the header's
 * **Annotations (n)** counts them from the first paint, before the sidebar
 * (and `comparison-list.ts`, which orders and filters them) has loaded.
 *
 * Kept apart from `comparison-list.ts` so that the initial bundle carries
 * only this predicate and the count, not the ordering and filtering.
 */
import type { Annotation } from '../../annotations/model/annotation.ts';

/** Whether `a` is a comparison (linking, two targets) with an end in one of the `sources`. */
export function isComparisonOn(a: Annotation, sources: ReadonlySet<string>): boolean {
  return (
    a.motivation === 'linking' &&
    a.targets.length === 2 &&
    a.targets.some((t) => sources.has(t.source))
  );
}

/** How many of `annotations` are comparisons with an end in one of `sources`. */
export function countComparisonsOn(
  annotations: readonly Annotation[],
  sources: ReadonlySet<string>,
): number {
  let n = 0;
  for (const a of annotations) if (isComparisonOn(a, sources)) n++;
  return n;
}
