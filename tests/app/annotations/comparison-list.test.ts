import { describe, expect, it } from 'vitest';
import {
  completeAnnotation,
  type Annotation,
  type AnnotationId,
} from '../../../annotations/model/annotation.ts';
import { linkPassages } from '../../../annotations/comparisons/link-passages.ts';
import { NO_FILTER } from '../../../app/annotations/anchored-list.ts';
import { countComparisonsOn } from '../../../app/annotations/comparison-count.ts';
import {
  comparisonMatchesFilter,
  comparisonsOn,
} from '../../../app/annotations/comparison-list.ts';
import { builtinEdition } from '../../../sources/builtin.ts';
import type { Edition, SourceId } from '../../../sources/edition.ts';

const lankov = builtinEdition('lankov-2007' as SourceId)!;
const wc = builtinEdition('winstanley-chesters-2015' as SourceId)!;
const para = (e: Edition, k: number) => e.blocks.find((b) => b.n === k)!;
let n = 0;
const complete = (input: Parameters<typeof completeAnnotation>[0]): Annotation =>
  completeAnnotation(
    input,
    `urn:uuid:00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` as AnnotationId,
    new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
  );

/** A reader's comparison of W-C ¶w and Lankov ¶l, made as Link passages makes it. */
function link(w: number, l: number, extra: { topic?: string; note?: string } = {}): Annotation {
  return complete(
    linkPassages({
      left: { edition: wc, start: para(wc, w).start, end: para(wc, w).start + 30 },
      right: { edition: lankov, start: para(lankov, l).start, end: para(lankov, l).start + 30 },
      relation: 'qualifies',
      ...extra,
    }),
  );
}

/** A highlight at the start of Lankov ¶k. */
function highlight(k: number): Annotation {
  const a = link(1, k);
  return complete({
    motivation: 'highlighting',
    tags: [],
    color: 'yellow',
    targets: [a.targets[1]!],
  });
}

describe('comparisonsOn', () => {
  it('lists comparisons with an end in a visible edition, by the first pane, then by where', () => {
    const late = link(12, 3);
    const early = link(2, 30);
    const lone = highlight(5);
    expect(comparisonsOn([late, lone, early], [wc, lankov])).toEqual([early, late]);
    // With the panes swapped, Lankov's end orders them.
    expect(comparisonsOn([late, lone, early], [lankov, wc])).toEqual([late, early]);
    // One visible end is enough.
    expect(comparisonsOn([late, early], [lankov])).toEqual([late, early]);
  });

  it('leaves out highlights, notes and comparisons of texts not shown', () => {
    const other = { ...wc, id: 'someone-else' as SourceId } as Edition;
    expect(comparisonsOn([highlight(4), link(3, 4)], [other])).toEqual([]);
    expect(countComparisonsOn([highlight(4), link(3, 4)], new Set([wc.id as string]))).toBe(1);
    expect(countComparisonsOn([highlight(4)], new Set([lankov.id as string]))).toBe(0);
  });
});

describe('comparisonMatchesFilter', () => {
  const a = link(5, 7, { topic: 'Railway project', note: 'Both date it to 2000.' });
  it('finds a comparison by its topic, relation, note, quotes or addresses', () => {
    expect(comparisonMatchesFilter(a, NO_FILTER)).toBe(true);
    for (const text of [
      'railway',
      'qualifies',
      '2000',
      'lankov-2007:7',
      a.targets[0]!.selectors.quote.exact.slice(0, 12),
    ])
      expect(comparisonMatchesFilter(a, { ...NO_FILTER, text })).toBe(true);
    expect(comparisonMatchesFilter(a, { ...NO_FILTER, text: 'railway nowhere' })).toBe(false);
  });

  it('a colour filter leaves it out (it has no colour); a tag filter needs the tag', () => {
    expect(comparisonMatchesFilter(a, { ...NO_FILTER, color: 'yellow' })).toBe(false);
    expect(comparisonMatchesFilter(a, { ...NO_FILTER, tag: 'mine' })).toBe(false);
  });
});
