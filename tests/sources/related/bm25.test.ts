import { describe, expect, it } from 'vitest';
import { BM25_DEFAULTS, buildBm25, scoreBm25 } from '../../../sources/related/bm25.ts';

const scores = (docs: string[][], query: string[]) =>
  scoreBm25(buildBm25(docs), query).map((s) => s.score);

describe('BM25', () => {
  it('uses the textbook parameters', () => {
    expect(BM25_DEFAULTS).toEqual({ k1: 1.2, b: 0.75, k3: 7 });
  });

  it('ranks more occurrences higher, with diminishing returns', () => {
    const docs = [
      ['rail', 'x', 'x', 'x'],
      ['rail', 'rail', 'x', 'x'],
      ['rail', 'rail', 'rail', 'x'],
      ['y', 'y', 'y', 'y'],
    ];
    const [one, two, three, none] = scores(docs, ['rail']);
    expect(one!).toBeLessThan(two!);
    expect(two!).toBeLessThan(three!);
    expect(three! - two!).toBeLessThan(two! - one!);
    expect(none).toBe(0);
  });

  it('weighs a rare term above a common one', () => {
    const docs = [
      ['korea', 'pipeline'],
      ['korea', 'x'],
      ['korea', 'y'],
      ['korea', 'z'],
    ];
    const [both] = scoreBm25(buildBm25(docs), ['korea', 'pipeline']);
    expect(both!.contributions.map((c) => c.term)).toEqual(['pipeline', 'korea']);
    expect(both!.contributions[0]!.weight).toBeGreaterThan(both!.contributions[1]!.weight);
  });

  it('prefers the shorter of two documents with the same matches', () => {
    const [short, long] = scores(
      [
        ['gas', 'x'],
        ['gas', 'x', 'y', 'z', 'w', 'v'],
      ],
      ['gas'],
    );
    expect(short!).toBeGreaterThan(long!);
  });

  it('counts repeated query terms, saturating', () => {
    const docs = [
      ['gas', 'rail'],
      ['x', 'y'],
    ];
    const once = scores(docs, ['gas', 'rail'])[0]!;
    const twice = scores(docs, ['gas', 'gas', 'rail'])[0]!;
    const many = scores(docs, [...Array(50).fill('gas'), 'rail'])[0]!;
    expect(twice).toBeGreaterThan(once);
    expect(many).toBeGreaterThan(twice);
    expect(many).toBeLessThan(once * (BM25_DEFAULTS.k3 + 1));
  });

  it('keeps idf positive even for a term in every document', () => {
    const [a] = scores([['korea'], ['korea']], ['korea']);
    expect(a!).toBeGreaterThan(0);
  });

  describe('when it fails', () => {
    it('handles an empty collection, empty documents and an empty query', () => {
      expect(scoreBm25(buildBm25([]), ['x'])).toEqual([]);
      expect(scores([[], ['x']], ['x'])[0]).toBe(0);
      expect(scores([['x']], [])).toEqual([0]);
    });
  });
});
