import { describe, expect, it } from 'vitest';
import {
  bestFuzzyCandidate,
  FUZZY_ACCEPT_THRESHOLD,
  matchQuoteFuzzy,
  maxErrorsFor,
} from '../../../annotations/anchoring/quote-fuzzy.ts';
import { MATCH_WEIGHTS, similarity } from '../../../annotations/anchoring/score-match.ts';
import { builtinEdition } from '../../../sources/builtin.ts';

// Lankov ¶3's opening, as in Edition.text (the tests after Hypothesis's match-quote-test.js).
const lankov = builtinEdition('lankov-2007')!;
const p3 = lankov.blocks.find((b) => b.n === 3)!;
const text = p3.text;

/** Asserts each score is strictly below the one before. */
function expectFalling(scores: number[]): void {
  for (let i = 1; i < scores.length; i++)
    expect(scores[i], `item ${i}`).toBeLessThan(scores[i - 1]!);
}

const score = (quote: string, prefix = '', suffix = '', hint?: number): number =>
  bestFuzzyCandidate(text, { quote: { exact: quote, prefix, suffix } }, hint)?.score ?? 0;

describe('similarity', () => {
  it('is 1 for a contained pattern, falls with edits, and is 0 for empty input', () => {
    expectFalling(
      ['Soviet occupation', 'Soviet ocupation', 'Sovjet ocupation', 'Sovjet ocupaton'].map((p) =>
        similarity(text, p),
      ),
    );
    expect(similarity(text, 'Soviet occupation')).toBe(1);
    expect(similarity('', 'x')).toBe(0);
    expect(similarity('x', '')).toBe(0);
  });
});

describe('matchQuoteFuzzy', () => {
  it('finds the best approximate match when there is no exact one', () => {
    const m = matchQuoteFuzzy(text, {
      quote: { exact: 'the Soviet ocupation force', prefix: '', suffix: '' },
    });
    expect(m && text.slice(m.start, m.end)).toMatch(/^the Soviet occupation force/);
    expect(m!.score).toBeLessThan(1);
  });

  it('scores quotes from most to least similar in falling order', () => {
    expectFalling(
      [
        'a creation of the Soviet occupation forces',
        'a creation of the Soviet ocupation forces',
        'a creature of the Soviet ocupation forces',
        'a creature of the Soviet ocupation army',
      ].map((q) => score(q)),
    );
  });

  it('scores prefixes from most to least similar in falling order', () => {
    expectFalling(
      [
        'as established in the late 1940s, was ',
        'as established in the late 1940s, is ',
        'as founded in the late 1940s, is ',
        'as founded in the early fifties, is ',
      ].map((p) => score('a creation of the Soviet occupation forces', p)),
    );
  });

  it('scores suffixes from most to least similar in falling order', () => {
    expectFalling(
      [
        '. The regime remained under strict',
        '. The regime remained under firm',
        '. This regime stayed under firm',
        '; this state stayed firmly in hand',
      ].map((s) => score('a creation of the Soviet occupation forces', '', s)),
    );
  });

  it('scores nearness to the stored position in falling order', () => {
    const quote = 'occupation forces';
    expect(text.split(quote).length, 'the quote is unique in ¶3').toBe(2);
    const at = text.indexOf(quote);
    expectFalling([at, at + 100, at + 300, at + 600].map((hint) => score(quote, '', '', hint)));
  });

  it('weighs the quote above either side of its context', () => {
    expect(MATCH_WEIGHTS.quote).toBeGreaterThan(MATCH_WEIGHTS.prefix + MATCH_WEIGHTS.position);
    expect(MATCH_WEIGHTS.quote).toBeGreaterThan(MATCH_WEIGHTS.suffix + MATCH_WEIGHTS.position);
  });

  it('finds an edited original near the stored position even when the quote occurs exactly elsewhere', () => {
    // The annotated "the Soviet control" at offset 6 lost a letter in an
    // edit; an exact copy far away must not win over it.
    const doc =
      'Under the Soviet contrl for years. ' +
      'x'.repeat(3000) +
      ' Later, the Soviet control ended.';
    const quote = { exact: 'the Soviet control', prefix: 'Under ', suffix: ' for years.' };
    const m = matchQuoteFuzzy(doc, { quote }, 6);
    expect(m?.start).toBe(6);
  });

  describe('when it fails', () => {
    it('returns null below the acceptance threshold, though a candidate exists', () => {
      const quote = {
        exact: 'a creation of the Chinese liberation army',
        prefix: 'nothing alike at all',
        suffix: 'and nothing here either',
      };
      const best = bestFuzzyCandidate(text, { quote });
      expect(best).not.toBeNull();
      expect(best!.score).toBeLessThan(FUZZY_ACCEPT_THRESHOLD);
      expect(matchQuoteFuzzy(text, { quote })).toBeNull();
    });
    it('returns null when nothing is within the error budget', () => {
      expect(
        bestFuzzyCandidate(text, { quote: { exact: 'Zzyzx qwv jjj kkk', prefix: '', suffix: '' } }),
      ).toBeNull();
    });
    it('returns null for an empty quote or text', () => {
      expect(
        matchQuoteFuzzy('', { quote: { exact: 'Soviet', prefix: '', suffix: '' } }),
      ).toBeNull();
      expect(matchQuoteFuzzy(text, {})).toBeNull();
    });
    it('caps the error budget at half the quote and at 256', () => {
      expect(maxErrorsFor('abcd')).toBe(2);
      expect(maxErrorsFor('x'.repeat(10_000))).toBe(256);
    });
  });
});
