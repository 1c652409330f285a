import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../sources/search/tokenize.ts';

const terms = (s: string) => tokenize(s).map((t) => t.term);

describe('tokenize', () => {
  it('splits on hyphens, dashes and spaces, so hyphenated and spaced names agree', () => {
    expect(terms('Kim Il-sung')).toEqual(['kim', 'il', 'sung']);
    expect(terms('Kim Il Sung')).toEqual(['kim', 'il', 'sung']);
    expect(terms('Kim Jong‑il')).toEqual(terms('Kim Jong Il'));
    expect(terms('Sino-Soviet')).toEqual(['sino', 'soviet']);
  });

  it('drops the English possessive and inner apostrophes', () => {
    expect(terms('Russia’s borders')).toEqual(['russia', 'borders']);
    expect(terms("Russia's")).toEqual(['russia']);
    expect(terms('leaders’ needs')).toEqual(['leaders', 'needs']);
    expect(terms('P’yŏngyang')).toEqual(['pyongyang']);
    expect(terms("Stroitel'naiia")).toEqual(['stroitelnaiia']);
    expect(terms('the ’70s')).toEqual(['the', '70s']);
  });

  it('applies the alias table', () => {
    expect(terms('G.D. Tolaraya')).toEqual(['g', 'd', 'toloraya']);
    expect(terms('Толарая Г.Д.')).toEqual(['toloraya', 'г', 'д']);
  });

  it('gives offsets into the original text', () => {
    const text = '“Kim Il‑sung’s” cult';
    const tokens = tokenize(text);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Kim', 'Il', 'sung', 'cult']);
  });

  it('never yields an empty term or a term with a space', () => {
    for (const t of tokenize("' '' 's a'b — “” x\u00A0y")) {
      expect(t.term).not.toBe('');
      expect(t.term).not.toMatch(/\s/);
    }
  });

  it('keeps closed and open compounds apart (search tries both: compound-variants)', () => {
    expect(terms('pipeline')).not.toEqual(terms('pipe line'));
  });

  it('gives ordered spans inside the text, and terms without spaces, for any string', () => {
    // Spans may share a code point when its compatibility form is two words ("⅐" → "1⁄7").
    expect(tokenize('⅐').map((t) => [t.term, t.start, t.end])).toEqual([
      ['1', 0, 1],
      ['7', 0, 1],
    ]);
    const text = fc.string({
      unit: fc.constantFrom(
        'a',
        'B',
        'ŏ',
        '’',
        "'",
        's',
        ' ',
        '-',
        '\u00A0',
        'ﬁ',
        '북',
        'Т',
        '\u0301',
        '.',
      ),
      maxLength: 40,
    });
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: 'grapheme', maxLength: 40 })), (s) => {
        let last = { start: 0, end: 0 };
        for (const t of tokenize(s)) {
          expect(t.start).toBeGreaterThanOrEqual(last.start);
          expect(t.end).toBeGreaterThanOrEqual(last.end);
          expect(t.end).toBeGreaterThan(t.start);
          expect(t.end).toBeLessThanOrEqual(s.length);
          expect(t.term).toMatch(/^\S+$/u);
          last = t;
        }
      }),
      { numRuns: 300 },
    );
  });

  describe('when it fails', () => {
    it('returns no tokens for punctuation only or empty input', () => {
      expect(tokenize('')).toEqual([]);
      expect(tokenize('?! — “” ... \u00A0')).toEqual([]);
    });
  });
});
