import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldCodePoint, normalize, normalizeText } from '../../../sources/search/normalize.ts';
import { scaled } from '../../slowdown.ts';

// One row per variant class the search issue names: [what, printed, typed].
const VARIANTS: readonly (readonly [string, string, string])[] = [
  ['case', 'KOTRA Pyongyang', 'kotra pyongyang'],
  ['diacritics (precomposed)', 'P’yŏngyang café', 'p’yongyang cafe'],
  ['diacritics (decomposed)', 'P’yo\u0306ngyang', "p'yongyang"],
  ['curly apostrophe', 'Russia’s', "Russia's"],
  ['modifier-letter apostrophe', 'Stroitelʼnaiia', "Stroitel'naiia"],
  ['curly double quotes', '“common house”', '"common house"'],
  ['guillemets', '«friendship»', '"friendship"'],
  ['non-breaking space', 'Kim\u00A0Il\u00A0Sung', 'Kim Il Sung'],
  ['narrow no-break space', '9\u202F301', '9 301'],
  ['en dash', '1950–1953', '1950-1953'],
  ['em dash', 'Russia—unlike', 'Russia-unlike'],
  ['non-breaking hyphen', 'Kim Il\u2011sung', 'Kim Il-sung'],
  ['minus sign', '\u22122', '-2'],
  ['soft hyphen', 'infra\u00ADstructure', 'infrastructure'],
  ['zero-width space', 'Korea\u200Bn', 'Korean'],
  ['ligature', 'ﬁelds', 'fields'],
  ['full-width letters', 'ＵＳＳＲ', 'ussr'],
  ['tab and newline', 'North\tKorea\nnow', 'north korea now'],
];

describe('normalize', () => {
  it.each(VARIANTS)('folds %s', (_what, printed, typed) => {
    expect(normalize(printed)).toBe(normalize(typed));
  });

  it('lower-cases Cyrillic and keeps Hangul syllables whole', () => {
    expect(normalize('Толарая')).toBe('толарая');
    expect(normalize('북한 서울')).toBe('북한 서울');
  });

  it('is idempotent', () => {
    for (const [, printed] of VARIANTS)
      expect(normalize(normalize(printed))).toBe(normalize(printed));
  });

  it(
    'is idempotent on any string, so a normalized query tokenizes like the text',
    () => {
      expect(normalize('İstanbul')).toBe('istanbul');
      // Every code point of the Basic Multilingual Plane on its own...
      const bad: string[] = [];
      for (let code = 0; code < 0x10000; code++) {
        if (code >= 0xd800 && code <= 0xdfff) continue;
        const once = normalize(String.fromCharCode(code));
        if (normalize(once) !== once) bad.push(code.toString(16));
      }
      expect(bad).toEqual([]);
      // ...and in arbitrary sequences (combining marks after any base, astral planes).
      fc.assert(
        fc.property(
          fc.string({ unit: 'binary', maxLength: 20 }),
          (s) => normalize(normalize(s)) === normalize(s),
        ),
        { numRuns: 300 },
      );
    },
    scaled(30_000),
  );

  it('maps every normalized character back to the original code point it came from', () => {
    const original = 'ﬁne P’yŏngyang 𝐀!';
    const { text, from, to } = normalizeText(original);
    expect(text).toBe("fine p'yongyang a!");
    expect(from).toHaveLength(text.length);
    // The two characters of the ligature both come from the ligature.
    expect(original.slice(from[0], to[0])).toBe('ﬁ');
    expect(original.slice(from[1], to[1])).toBe('ﬁ');
    // ŏ → o points at ŏ; the astral 𝐀 (two UTF-16 units) maps as one.
    const o = text.indexOf('yong') + 1;
    expect(original.slice(from[o], to[o])).toBe('ŏ');
    expect(original.slice(from[text.length - 2], to[text.length - 2])).toBe('𝐀');
  });

  it('keeps offsets monotonic', () => {
    const { from, to } = normalizeText('Kim\u00A0Il‑sung’s “house” — ﬁ ŏ\u0306');
    for (let i = 1; i < from.length; i++) expect(from[i]!).toBeGreaterThanOrEqual(from[i - 1]!);
    for (let i = 0; i < from.length; i++) expect(to[i]!).toBeGreaterThan(from[i]!);
  });

  describe('when it fails', () => {
    it('returns empty text for empty input', () => {
      expect(normalizeText('')).toEqual({ text: '', from: [], to: [] });
    });

    it('passes a lone surrogate through instead of throwing', () => {
      expect(normalize('a\uD800b')).toBe('a\uD800b');
      expect(foldCodePoint('\uDC00')).toBe('\uDC00');
    });

    it('drops standalone combining marks with no base', () => {
      expect(normalize('\u0301\u0306')).toBe('');
    });
  });
});
