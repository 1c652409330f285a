/**
 * The `Locate` that import uses for another tool's annotation: run the
 * anchoring cascade (`annotations/anchoring/anchor.ts`: position, exact quote,
 * fuzzy quote) in each edition and keep the best placement.
 *
 * What it is for: matching a foreign target to one of our texts by where its
 * quote anchors. Not for: anchoring stored annotations for display (the
 * store calls `anchor` per annotation on its own source).
 *
 * Pure: the editions are passed in.
 */
import type { Edition } from '../../sources/edition.ts';
import { anchor } from '../anchoring/anchor.ts';
import type { Locate, LocatedQuote } from './resolve-target.ts';

/**
 * A `Locate` over the given editions. With `hint.source`, only that edition
 * is searched. Among editions where the quote anchors, the highest score
 * wins; on a tie, the earlier edition.
 */
export function locateInEditions(editions: readonly Edition[]): Locate {
  return (quote, hint) => {
    let best: (LocatedQuote & { score: number }) | null = null;
    for (const edition of editions) {
      if (hint.source !== undefined && edition.id !== hint.source) continue;
      const result = anchor(
        edition,
        hint.position === undefined ? { quote } : { quote, position: hint.position },
      );
      if (result.placed && (best === null || result.score > best.score)) {
        best = { source: edition.id, start: result.start, end: result.end, score: result.score };
      }
    }
    return best === null ? null : { source: best.source, start: best.start, end: best.end };
  };
}
