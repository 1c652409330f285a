/**
 * Shapes shared by the anchoring steps: what they read (a text and a target's
 * selectors) and what a step returns (a match or `null`).
 *
 * What it is for: the contract between `anchor.ts` and its steps. What it is
 * not for: validation. Selectors arrive here already checked by the model's
 * zod schemas (`annotations/model/selectors.ts`); anchoring only *reads*
 * them, and accepts each of them as optional so an imported annotation that
 * carries only a quote (Hypothesis JSON often does) can still be placed.
 */
import type { Edition } from '../../sources/edition.ts';
import type { PositionSelector, QuoteSelector } from '../model/selectors.ts';

/** What anchoring reads of a target. Every field is optional; a missing one is simply a step skipped. */
export interface AnchorSelectors {
  /** The TextQuoteSelector: the text to find again, and its context. */
  readonly quote?: QuoteSelector | undefined;
  /** The TextPositionSelector: where the quote was in `Edition.text` when the annotation was made. */
  readonly position?: PositionSelector | undefined;
  /** The passage address; a hint for where to look when the position is missing. */
  readonly address?: string | undefined;
}

/**
 * The text to anchor in. An `Edition` fits; so does `{ text }` alone (the
 * re-anchoring baselines use edited texts that have no block structure).
 */
export type AnchorDocument = Pick<Edition, 'text'> &
  Partial<Pick<Edition, 'id' | 'blocks' | 'footnotes'>>;

/**
 * Where the quote is expected: an offset (the stored position's start) or a
 * span (the passage its address names, when there is no position). Used to
 * prefer nearer candidates and to search near the old place first.
 */
export type Hint = number | { readonly start: number; readonly end: number };

/** A step's answer: where the quote is now, and how sure the step is. */
export interface TextMatch {
  /** Offset of the match in the document text. */
  readonly start: number;
  /** End offset (exclusive). */
  readonly end: number;
  /** 0..1; 1 means the quote and its context were found exactly. */
  readonly score: number;
}
