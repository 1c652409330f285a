/**
 * Anchoring step 3: approximate matching with `approx-string-match` (Myers'
 * bit-parallel edit-distance search, the library Hypothesis uses), scored by
 * quote, prefix, suffix and nearness to the stored position, and accepted only
 * above a named threshold.
 *
 * What it is for: quotes that were edited (a typo fixed inside them, a
 * paragraph break removed) and short quotes whose exact occurrences all sit in
 * the wrong context. What it is not for: anything steps 1 and 2 can place;
 * it costs a search over the whole text.
 *
 * Departs from Hypothesis's `matchQuote` (`src/annotator/anchoring/match-quote.ts`)
 * in two ways, both for precision:
 * - Hypothesis returns its best candidate whatever its score; we return
 *   `null` below `FUZZY_ACCEPT_THRESHOLD`, so an annotation whose passage was
 *   deleted is reported unplaced instead of being pinned to some other text;
 *   and a short quote must also show context (`contextNeeded`).
 * - `approx-string-match` returns only the lowest-cost matches in the text it
 *   is given. If the quote still occurs exactly somewhere else, a whole-text
 *   search never sees the edited original. So we also search a window around
 *   the stored position, where the original most likely still is.
 */
import approxSearch from 'approx-string-match';
import { EXACT_CONTEXT_THRESHOLD, UNIQUE_QUOTE_MIN_LENGTH } from './quote-exact.ts';
import { byScore, contextScore, scoreMatch, type Candidate } from './score-match.ts';
import type { AnchorSelectors, Hint, TextMatch } from './types.ts';

/**
 * The lowest score (0..1, see `MATCH_WEIGHTS` in `score-match.ts`) at which an
 * approximate match is accepted. The trade-off is recall (placing annotations
 * whose text changed) against precision (not placing them on the wrong text).
 * 0.75 accepts a quote with up to about a fifth of its characters edited in
 * an intact context, or an intact quote with one side of its context
 * rewritten; it rejects a half-matching quote even in a perfect context,
 * which is what a deleted passage looks like. The baselines in
 * `tests/annotations/anchoring/reanchor.test.ts` measure both sides.
 */
export const FUZZY_ACCEPT_THRESHOLD = 0.75;

/**
 * The error budget of the initial search, as in Hypothesis: at most half the
 * quote, and never above 256. A larger budget finds more heavily edited
 * quotes (recall) but admits more junk candidates (precision), and the
 * search costs O((maxErrors / 32) * text length).
 */
export function maxErrorsFor(quote: string): number {
  return Math.min(256, Math.floor(quote.length / 2));
}

/**
 * How far around the stored position the local search looks, in characters
 * on either side, beyond the quote's own length. Covers an inserted paragraph
 * or two; farther moves are still found by the whole-text search when the
 * quote is unique.
 */
export const LOCAL_WINDOW = 2_000;

/** The best approximate match scoring at least `threshold`, with its score; or `null`. */
export function matchQuoteFuzzy(
  text: string,
  selectors: AnchorSelectors,
  hint?: Hint,
  threshold: number = FUZZY_ACCEPT_THRESHOLD,
): TextMatch | null {
  const best = bestFuzzyCandidate(text, selectors, hint);
  return best && best.score >= threshold && best.contextScore >= contextNeeded(selectors)
    ? best
    : null;
}

/**
 * How much of the stored context (0..1) a fuzzy match must share. A short
 * quote ("orean", "the regime") matches in many places, so its own
 * similarity proves little: below `UNIQUE_QUOTE_MIN_LENGTH` it needs the
 * same context support the exact step asks for (`EXACT_CONTEXT_THRESHOLD`).
 * Longer quotes carry their own evidence and need none beyond the overall
 * threshold.
 */
export function contextNeeded(selectors: AnchorSelectors): number {
  const quote = selectors.quote?.exact ?? '';
  return quote.length < UNIQUE_QUOTE_MIN_LENGTH ? EXACT_CONTEXT_THRESHOLD : 0;
}

/**
 * The best-scoring approximate candidate whatever its score, or `null` when
 * the search finds nothing within the error budget. `anchor` reports its score
 * when it is below the threshold, so the reader learns how close it came.
 */
export function bestFuzzyCandidate(
  text: string,
  selectors: AnchorSelectors,
  hint?: Hint,
): (TextMatch & { readonly contextScore: number }) | null {
  const quote = selectors.quote?.exact;
  if (!quote || !text) return null;
  const maxErrors = maxErrorsFor(quote);
  const candidates: Candidate[] = approxSearch(text, quote, maxErrors);
  if (hint !== undefined) {
    const [near, far] = typeof hint === 'number' ? [hint, hint] : [hint.start, hint.end];
    const from = Math.max(0, near - LOCAL_WINDOW);
    const to = Math.min(text.length, far + quote.length + LOCAL_WINDOW);
    for (const m of approxSearch(text.slice(from, to), quote, maxErrors)) {
      candidates.push({ start: m.start + from, end: m.end + from, errors: m.errors });
    }
  }
  if (candidates.length === 0) return null;
  const best = candidates.map((c) => scoreMatch(text, c, selectors, hint)).sort(byScore)[0]!;
  return { start: best.start, end: best.end, score: best.score, contextScore: contextScore(best) };
}
