/**
 * Aligns the numbered paragraphs of two editions in reading order (issue
 * 17): a similarity matrix from related-passage scores in both directions,
 * raised where a comparison (curated or the reader's own) links two
 * paragraphs, then the monotone dynamic programme of `align-monotone.ts`.
 *
 * Similarity of paragraph i of A and j of B: the mean of BM25(A_i → B_j)
 * divided by the best score A_i gets in B, and BM25(B_j → A_i) divided by
 * the best score B_j gets in A — so each lies in [0, 1] and a pair that is
 * each other's best match scores 1. An anchor (a comparison between the two
 * paragraphs, or sentences of them) adds `ANCHOR_BONUS`. Comparisons that
 * cross each other cannot all be kept by a monotone alignment; the
 * programme keeps the set worth most.
 *
 * Works on any two editions (no anchors needed). What it is for: the
 * Aligned view, its Sync and `diptych align`. Not for: finding which
 * passages make the same claim (the comparisons do that).
 */
import { NUMBERED_ROLES, type Address, type Edition, type SourceId } from '../edition.ts';
import { buildRelatedIndex, related } from '../related/index.ts';
import { alignMonotone, rowsOf } from './align-monotone.ts';

/** A pair of passages that a comparison links (sentence or paragraph addresses). */
export interface AlignmentAnchor {
  readonly a: string;
  readonly b: string;
}

/** One row of the aligned reading. */
export interface AlignedRow {
  /** Paragraphs of text A in this row (empty: a gap on A's side). */
  readonly a: readonly Address[];
  /** Paragraphs of text B in this row. */
  readonly b: readonly Address[];
  /** Mean similarity of the row's aligned pairs (absent for a gap row). */
  readonly score?: number;
  /** Whether a comparison links paragraphs of this row. */
  readonly anchored?: boolean;
}

/** A monotone alignment of two editions' paragraphs. */
export interface Alignment {
  readonly a: SourceId;
  readonly b: SourceId;
  readonly rows: readonly AlignedRow[];
}

/** Options for `alignEditions`. */
export interface AlignOptions {
  /** Comparisons to use as anchors (A side first). */
  readonly anchors?: readonly AlignmentAnchor[];
  /** A pair is aligned only when its similarity (plus bonus) exceeds this. */
  readonly threshold?: number;
}

/** Added to the similarity of an anchored pair: more than any unanchored pair can score. */
export const ANCHOR_BONUS = 1;
/**
 * Default threshold: a pair must be at least half as good as each side's
 * best match on average to be aligned without an anchor. Chosen by reading
 * the alignment of the two built-in texts, not tuned on the bench figure.
 */
export const DEFAULT_THRESHOLD = 0.5;

const paragraphOf = (address: string) => address.replace(/\.\d+$/, '');

/** The aligned rows of two editions. Pure. */
export function alignEditions(a: Edition, b: Edition, options: AlignOptions = {}): Alignment {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const pa = a.blocks.filter((x) => NUMBERED_ROLES.has(x.role));
  const pb = b.blocks.filter((x) => NUMBERED_ROLES.has(x.role));
  const index = buildRelatedIndex([a, b]);
  const ab = directed(index, pa, pb, b.id);
  const ba = directed(index, pb, pa, a.id);
  const score = pa.map((_, i) => pb.map((_, j) => (ab[i]![j]! + ba[j]![i]!) / 2));
  const ia = new Map(pa.map((p, i) => [p.address as string, i]));
  const ib = new Map(pb.map((p, j) => [p.address as string, j]));
  const anchored = new Set<string>();
  for (const anchor of options.anchors ?? []) {
    const i = ia.get(paragraphOf(anchor.a));
    const j = ib.get(paragraphOf(anchor.b));
    if (i === undefined || j === undefined) continue;
    if (!anchored.has(`${i},${j}`)) score[i]![j]! += ANCHOR_BONUS;
    anchored.add(`${i},${j}`);
  }
  const pairs = alignMonotone(score, pa.length, pb.length, threshold);
  const rows = rowsOf(pairs, pa.length, pb.length).map((r): AlignedRow => {
    const inRow = pairs.filter((p) => r.a.includes(p.a) && r.b.includes(p.b));
    const base = { a: r.a.map((i) => pa[i]!.address), b: r.b.map((j) => pb[j]!.address) };
    if (inRow.length === 0) return base;
    const sims = inRow.map((p) =>
      Math.min(1, score[p.a]![p.b]! - (anchored.has(`${p.a},${p.b}`) ? ANCHOR_BONUS : 0)),
    );
    return {
      ...base,
      score: Math.round((sims.reduce((x, y) => x + y, 0) / sims.length) * 1000) / 1000,
      ...(inRow.some((p) => anchored.has(`${p.a},${p.b}`)) ? { anchored: true } : {}),
    };
  });
  return { a: a.id, b: b.id, rows };
}

/** BM25 of each `from` paragraph against every `to` paragraph, divided by the row's best. */
function directed(
  index: ReturnType<typeof buildRelatedIndex>,
  from: readonly { address: Address }[],
  to: readonly { address: Address }[],
  within: SourceId,
): number[][] {
  const position = new Map(to.map((p, j) => [p.address as string, j]));
  return from.map((p) => {
    const row = new Array<number>(to.length).fill(0);
    const hits = related(index, p.address, { k: Infinity, within });
    const best = hits[0]?.score ?? 0;
    if (best <= 0) return row;
    for (const h of hits) {
      const j = position.get(h.address);
      if (j !== undefined) row[j] = h.score / best;
    }
    return row;
  });
}

/** Row index of each paragraph address, for Sync and the bench. */
export function rowIndex(alignment: Alignment): Map<string, number> {
  const out = new Map<string, number>();
  alignment.rows.forEach((r, k) => {
    for (const x of [...r.a, ...r.b]) out.set(x, k);
  });
  return out;
}
