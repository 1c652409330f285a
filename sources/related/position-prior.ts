/**
 * The "where in the other text" signal of related passages (issue 17): both
 * built-in texts run roughly in chronological order, so a monotone
 * alignment of their paragraphs (`sources/align/`) says about where in one
 * text the counterpart of a paragraph of the other lies. For each paragraph
 * of either side, its expected position on the other side is the mean index
 * of the paragraphs aligned with it; a paragraph left unaligned (a gap row)
 * is placed by linear interpolation between the nearest aligned paragraphs
 * before and after it in its own text (or, with none on one side, by the
 * nearest one), and with no aligned pair at all by proportional position.
 * A candidate's score is minus its distance, in paragraphs, from the
 * expected position: a prior, to be fused with the text signals, never a
 * ranking on its own.
 *
 * Where the alignment comes from is the caller's choice, and decides what
 * the signal may be trusted with: in the reader and `diptych related` it is
 * anchored on the comparisons between the two texts (curated and the
 * reader's own); for a reader's own texts with no comparison it comes from
 * similarity alone; in `npm run bench -- related` it is anchored on the
 * tuning half's comparisons only, so no held-out pair leaks into it.
 *
 * What it is for: the `position` signal of `related.ts`. Not for: the
 * Aligned view (that shows the alignment itself).
 */
import type { Alignment } from '../align/align-editions.ts';

/** Expected positions (fractional paragraph indices on the other side), by paragraph address, for one pair of texts. */
export interface PositionPrior {
  /** Source ids of the two sides. */
  readonly a: string;
  readonly b: string;
  /** Address of a paragraph of either side → its expected index among the other side's paragraphs. */
  readonly expected: ReadonlyMap<string, number>;
}

/**
 * The expected positions an alignment gives. `paragraphsA` and
 * `paragraphsB` are the two sides' numbered paragraphs in reading order (the
 * alignment's rows name them by address). Pure.
 */
export function positionPrior(
  alignment: Alignment,
  paragraphsA: readonly string[],
  paragraphsB: readonly string[],
): PositionPrior {
  const ia = new Map(paragraphsA.map((p, i) => [p, i]));
  const ib = new Map(paragraphsB.map((p, j) => [p, j]));
  const toB = Array.from<number | undefined>({ length: paragraphsA.length });
  const toA = Array.from<number | undefined>({ length: paragraphsB.length });
  for (const row of alignment.rows) {
    if (row.a.length === 0 || row.b.length === 0) continue;
    const as = row.a.flatMap((x) => (ia.has(x) ? [ia.get(x)!] : []));
    const bs = row.b.flatMap((x) => (ib.has(x) ? [ib.get(x)!] : []));
    if (as.length === 0 || bs.length === 0) continue;
    const meanA = as.reduce((s, x) => s + x, 0) / as.length;
    const meanB = bs.reduce((s, x) => s + x, 0) / bs.length;
    for (const i of as) toB[i] = meanB;
    for (const j of bs) toA[j] = meanA;
  }
  const expected = new Map<string, number>();
  fill(toB, paragraphsB.length).forEach((e, i) => expected.set(paragraphsA[i]!, e));
  fill(toA, paragraphsA.length).forEach((e, j) => expected.set(paragraphsB[j]!, e));
  return { a: alignment.a, b: alignment.b, expected };
}

/** Fills the unaligned entries by interpolation (see the head comment); `other` is the other side's length. */
function fill(known: readonly (number | undefined)[], other: number): number[] {
  const n = known.length;
  const anchors = known.flatMap((v, i) => (v === undefined ? [] : [i]));
  if (anchors.length === 0)
    return known.map((_, i) => (n > 1 ? (i / (n - 1)) * Math.max(0, other - 1) : 0));
  return known.map((v, i) => {
    if (v !== undefined) return v;
    const before = anchors.filter((k) => k < i).at(-1);
    const after = anchors.find((k) => k > i);
    if (before === undefined) return known[after!]!;
    if (after === undefined) return known[before]!;
    const t = (i - before) / (after - before);
    return known[before]! + t * (known[after]! - known[before]!);
  });
}

/** The prior's score of candidate index `j` for the paragraph at `query`: minus the distance, or undefined when the prior does not know the query. */
export function positionScore(prior: PositionPrior, query: string, j: number): number | undefined {
  const e = prior.expected.get(query);
  return e === undefined ? undefined : -Math.abs(j - e);
}
