import { describe, expect, it } from 'vitest';
import { snippet } from '../../../sources/search/snippet.ts';

describe('snippet', () => {
  const text = 'one two three four five six seven eight nine ten eleven twelve';

  it('returns the whole text when it is short', () => {
    const s = snippet(text, 14, 18, 100);
    expect(s).toEqual({
      before: 'one two three ',
      match: 'four',
      after: text.slice(18),
      clippedStart: false,
      clippedEnd: false,
    });
  });

  it('cuts at word boundaries and says where it clipped', () => {
    const start = text.indexOf('six');
    const s = snippet(text, start, start + 3, 10);
    expect(s.match).toBe('six');
    expect(s.clippedStart).toBe(true);
    expect(s.clippedEnd).toBe(true);
    expect(text).toContain(s.before + s.match + s.after);
    // No half words: each side starts and ends at a word.
    expect(s.before).toMatch(/^\S+ .*$|^\S* $/);
    expect(s.after.endsWith(' ')).toBe(false);
    expect(text.slice(0, start - s.before.length).endsWith(' ')).toBe(true);
  });

  describe('when it fails', () => {
    it('clamps offsets outside the text', () => {
      expect(snippet('abc', -5, 99)).toEqual({
        before: '',
        match: 'abc',
        after: '',
        clippedStart: false,
        clippedEnd: false,
      });
      expect(snippet('abc', 2, 1).match).toBe('');
      expect(snippet('', 0, 0).match).toBe('');
      expect(snippet('abc', Number.NaN, 2).match).toBe('ab');
    });
  });
});
