import { describe, expect, it } from 'vitest';
import { builtinEditions } from '../../../sources/builtin.ts';
import {
  buildRelatedIndex,
  formatYears,
  related,
  temporalOverlap,
  yearSpans,
} from '../../../sources/related/index.ts';
import { extractEvents, referenceTime } from '../../../sources/timeline/index.ts';

describe('temporal overlap', () => {
  it('scores the best pair of spans by the share of years they have in common', () => {
    expect(temporalOverlap([{ from: 1990, to: 1991 }], [{ from: 1990, to: 1990 }])).toEqual({
      score: 0.5,
      shared: { from: 1990, to: 1990 },
    });
    expect(
      temporalOverlap(
        [
          { from: 1950, to: 1953 },
          { from: 1999, to: 1999 },
        ],
        [{ from: 1999, to: 1999 }],
      ),
    ).toEqual({ score: 1, shared: { from: 1999, to: 1999 } });
  });

  it('scores 0, with nothing shared, for disjoint spans or a passage without dates', () => {
    expect(temporalOverlap([{ from: 1990, to: 1991 }], [{ from: 1992, to: 1994 }])).toEqual({
      score: 0,
    });
    expect(temporalOverlap([], [{ from: 1990, to: 1990 }])).toEqual({ score: 0 });
  });

  it('reads spans off the timeline’s events, leaving centuries out', () => {
    const lankov = builtinEditions().find((e) => e.id === 'lankov-2007')!;
    const events = extractEvents(lankov, { reference: referenceTime(lankov.id)! });
    const spans = yearSpans(events.filter((e) => e.address.startsWith('lankov-2007:10.')));
    expect(spans).toContainEqual({ from: 1990, to: 1990 });
    expect(spans).toContainEqual({ from: 1994, to: 1994 });
    const century = events.find((e) => e.precision === 'century');
    if (century) expect(yearSpans([century])).toEqual([]);
  });

  it('writes years as a reader does', () => {
    expect(formatYears({ from: 1990, to: 1990 })).toBe('1990');
    expect(formatYears({ from: 1990, to: 1991 })).toBe('1990–91');
    expect(formatYears({ from: 1998, to: 2001 })).toBe('1998–2001');
  });

  it('explains a related passage by the period both date: “same period”', () => {
    const editions = builtinEditions();
    const index = buildRelatedIndex(editions, { dates: true });
    // W-C ¶12: "revived in 1999", Kim Jong-il met Putin "in 2000"; Lankov ¶15: the July 2000 summit.
    const hits = related(index, 'winstanley-chesters-2015:12', { k: 40, within: 'lankov-2007' });
    const summit = hits.find((h) => h.address === 'lankov-2007:15');
    expect(summit?.period).toBe('2000');
    // A passage dating nothing in common gets no period.
    const soviet = hits.find((h) => h.address === 'lankov-2007:3');
    expect(soviet?.period).toBeUndefined();
    // Without dates in the index, no period is claimed.
    const plain = related(buildRelatedIndex(editions), 'winstanley-chesters-2015:12', {
      k: 40,
      within: 'lankov-2007',
    });
    expect(plain.every((h) => h.period === undefined)).toBe(true);
  });
});
