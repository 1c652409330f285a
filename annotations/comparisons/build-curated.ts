/**
 * Builds the curated comparisons as internal `linking` annotations from their
 * authoring form (`curated.ts`) and the two editions: finds each quote, and
 * computes its three selectors with the same `describe` a reader's selection
 * goes through, so curated and user comparisons cannot differ in shape.
 *
 * What it is for: generating `curated-comparisons.json` (the test in
 * `tests/annotations/comparisons/` regenerates it with `UPDATE=1` and fails
 * when the committed file is stale) and checking that every quote occurs
 * exactly once. What it is not for: loading in the app, which reads the
 * generated file through the importer (`load-curated.ts`) and never needs
 * the editions' full text to do so.
 *
 * Fails loudly: a quote found nowhere or more than once is an editorial
 * error, and the message names the comparison, the side and the count.
 */
import type { Edition, SourceId } from '../../sources/edition.ts';
import { describe } from '../anchoring/describe.ts';
import { AnnotationSchema, type Annotation, type AnnotationId } from '../model/annotation.ts';
import type { Target } from '../model/selectors.ts';
import { CURATED_AT, CURATED_COMPARISONS, type CuratedComparison } from './curated.ts';

/** The left (first-target) source of every curated comparison. */
export const CURATED_LEFT = 'winstanley-chesters-2015' as SourceId;
/** The right (second-target) source. */
export const CURATED_RIGHT = 'lankov-2007' as SourceId;

/** The id prefix of curated comparisons; the key follows. */
export const CURATED_ID_PREFIX = 'urn:diptych:comparison:';

/** Every offset at which `quote` occurs in `text` (overlapping occurrences included). */
export function occurrences(text: string, quote: string): number[] {
  const found: number[] = [];
  if (quote === '') return found;
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) found.push(i);
  return found;
}

/** A quote that does not occur exactly once in its edition. */
export class CuratedQuoteError extends Error {
  constructor(
    /** The comparison's key. */
    readonly key: string,
    /** Which side: the source id. */
    readonly source: SourceId,
    /** How many times the quote occurs (0, or 2 and more). */
    readonly count: number,
  ) {
    super(
      count === 0
        ? `comparison "${key}": the ${source} quote occurs nowhere in the edition (copy it exactly, curly quotes and all)`
        : `comparison "${key}": the ${source} quote occurs ${count} times in the edition; lengthen it until it is unique`,
    );
    this.name = 'CuratedQuoteError';
  }
}

function target(edition: Edition, key: string, quote: string): Target {
  const found = occurrences(edition.text, quote);
  if (found.length !== 1) throw new CuratedQuoteError(key, edition.id, found.length);
  const start = found[0]!;
  const described = describe(edition, start, start + quote.length);
  if (
    !described?.quote ||
    !described.position ||
    !described.address ||
    described.quote.exact !== quote
  ) {
    throw new Error(
      `comparison "${key}": could not describe the ${edition.id} quote (it must not start or end with white space)`,
    );
  }
  return {
    source: edition.id,
    selectors: { quote: described.quote, position: described.position, address: described.address },
  };
}

/** One curated comparison as a validated `linking` annotation. */
export function buildCuratedComparison(
  comparison: CuratedComparison,
  left: Edition,
  right: Edition,
): Annotation {
  return AnnotationSchema.parse({
    id: `${CURATED_ID_PREFIX}${comparison.key}` as AnnotationId,
    created: CURATED_AT,
    modified: CURATED_AT,
    motivation: 'linking',
    tags: [],
    targets: [
      target(left, comparison.key, comparison.wc.quote),
      target(right, comparison.key, comparison.lankov.quote),
    ],
    link: {
      relation: comparison.relation,
      topic: comparison.topic,
      paraphrases: [comparison.wc.paraphrase, comparison.lankov.paraphrase],
      ...(comparison.note !== undefined ? { note: comparison.note } : {}),
      curated: true,
    },
  });
}

/**
 * All curated comparisons as annotations, in authoring order. `editions`
 * must hold the Winstanley-Chesters and Lankov editions (in any order).
 * Throws `CuratedQuoteError` on the first quote that is missing or repeated.
 */
export function buildCuratedComparisons(
  editions: readonly Edition[],
  comparisons: readonly CuratedComparison[] = CURATED_COMPARISONS,
): Annotation[] {
  const left = editions.find((e) => e.id === CURATED_LEFT);
  const right = editions.find((e) => e.id === CURATED_RIGHT);
  if (!left || !right)
    throw new Error(
      `buildCuratedComparisons needs the ${CURATED_LEFT} and ${CURATED_RIGHT} editions`,
    );
  const keys = new Set<string>();
  return comparisons.map((c) => {
    if (keys.has(c.key)) throw new Error(`comparison key "${c.key}" is used twice`);
    keys.add(c.key);
    return buildCuratedComparison(c, left, right);
  });
}
