import { expect, it } from 'vitest';
import * as anchoring from '../../../annotations/anchoring/index.ts';

it('exposes exactly this public surface', () => {
  expect(Object.keys(anchoring).sort()).toEqual([
    'ADDRESS_ATTRIBUTE',
    'CONTEXT_LENGTH',
    'CORRECT_OUTCOMES',
    'EXACT_CONTEXT_THRESHOLD',
    'FUZZY_ACCEPT_THRESHOLD',
    'IGNORE_ATTRIBUTE',
    'MATCH_WEIGHTS',
    'UNIQUE_QUOTE_MIN_LENGTH',
    'addressOf',
    'anchor',
    'applyEdit',
    'describe',
    'domRangeMapper',
    'expectedPlace',
    'matchPosition',
    'matchQuoteExact',
    'matchQuoteFuzzy',
    'offsetsFromRange',
    'rangeFromOffsets',
    'reanchorAfterEdit',
  ]);
});
