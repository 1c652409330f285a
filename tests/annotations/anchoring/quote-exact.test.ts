import { describe, expect, it } from 'vitest';
import {
  exactOccurrences,
  matchQuoteExact,
  SHORTLIST_SIZE,
  UNIQUE_QUOTE_MIN_LENGTH,
} from '../../../annotations/anchoring/quote-exact.ts';

// Dickens's repetitions make every short quote ambiguous.
const text =
  'It was the best of times, it was the worst of times, it was the age of wisdom, ' +
  'it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity.';

function quoteAt(exact: string, occurrence: number) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(exact, at + 1);
  return {
    at,
    quote: {
      exact,
      prefix: text.slice(Math.max(0, at - 32), at),
      suffix: text.slice(at + exact.length, at + exact.length + 32),
    },
  };
}

describe('exactOccurrences', () => {
  it('lists every occurrence, overlapping ones included', () => {
    expect(exactOccurrences('aaaa', 'aa')).toEqual([0, 1, 2]);
    expect(exactOccurrences(text, 'it was').length).toBe(5);
  });
  it('finds nothing for an empty quote', () => {
    expect(exactOccurrences(text, '')).toEqual([]);
  });
});

describe('matchQuoteExact', () => {
  it('chooses between repeated occurrences by their context', () => {
    for (let n = 0; n < 4; n++) {
      const { at, quote } = quoteAt('it was the', n);
      expect(matchQuoteExact(text, { quote })?.start, `occurrence ${n}`).toBe(at);
    }
  });

  it('uses the stored position only to break ties between equal contexts', () => {
    const twice = 'one two three. one two three.';
    const quote = { exact: 'two', prefix: 'one ', suffix: ' three' };
    expect(matchQuoteExact(twice, { quote }, 0)?.start).toBe(4);
    expect(matchQuoteExact(twice, { quote }, 20)?.start).toBe(19);
  });

  it('accepts a unique long quote even when its context has gone', () => {
    const exact = 'the epoch of incredulity';
    expect(exact.length).toBeGreaterThanOrEqual(UNIQUE_QUOTE_MIN_LENGTH);
    const m = matchQuoteExact(text, {
      quote: { exact, prefix: 'something else entirely', suffix: '!!!' },
    });
    expect(m?.start).toBe(text.indexOf(exact));
  });

  it('finds the right one among more occurrences than it scores in full', () => {
    const many = Array.from({ length: 200 }, (_, i) => `item ${i} is the thing`).join('; ');
    const at = many.indexOf('the', many.indexOf('item 137 '));
    const quote = {
      exact: 'the',
      prefix: many.slice(at - 32, at),
      suffix: many.slice(at + 3, at + 35),
    };
    expect(exactOccurrences(many, 'the').length).toBeGreaterThan(SHORTLIST_SIZE);
    expect(matchQuoteExact(many, { quote })?.start).toBe(at);
    expect(matchQuoteExact(many, { quote }, 0)?.start).toBe(at);
  });

  describe('when it fails', () => {
    it('returns null when the quote does not occur', () => {
      expect(
        matchQuoteExact(text, { quote: { exact: 'the age of reason', prefix: '', suffix: '' } }),
      ).toBeNull();
    });
    it('returns null for a short quote whose every occurrence sits in a foreign context', () => {
      const quote = {
        exact: 'it was',
        prefix: 'Completely unrelated words here',
        suffix: ' nothing like the original',
      };
      expect(matchQuoteExact(text, { quote })).toBeNull();
    });
    it('returns null for a short unique quote with no supporting context', () => {
      const quote = {
        exact: 'wisdom',
        prefix: 'Completely unrelated words',
        suffix: ' nothing like it',
      };
      expect(matchQuoteExact(text, { quote })).toBeNull();
    });
    it('returns null without a quote', () => {
      expect(matchQuoteExact(text, {})).toBeNull();
    });
  });
});
