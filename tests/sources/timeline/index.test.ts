import { expect, it } from 'vitest';
import * as timeline from '../../../sources/timeline/index.ts';
import * as align from '../../../sources/align/index.ts';

it('exposes the public surface of sources/timeline, and nothing else', () => {
  expect(Object.keys(timeline).sort()).toEqual(
    [
      'eventsToCsv',
      'extractEvents',
      'extractFromSentence',
      'matchDateRules',
      'monthNumber',
      'referenceTime',
      'scoreExtraction',
      'timelineLinks',
    ].sort(),
  );
});

it('exposes the public surface of sources/align, and nothing else', () => {
  expect(Object.keys(align).sort()).toEqual(
    [
      'ANCHOR_BONUS',
      'DEFAULT_THRESHOLD',
      'alignEditions',
      'alignMonotone',
      'rowIndex',
      'rowsOf',
    ].sort(),
  );
});
