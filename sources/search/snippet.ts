/**
 * The hit in context: a short window of the ORIGINAL text around a match,
 * cut at word boundaries, as three plain strings the UI renders as text
 * (never as HTML).
 *
 * Not for: choosing which match to show (the search decides) or
 * highlighting every match (hits carry `highlights` for that).
 */

/** A match shown in context. */
export interface Snippet {
  /** Original text before the match, up to about `context` characters, cut at a word boundary. */
  readonly before: string;
  /** The matched original text, exactly as printed. */
  readonly match: string;
  /** Original text after the match, cut like `before`. */
  readonly after: string;
  /** True when `before` does not reach the start of the passage (the UI shows an ellipsis). */
  readonly clippedStart: boolean;
  /** True when `after` does not reach the end of the passage. */
  readonly clippedEnd: boolean;
}

/** Characters of context on each side of a match, before snapping to a word boundary. */
export const SNIPPET_CONTEXT = 60;

/**
 * Cuts `text[start, end)` out of `text` with up to `context` characters on
 * each side, widened or narrowed to the nearest white space so no word is
 * cut in half. Offsets are clamped into the text.
 */
export function snippet(
  text: string,
  start: number,
  end: number,
  context = SNIPPET_CONTEXT,
): Snippet {
  const s = clamp(start, 0, text.length);
  const e = clamp(end, s, text.length);
  let from = Math.max(0, s - context);
  if (from > 0) {
    // Move forward to just after a space so the first word is whole.
    const space = text.indexOf(' ', from);
    from = space === -1 || space >= s ? from : space + 1;
  }
  let to = Math.min(text.length, e + context);
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    to = space === -1 || space < e ? to : space;
  }
  return {
    before: text.slice(from, s),
    match: text.slice(s, e),
    after: text.slice(e, to),
    clippedStart: from > 0,
    clippedEnd: to < text.length,
  };
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, Number.isFinite(n) ? Math.trunc(n) : lo));
}
