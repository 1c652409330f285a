/**
 * Anchoring step 1: trust the stored TextPositionSelector, but only if the
 * text at those offsets is still exactly the stored quote.
 *
 * What it is for: the common case (the text has not changed), in constant
 * time. What it is not for: deciding between candidates; when the offsets no
 * longer hold the quote, this step declines and the quote steps search.
 *
 * Like `TextPositionAnchor` + the quote check in Hypothesis's `anchor`
 * (`src/annotator/anchoring/html.ts`). The context (prefix/suffix) is not
 * checked here: if the quote is still at the very same offsets, an edit next
 * to it that kept its length (a typo fixed) does not make the place wrong.
 */
import type { AnchorSelectors, TextMatch } from './types.ts';

/** The stored position, if the text there equals the stored quote; otherwise `null`. */
export function matchPosition(text: string, selectors: AnchorSelectors): TextMatch | null {
  const { position, quote } = selectors;
  if (!position || !quote || quote.exact.length === 0) return null;
  const { start, end } = position;
  if (!Number.isInteger(start) || !Number.isInteger(end)) return null;
  if (start < 0 || end > text.length || end <= start) return null;
  if (text.slice(start, end) !== quote.exact) return null;
  return { start, end, score: 1 };
}
