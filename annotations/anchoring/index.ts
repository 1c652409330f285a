/**
 * The public surface of `annotations/anchoring/`: finding annotations in a
 * text (`anchor`), describing a selection (`describe`), the DOM bridge
 * (`rangeFromOffsets`, `offsetsFromRange`), and the re-anchoring measure.
 * Re-exports only (each module documents itself).
 */
export {
  anchor,
  expectedPlace,
  type AnchorMethod,
  type AnchorResult,
  type UnplacedCode,
} from './anchor.ts';
export { addressOf, CONTEXT_LENGTH, describe, type DescribedSelectors } from './describe.ts';
export {
  ADDRESS_ATTRIBUTE,
  domRangeMapper,
  IGNORE_ATTRIBUTE,
  offsetsFromRange,
  rangeFromOffsets,
  type DomRangeMapper,
  type TextOffsets,
} from './dom-range.ts';
export { matchPosition } from './position.ts';
export {
  EXACT_CONTEXT_THRESHOLD,
  matchQuoteExact,
  UNIQUE_QUOTE_MIN_LENGTH,
} from './quote-exact.ts';
export { FUZZY_ACCEPT_THRESHOLD, matchQuoteFuzzy } from './quote-fuzzy.ts';
export { MATCH_WEIGHTS } from './score-match.ts';
export {
  applyEdit,
  CORRECT_OUTCOMES,
  reanchorAfterEdit,
  type ReanchorOutcome,
  type ReanchorReport,
  type TextEdit,
} from './reanchor.ts';
export type { AnchorDocument, AnchorSelectors, Hint, TextMatch } from './types.ts';
