/**
 * The sidebar's list, as pure functions: which annotations concern the
 * visible sources, where each lands (through `anchor`, passed in), in text
 * order, which could not be placed, and filtering by tag, colour or text.
 *
 * What it is for: decisions the views show, testable in Node
 * (tests/app/annotations/anchored-list.test.ts). What it is not for:
 * matching (the `anchor` it is given does that) or the DOM.
 *
 * Linking annotations (claim comparisons, two targets) are not anchored
 * here: this list holds highlights, notes and tags, the ones painted in the
 * text; the sidebar lists the reader's comparisons from `comparison-list.ts`.
 */
import type { AnchorResult } from '../../annotations/anchoring/anchor.ts';
import type { AnchorSelectors } from '../../annotations/anchoring/types.ts';
import type { Annotation, Color } from '../../annotations/model/annotation.ts';
import type { Edition } from '../../sources/edition.ts';

/** An annotation placed in a visible edition. */
export interface PlacedAnnotation {
  readonly annotation: Annotation;
  readonly edition: Edition;
  /** Where it lands in `edition.text`. */
  readonly start: number;
  readonly end: number;
}

/** An annotation on a visible source that anchoring could not place. */
export interface UnplacedAnnotation {
  readonly annotation: Annotation;
  readonly edition: Edition;
  /** Why, in plain words (from `anchor`). */
  readonly reason: string;
}

/** The list for the visible sources. */
export interface AnchoredList {
  /** By edition (in the order given), then by start, then by end. */
  readonly placed: readonly PlacedAnnotation[];
  /** In the store's order. */
  readonly unplaced: readonly UnplacedAnnotation[];
}

/** Anchors one annotation target in an edition. */
export type AnchorFn = (edition: Edition, selectors: AnchorSelectors) => AnchorResult;

/**
 * Anchoring results by annotation object, then by edition object (both immutable: an edit makes
 * a new annotation, a new version of a reader's text a new edition under the same id, which
 * must be anchored afresh — keyed by id, its highlights kept the old version's offsets).
 */
export type AnchorCache = WeakMap<Annotation, WeakMap<Edition, AnchorResult>>;

/** The edition among `editions` an annotation is listed in, or `undefined` (linking annotations and other sources are not listed). */
function listedIn(
  annotation: Annotation,
  editions: readonly Edition[],
  order: ReadonlyMap<string, number>,
): Edition | undefined {
  if (annotation.motivation === 'linking' || annotation.targets.length !== 1) return undefined;
  const index = order.get(annotation.targets[0]!.source);
  return index === undefined ? undefined : editions[index];
}

/** Whether `annotation` has been anchored in `edition` into `cache`. */
function isCached(annotation: Annotation, edition: Edition, cache: AnchorCache): boolean {
  return cache.get(annotation)?.has(edition) ?? false;
}

/** The anchoring of an annotation's target in an edition, from `cache` or computed into it. */
function anchorCached(
  annotation: Annotation,
  edition: Edition,
  anchorFn: AnchorFn,
  cache: AnchorCache,
): AnchorResult {
  let byEdition = cache.get(annotation);
  if (!byEdition) cache.set(annotation, (byEdition = new WeakMap()));
  let result = byEdition.get(edition);
  if (!result) {
    result = anchorFn(edition, annotation.targets[0]!.selectors);
    byEdition.set(edition, result);
  }
  return result;
}

/**
 * How many of `annotations` `anchorAnnotations` would have to anchor (not in
 * `cache` yet). Cheap: one lookup each.
 */
export function countUnanchored(
  annotations: readonly Annotation[],
  editions: readonly Edition[],
  cache: AnchorCache,
): number {
  const order = new Map(editions.map((e, i) => [e.id as string, i]));
  let n = 0;
  for (const annotation of annotations) {
    const edition = listedIn(annotation, editions, order);
    if (edition && !isCached(annotation, edition, cache)) n++;
  }
  return n;
}

/**
 * Anchors into `cache` the annotations from index `from` on that are not
 * there yet, until `more()` says to stop (checked after each one); returns
 * the index to resume from (`annotations.length` when done). Lets a caller
 * spread 10,000 anchorings over short tasks, after which `anchorAnnotations`
 * only reads the cache.
 */
export function anchorSome(
  annotations: readonly Annotation[],
  editions: readonly Edition[],
  anchorFn: AnchorFn,
  cache: AnchorCache,
  from: number,
  more: () => boolean,
): number {
  const order = new Map(editions.map((e, i) => [e.id as string, i]));
  let i = from;
  while (i < annotations.length) {
    const annotation = annotations[i++]!;
    const edition = listedIn(annotation, editions, order);
    if (!edition || isCached(annotation, edition, cache)) continue;
    anchorCached(annotation, edition, anchorFn, cache);
    if (!more()) break;
  }
  return i;
}

/**
 * Anchors the annotations that target one of `editions`. Results are
 * memoized per annotation object and edition in `cache` (annotations are
 * immutable: an edit makes a new object), so re-rendering after one change
 * anchors only what changed. With `onlyCached`, annotations not in `cache`
 * are left out of both lists instead of anchored (the list so far, while
 * `anchorSome` fills the cache).
 */
export function anchorAnnotations(
  annotations: readonly Annotation[],
  editions: readonly Edition[],
  anchorFn: AnchorFn,
  cache: AnchorCache = new WeakMap(),
  onlyCached = false,
): AnchoredList {
  const order = new Map(editions.map((e, i) => [e.id as string, i]));
  // The placed annotations of each edition, by its place in `order`: sorted one list at a time
  // and joined in that order, they are in the order of one stable sort by edition, start and end,
  // without a map lookup in each of the 10,000 annotations' comparisons (issue 15).
  const placedIn: PlacedAnnotation[][] = editions.map(() => []);
  const unplaced: UnplacedAnnotation[] = [];
  for (const annotation of annotations) {
    const edition = listedIn(annotation, editions, order);
    if (!edition || (onlyCached && !isCached(annotation, edition, cache))) continue;
    const result = anchorCached(annotation, edition, anchorFn, cache);
    if (result.placed)
      placedIn[order.get(edition.id)!]!.push({
        annotation,
        edition,
        start: result.start,
        end: result.end,
      });
    else unplaced.push({ annotation, edition, reason: result.reason });
  }
  const placed = placedIn.flatMap((list) =>
    list.sort((a, b) => a.start - b.start || a.end - b.end),
  );
  return { placed, unplaced };
}

/** What the reader filters by; empty fields do not filter. */
export interface AnnotationFilter {
  /** Words that must all occur (case-insensitively) in the quote, note, tags or address. */
  readonly text: string;
  /** A tag the annotation must carry exactly, or `''`. */
  readonly tag: string;
  /** A colour, or `''` for any. */
  readonly color: Color | '';
}

/** No filtering. */
export const NO_FILTER: AnnotationFilter = { text: '', tag: '', color: '' };

/** The text an annotation is searched by. */
function haystack(a: Annotation): string {
  const t = a.targets[0];
  return [t?.selectors.quote.exact ?? '', a.note ?? '', ...a.tags, t?.selectors.address ?? '']
    .join('\n')
    .toLowerCase();
}

/** Whether an annotation passes the filter. An annotation without a colour counts as the default colour. */
export function matchesFilter(
  a: Annotation,
  filter: AnnotationFilter,
  defaultColor: Color,
): boolean {
  if (filter.color !== '' && (a.color ?? defaultColor) !== filter.color) return false;
  if (filter.tag !== '' && !a.tags.includes(filter.tag)) return false;
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = haystack(a);
  return words.every((w) => text.includes(w));
}

/** Every tag in use, sorted (for the tag filter). */
export function allTags(annotations: readonly { readonly annotation: Annotation }[]): string[] {
  const tags = new Set<string>();
  for (const { annotation } of annotations) for (const t of annotation.tags) tags.add(t);
  return [...tags].sort((a, b) => a.localeCompare(b));
}

/**
 * Tags from what the reader typed: split on commas, trimmed, blanks and
 * repeats dropped, first spelling kept. The store's schema still checks the
 * result (length, count).
 */
export function parseTags(input: string): string[] {
  const out: string[] = [];
  for (const raw of input.split(/[,\n]/)) {
    const tag = raw.trim();
    if (tag !== '' && !out.includes(tag)) out.push(tag);
  }
  return out;
}
