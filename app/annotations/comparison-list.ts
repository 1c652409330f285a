/**
 * The reader's own comparisons (linking annotations: two targets, a
 * relation, a topic) as the Annotations sidebar lists them, as pure
 * functions: which concern the visible texts (`comparison-count.ts`, which
 * the header's count shares), in what order, and which pass the sidebar's
 * filters.
 *
 * What it is for: the sidebar, testable in Node
 * (tests/app/annotations/comparison-list.test.ts). What it is not for:
 * placing comparisons in the text (app/compare/place-comparisons.ts) or the
 * curated ones, which are not the reader's and are not in the store.
 *
 * Not anchored: a comparison's card names its two ends by their stored
 * addresses, and Show in the text goes to an address, so listing 10,000 of
 * them costs no anchoring. The price: an end whose text was edited away is
 * still listed at its old address rather than under Unplaced.
 */
import type { Annotation } from '../../annotations/model/annotation.ts';
import type { Edition } from '../../sources/edition.ts';
import type { AnnotationFilter } from './anchored-list.ts';
import { isComparisonOn } from './comparison-count.ts';

/**
 * The linking annotations with an end in one of `editions`, ordered by the
 * first such end: by edition (in the order given), then by where that end
 * starts in it.
 */
export function comparisonsOn(
  annotations: readonly Annotation[],
  editions: readonly Edition[],
): Annotation[] {
  const order = new Map(editions.map((e, i) => [e.id as string, i]));
  const sources = new Set(order.keys());
  const keyed: { annotation: Annotation; edition: number; start: number }[] = [];
  for (const annotation of annotations) {
    if (!isComparisonOn(annotation, sources)) continue;
    let best: { edition: number; start: number } | null = null;
    for (const t of annotation.targets) {
      const edition = order.get(t.source);
      if (edition === undefined) continue;
      const start = t.selectors.position.start;
      if (!best || edition < best.edition || (edition === best.edition && start < best.start))
        best = { edition, start };
    }
    if (best) keyed.push({ annotation, ...best });
  }
  keyed.sort((a, b) => a.edition - b.edition || a.start - b.start);
  return keyed.map((k) => k.annotation);
}

/** The text a comparison is searched by: both quotes and addresses, the relation, topic, paraphrases, note and tags. */
function haystack(a: Annotation): string {
  return [
    ...a.targets.flatMap((t) => [t.selectors.quote.exact, t.selectors.address]),
    a.link?.relation ?? '',
    a.link?.topic ?? '',
    ...(a.link?.paraphrases ?? []).map((p) => p ?? ''),
    a.link?.note ?? '',
    a.note ?? '',
    ...a.tags,
  ]
    .join('\n')
    .toLowerCase();
}

/**
 * Whether a comparison passes the sidebar's filter. A comparison has no
 * colour, so a colour filter leaves it out (counting it as the default
 * colour, as a highlight without one is, would list it under "Yellow").
 */
export function comparisonMatchesFilter(a: Annotation, filter: AnnotationFilter): boolean {
  if (filter.color !== '') return false;
  if (filter.tag !== '' && !a.tags.includes(filter.tag)) return false;
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = haystack(a);
  return words.every((w) => text.includes(w));
}
