/**
 * Anchoring: finds where an annotation's selectors point in a text, trying
 * each step in turn — the stored position (`position.ts`), then every exact
 * occurrence of the quote (`quote-exact.ts`), then approximate matches
 * (`quote-fuzzy.ts`) — and returns one result: placed, with the method that
 * placed it, or unplaced, with the reason.
 *
 * What it is for: sequencing the steps, like `anchor` in Hypothesis's
 * `src/annotator/anchoring/html.ts`. What it is not for: matching (each step
 * does its own) or the DOM (`dom-range.ts` turns the offsets into a `Range`).
 *
 * Unlike Hypothesis, which signals a failed step by throwing and catching
 * down a promise chain, each step returns a match or `null`, and nothing here
 * throws. An unplaced annotation is a result, never a reason to drop it: the
 * store keeps it and the sidebar lists it with its quote.
 */
import { findPassage, spanOf, startPassage } from '../../sources/address.ts';
import { matchPosition } from './position.ts';
import { matchQuoteExact } from './quote-exact.ts';
import { bestFuzzyCandidate, contextNeeded, FUZZY_ACCEPT_THRESHOLD } from './quote-fuzzy.ts';
import type { Address } from '../../sources/edition.ts';
import type { AnchorDocument, AnchorSelectors, Hint } from './types.ts';

/** Which step placed an annotation. */
export type AnchorMethod = 'position' | 'quote-exact' | 'quote-fuzzy';

/** Why an annotation could not be placed. */
export type UnplacedCode = 'no-quote' | 'empty-text' | 'not-found' | 'below-threshold';

/** The outcome of anchoring one annotation. */
export type AnchorResult =
  | {
      readonly placed: true;
      /** Offset of the passage in the document text. */
      readonly start: number;
      /** End offset (exclusive). */
      readonly end: number;
      /** The step that placed it. */
      readonly method: AnchorMethod;
      /** 0..1: how closely the place matches the stored quote and context. */
      readonly score: number;
    }
  | {
      readonly placed: false;
      /** Machine-readable reason. */
      readonly code: UnplacedCode;
      /** The reason in plain words, for the sidebar's "unplaced" list. */
      readonly reason: string;
      /** The best approximate candidate's score, when there was one. */
      readonly bestScore?: number;
    };

/**
 * Anchors one annotation's selectors in a document (an `Edition`, or any
 * `{ text }`). Never throws.
 */
export function anchor(doc: AnchorDocument, selectors: AnchorSelectors): AnchorResult {
  const text = doc.text;
  if (!selectors.quote?.exact) {
    return {
      placed: false,
      code: 'no-quote',
      reason: 'The annotation has no quoted text to look for.',
    };
  }
  if (!text) {
    return { placed: false, code: 'empty-text', reason: 'The source text is empty.' };
  }
  const byPosition = matchPosition(text, selectors);
  if (byPosition) return { placed: true, ...byPosition, method: 'position' };

  const hint = expectedPlace(doc, selectors);
  const exact = matchQuoteExact(text, selectors, hint);
  if (exact) return { placed: true, ...exact, method: 'quote-exact' };

  const fuzzy = bestFuzzyCandidate(text, selectors, hint);
  if (!fuzzy) {
    return {
      placed: false,
      code: 'not-found',
      reason: 'Nothing in the text resembles the quoted passage any more.',
    };
  }
  if (fuzzy.score < FUZZY_ACCEPT_THRESHOLD) {
    return {
      placed: false,
      code: 'below-threshold',
      reason: `The closest passage in the text matches only ${Math.round(fuzzy.score * 100)}% of the quote and its context (${Math.round(FUZZY_ACCEPT_THRESHOLD * 100)}% needed).`,
      bestScore: fuzzy.score,
    };
  }
  if (fuzzy.contextScore < contextNeeded(selectors)) {
    return {
      placed: false,
      code: 'below-threshold',
      reason: `The quote is short and occurs only where the text around it has changed (${Math.round(fuzzy.contextScore * 100)}% of its context found, ${Math.round(contextNeeded(selectors) * 100)}% needed).`,
      bestScore: fuzzy.score,
    };
  }
  return {
    placed: true,
    start: fuzzy.start,
    end: fuzzy.end,
    score: fuzzy.score,
    method: 'quote-fuzzy',
  };
}

/**
 * Where the quote is expected: the stored position's start if there is one,
 * else the span of the passage its address names (when the document has
 * blocks and the address is for this document).
 */
export function expectedPlace(doc: AnchorDocument, selectors: AnchorSelectors): Hint | undefined {
  if (selectors.position && Number.isFinite(selectors.position.start))
    return selectors.position.start;
  if (!selectors.address) return undefined;
  // A sentence or range the document lacks still points near its first block.
  const passage =
    findPassage(doc, selectors.address) ??
    findPassage(doc, startPassage(selectors.address as Address));
  return passage ? spanOf(passage) : undefined;
}
