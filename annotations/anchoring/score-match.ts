/**
 * Scores a candidate place for a quote: how much the text there, and the text
 * on either side, resembles what was stored, and how near it is to where the
 * annotation used to be. Shared by `quote-exact.ts` (to choose between
 * repeated occurrences) and `quote-fuzzy.ts` (to rank and accept approximate
 * ones), so both steps weigh evidence the same way.
 *
 * What it is for: a number between 0 and 1 per candidate. What it is not for:
 * finding candidates (the steps do) or deciding acceptance (each step names
 * its own threshold).
 *
 * Follows `scoreMatch` in Hypothesis's `src/annotator/anchoring/match-quote.ts`,
 * with the weights pulled out and named.
 */
import approxSearch from 'approx-string-match';
import type { AnchorSelectors, Hint } from './types.ts';

/**
 * How much each kind of evidence counts. The quote dominates: a place whose
 * text is the quote is right far more often than a place that merely sits in
 * the right context. Prefix and suffix share the rest equally, which is what
 * lets them disambiguate repeated quotes ("Russia", "the regime"). Position
 * is only a tie-breaker: edits move text, so nearness proves little; but
 * between two equally good candidates, the one nearer the old offset is the
 * better bet. Hypothesis uses the same 50/20/20/2.
 */
export const MATCH_WEIGHTS = Object.freeze({ quote: 50, prefix: 20, suffix: 20, position: 2 });

/** A candidate place and how many edits separate its text from the quote. */
export interface Candidate {
  /** Start offset in the text. */
  readonly start: number;
  /** End offset (exclusive). */
  readonly end: number;
  /** Edit distance between `text.slice(start, end)` and the quote (0 for an exact occurrence). */
  readonly errors: number;
}

/** The parts of a candidate's score, each in 0..1, and their weighted sum. */
export interface ScoredCandidate extends Candidate {
  /** Similarity of the text at the candidate to the quote. */
  readonly quoteScore: number;
  /** Similarity of the text before the candidate to the stored prefix (1 when no prefix was stored). */
  readonly prefixScore: number;
  /** Similarity of the text after the candidate to the stored suffix (1 when no suffix was stored). */
  readonly suffixScore: number;
  /** Nearness to the expected offset (1 when no expectation). */
  readonly positionScore: number;
  /** Weighted mean of the parts, 0..1. */
  readonly score: number;
}

/**
 * Similarity in 0..1 between `pattern` and its best approximate occurrence in
 * `text` (1 - edits / pattern length). 0 when either is empty.
 */
export function similarity(text: string, pattern: string): number {
  if (pattern.length === 0 || text.length === 0) return 0;
  if (text.includes(pattern)) return 1;
  const best = approxSearch(text, pattern, pattern.length)[0];
  return best ? Math.max(0, 1 - best.errors / pattern.length) : 0;
}

/** Distance from `offset` to the hint: 0 at the hinted offset or anywhere inside a hinted span. */
export function hintDistance(offset: number, hint: Hint): number {
  const [from, to] = typeof hint === 'number' ? [hint, hint] : [hint.start, hint.end];
  return offset < from ? from - offset : offset > to ? offset - to : 0;
}

/**
 * Scores one candidate. `hint` is where the quote was expected, if known.
 */
export function scoreMatch(
  text: string,
  candidate: Candidate,
  selectors: AnchorSelectors,
  hint: Hint | undefined,
): ScoredCandidate {
  const quote = selectors.quote?.exact ?? '';
  const prefix = selectors.quote?.prefix ?? '';
  const suffix = selectors.quote?.suffix ?? '';
  const quoteScore = quote.length ? Math.max(0, 1 - candidate.errors / quote.length) : 0;
  const prefixScore = prefix
    ? similarity(text.slice(Math.max(0, candidate.start - prefix.length), candidate.start), prefix)
    : 1;
  const suffixScore = suffix
    ? similarity(text.slice(candidate.end, candidate.end + suffix.length), suffix)
    : 1;
  const positionScore =
    hint === undefined || text.length === 0
      ? 1
      : Math.max(0, 1 - hintDistance(candidate.start, hint) / text.length);
  const w = MATCH_WEIGHTS;
  const score =
    (w.quote * quoteScore +
      w.prefix * prefixScore +
      w.suffix * suffixScore +
      w.position * positionScore) /
    (w.quote + w.prefix + w.suffix + w.position);
  return { ...candidate, quoteScore, prefixScore, suffixScore, positionScore, score };
}

/** The context part of a scored candidate alone (prefix and suffix), 0..1. */
export function contextScore(c: ScoredCandidate): number {
  const w = MATCH_WEIGHTS;
  return (w.prefix * c.prefixScore + w.suffix * c.suffixScore) / (w.prefix + w.suffix);
}

/** Orders scored candidates best first; ties go to the earlier offset so the result is deterministic. */
export function byScore(a: ScoredCandidate, b: ScoredCandidate): number {
  return b.score - a.score || a.start - b.start || a.end - b.end;
}
