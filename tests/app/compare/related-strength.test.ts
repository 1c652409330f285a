import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { relatedStrength } from '../../../app/compare/related-strength.ts';
import { builtinEditions } from '../../../sources/builtin.ts';
import { buildRelatedIndex, decodeWordVectors, related } from '../../../sources/related/index.ts';

const WC = 'winstanley-chesters-2015';
const LANKOV = 'lankov-2007';

describe('relatedStrength', () => {
  it('rises with the evidence, on one scale for every query (not relative to the best)', () => {
    const words = [4, 2.5, 2, 1.5, 1, 0].map((e) => relatedStrength(e).words);
    expect(words).toEqual(['strong', 'strong', 'moderate', 'moderate', 'weak', 'weak']);
    const ratios = [5, 4, 2, 1, 0].map((e) => relatedStrength(e).ratio);
    expect(ratios).toEqual([1, 1, 0.5, 0.25, 0]);
    expect(relatedStrength(Number.NaN)).toEqual({ ratio: 0, words: 'weak' });
  });

  it('is the stronger of the shared words and the meaning', () => {
    const words = [0.5, 0.3, 0.2, 0].map((m) => relatedStrength(0, m).words);
    expect(words).toEqual(['strong', 'moderate', 'weak', 'weak']);
    expect(relatedStrength(3, 0.3).words).toBe('strong');
    expect(relatedStrength(1, 0.45).words).toBe('strong');
    expect(relatedStrength(0, 0.25).ratio).toBe(0.5);
    expect(relatedStrength(0, Number.NaN)).toEqual({ ratio: 0, words: 'weak' });
  });

  describe('on the two texts', () => {
    const vectors = decodeWordVectors(
      JSON.parse(
        readFileSync(
          new URL('../../../sources/related/vectors/text-vectors.json', import.meta.url),
          'utf8',
        ),
      ),
    );
    const index = buildRelatedIndex(builtinEditions(), { vectors });
    const strengths = (text: string) =>
      related(index, { source: LANKOV, text }, { within: WC }).map(
        (h) => relatedStrength(h.evidence, h.meaning).words,
      );

    it('a selection of common words gets weak matches only', () => {
      // Relative to the best, its best hit was "strong".
      expect(
        strengths('it is not very important at the moment, and the issue plays a secondary role'),
      ).toEqual(['weak', 'weak', 'weak', 'weak', 'weak']);
      // By meaning too: its SIF cosine with a generic paragraph reached 0.45, above most curated
      // counterparts', before the discount for common words.
      expect(
        strengths('there are many other things that we should also take into account here'),
      ).toEqual(['weak', 'weak', 'weak', 'weak', 'weak']);
    });

    it('a passage found by meaning alone is not weak when it is close: Lankov 9 and Winstanley-Chesters 1', () => {
      // Third for Lankov 9, sharing no meaningful word with it: "weak" by shared words alone.
      const hits = related(index, `${LANKOV}:9`, { within: WC });
      const hit = hits.find((h) => h.address === `${WC}:1`)!;
      expect(hit.terms).toEqual([]);
      expect(relatedStrength(hit.evidence).words).toBe('weak');
      expect(relatedStrength(hit.evidence, hit.meaning).words).toBe('moderate');
      // A query's own paragraph is far closer by meaning than its middle candidate.
      const all = related(index, `${LANKOV}:30`, { within: WC, k: Infinity });
      const middle = all[Math.floor(all.length / 2)]!;
      expect(all.find((h) => h.address === `${WC}:13`)!.meaning).toBeGreaterThan(middle.meaning);
    });

    it('a genuine match stays strong: the railway from Rajin to Khasan meets Winstanley-Chesters 13', () => {
      const hits = related(
        index,
        { source: LANKOV, text: 'the railway from Rajin to Khasan, linking the Trans-Siberian' },
        { within: WC },
      );
      expect(hits[0]!.address).toBe(`${WC}:13`);
      expect(relatedStrength(hits[0]!.evidence).words).toBe('strong');
    });

    it('a paragraph and its curated counterpart: Lankov 30 (the railway) and Winstanley-Chesters 13', () => {
      const hit = related(index, `${LANKOV}:30`, { within: WC, k: Infinity }).find(
        (h) => h.address === `${WC}:13`,
      )!;
      expect(relatedStrength(hit.evidence).words).toBe('strong');
    });
  });
});
