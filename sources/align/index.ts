/**
 * Paragraph alignment of two texts (issue 17). Re-exports the public
 * surface and nothing else.
 */
export {
  alignMonotone,
  rowsOf,
  type AlignedPair,
  type AlignedRowIndices,
} from './align-monotone.ts';
export {
  ANCHOR_BONUS,
  DEFAULT_THRESHOLD,
  alignEditions,
  rowIndex,
  type AlignOptions,
  type AlignedRow,
  type Alignment,
  type AlignmentAnchor,
} from './align-editions.ts';
