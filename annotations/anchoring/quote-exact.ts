/**
 * Anchoring step 2: every exact occurrence of the quote, chosen between by
 * prefix and suffix, then by nearness to the stored position.
 *
 * What it is for: text that moved (something was inserted or removed before
 * it) but did not change. What it is not for: changed quotes (step 3,
 * `quote-fuzzy.ts`) and short quotes whose context is gone: when no
 * occurrence sits in a context resembling the stored one, this step declines
 * rather than guess, and step 3, which also looks for approximate matches
 * near the old position, decides.
 */
import { byScore, contextScore, hintDistance, scoreMatch } from './score-match.ts';
import type { AnchorSelectors, Hint, TextMatch } from './types.ts';

/**
 * How much of the stored context (prefix and suffix together, 0..1) an
 * occurrence must share before this step accepts it. Half lets one side be
 * rewritten completely (a sentence inserted right after a highlight) while
 * the other side still vouches for the place.
 */
export const EXACT_CONTEXT_THRESHOLD = 0.5;

/**
 * A quote at least this long that occurs exactly once is accepted whatever
 * its context: 24 characters of identical text are very unlikely to be a
 * different passage. Shorter unique quotes ("Kim Il Sung") must show context.
 */
export const UNIQUE_QUOTE_MIN_LENGTH = 24;

/**
 * How many occurrences get the full (approximate) context score. A short
 * word can occur hundreds of times; scoring each costs two approximate
 * searches. The shortlist keeps the occurrences whose context agrees
 * character for character over the longest stretch, plus the ones nearest the
 * stored position, which is where the right one almost always is.
 */
export const SHORTLIST_SIZE = 12;

/** Length of the common suffix of `a` and `b`. */
function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** Length of the common prefix of `a` and `b`. */
function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** The occurrences worth scoring in full (all of them when there are few). */
function shortlist(
  text: string,
  offsets: readonly number[],
  length: number,
  selectors: AnchorSelectors,
  hint: Hint | undefined,
): number[] {
  const prefix = selectors.quote?.prefix ?? '';
  const suffix = selectors.quote?.suffix ?? '';
  const agreement = (at: number): number =>
    commonSuffix(text.slice(Math.max(0, at - prefix.length), at), prefix) +
    commonPrefix(text.slice(at + length, at + length + suffix.length), suffix);
  // Occurrences in exactly the stored context beat all others whatever
  // their position; when there are any, only they need scoring (the common
  // case: text moved by an edit elsewhere).
  const perfect = offsets.filter((at) => agreement(at) === prefix.length + suffix.length);
  if (perfect.length > 0 && perfect.length <= SHORTLIST_SIZE) return perfect;
  if (offsets.length <= SHORTLIST_SIZE) return [...offsets];
  const byContext = [...offsets].sort((a, b) => agreement(b) - agreement(a) || a - b);
  const picked = new Set(byContext.slice(0, SHORTLIST_SIZE / 2));
  if (hint !== undefined) {
    const byNearness = [...offsets].sort(
      (a, b) => hintDistance(a, hint) - hintDistance(b, hint) || a - b,
    );
    for (const at of byNearness) {
      if (picked.size >= SHORTLIST_SIZE) break;
      picked.add(at);
    }
  }
  for (const at of byContext) {
    if (picked.size >= SHORTLIST_SIZE) break;
    picked.add(at);
  }
  return [...picked];
}

/** Every offset where `quote` occurs in `text` (overlapping occurrences included). */
export function exactOccurrences(text: string, quote: string): number[] {
  const found: number[] = [];
  if (!quote) return found;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) found.push(at);
  return found;
}

/** The best exact occurrence of the quote, or `null` when there is none this step can vouch for. */
export function matchQuoteExact(
  text: string,
  selectors: AnchorSelectors,
  hint?: Hint,
): TextMatch | null {
  const exact = selectors.quote?.exact;
  if (!exact) return null;
  const offsets = exactOccurrences(text, exact);
  if (offsets.length === 0) return null;
  const scored = shortlist(text, offsets, exact.length, selectors, hint)
    .map((start) =>
      scoreMatch(text, { start, end: start + exact.length, errors: 0 }, selectors, hint),
    )
    .sort(byScore);
  const best = scored[0]!;
  const unique = scored.length === 1 && exact.length >= UNIQUE_QUOTE_MIN_LENGTH;
  if (!unique && contextScore(best) < EXACT_CONTEXT_THRESHOLD) return null;
  return { start: best.start, end: best.end, score: best.score };
}
