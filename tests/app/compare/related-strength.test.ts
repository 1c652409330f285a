import { describe, expect, it } from 'vitest';
import { relatedStrength } from '../../../app/compare/related-strength.ts';

describe('relatedStrength', () => {
  it('falls with the score, relative to the best of the list', () => {
    const words = [12, 9, 6, 3].map((s) => relatedStrength(s, 12).words);
    expect(words).toEqual(['strong', 'strong', 'moderate', 'weak']);
    expect(relatedStrength(12, 12).ratio).toBe(1);
    expect(relatedStrength(0, 0)).toEqual({ ratio: 0, words: 'weak' });
  });
});
