import { describe, expect, it } from 'vitest';
import { isFillerWord, relatedStrength } from '../../../app/compare/related-strength.ts';

describe('relatedStrength', () => {
  it('falls with the score, relative to the best of the list', () => {
    const words = [12, 9, 6, 3].map((s) => relatedStrength(s, 12).words);
    expect(words).toEqual(['strong', 'strong', 'moderate', 'weak']);
    expect(relatedStrength(12, 12).ratio).toBe(1);
    expect(relatedStrength(0, 0)).toEqual({ ratio: 0, words: 'weak' });
  });
});

describe('isFillerWord', () => {
  it('drops words that say nothing about a passage, keeps content words', () => {
    for (const w of ['so', 'following', 'began', 'will', 'However', 'also'])
      expect(isFillerWord(w), w).toBe(true);
    for (const w of ['railway', 'Soviet', 'Pyongyang', 'trade', 'Russia’s'])
      expect(isFillerWord(w), w).toBe(false);
  });
});
