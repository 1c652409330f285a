import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALIASES, canonicalTerm } from '../../../sources/search/aliases.ts';
import { normalize } from '../../../sources/search/normalize.ts';
import { tokenize } from '../../../sources/search/tokenize.ts';

const texts = ['lankov-2007.txt', 'winstanley-chesters-2015.txt'].map((f) =>
  readFileSync(new URL(`../../../sources/texts/${f}`, import.meta.url), 'utf8'),
);
const words = new Set(texts.flatMap((t) => tokenize(t).map((x) => x.term)));
const rawWords = new Set(texts.flatMap((t) => normalize(t).split(/[^\p{L}\p{N}]+/u)));

describe('the alias table', () => {
  it.each(ALIASES.map((e) => [e.spellings.join(' / '), e] as const))(
    '%s: every spelling gives one term',
    (_, entry) => {
      const canonical = tokenize(entry.spellings[0]!).map((t) => t.term);
      expect(canonical).toHaveLength(1);
      for (const spelling of entry.spellings)
        expect(tokenize(spelling).map((t) => t.term)).toEqual(canonical);
    },
  );

  it('names only names that occur in the texts (at least one spelling each)', () => {
    for (const entry of ALIASES) {
      expect(
        entry.spellings.some((s) => rawWords.has(normalize(s))),
        entry.spellings.join('/'),
      ).toBe(true);
      expect(words.has(canonicalTerm(normalize(entry.spellings[0]!)))).toBe(true);
    }
  });

  it('holds single words, no spelling twice, and a note for each entry', () => {
    const seen = new Set<string>();
    for (const entry of ALIASES) {
      expect(entry.spellings.length).toBeGreaterThanOrEqual(2);
      expect(entry.note.length).toBeGreaterThan(20);
      for (const s of entry.spellings) {
        expect(s).toMatch(/^[\p{L}]+$/u);
        expect(seen.has(normalize(s))).toBe(false);
        seen.add(normalize(s));
      }
    }
  });

  it('does not hold what normalization already folds, nor abbreviations or translations', () => {
    const all = ALIASES.flatMap((e) => e.spellings.map(normalize));
    for (const excluded of [
      'sung',
      'il',
      'pyongyang',
      'dprk',
      'ussr',
      'soviet',
      'primorsky',
      'maritime',
      'song',
    ]) {
      expect(all).not.toContain(excluded);
    }
  });

  it('leaves words outside the table alone', () => {
    expect(canonicalTerm('song')).toBe('song');
    expect(canonicalTerm('moscow')).toBe('moscow');
  });

  it('covers the spellings the two texts actually vary', () => {
    expect(canonicalTerm('tolaraya')).toBe('toloraya');
    expect(canonicalTerm('толарая')).toBe('toloraya');
    expect(canonicalTerm('georgyi')).toBe('georgy');
    expect(canonicalTerm('peking')).toBe('beijing');
    expect(canonicalTerm('busan')).toBe('pusan');
  });

  describe('when it fails', () => {
    it('passes through what it does not know, unnormalized input included', () => {
      expect(canonicalTerm('')).toBe('');
      expect(canonicalTerm('Tolaraya')).toBe('Tolaraya');
      expect(canonicalTerm('tolaraya ')).toBe('tolaraya ');
    });
  });
});
