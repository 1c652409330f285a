import { describe, expect, it } from 'vitest';
import { matchPosition } from '../../../annotations/anchoring/position.ts';

const text = 'Kim Il Sung began to gradually rid himself from the Soviet control.';
const quote = { exact: 'Soviet control', prefix: 'rid himself from the ', suffix: '.' };
const at = text.indexOf('Soviet control');

describe('matchPosition', () => {
  it('accepts the stored position when the text there is the quote', () => {
    expect(matchPosition(text, { quote, position: { start: at, end: at + 14 } })).toEqual({
      start: at,
      end: at + 14,
      score: 1,
    });
  });

  it('ignores the context: a same-length edit beside the quote leaves it in place', () => {
    const edited = text.replace('himself', 'hisself');
    expect(matchPosition(edited, { quote, position: { start: at, end: at + 14 } })?.start).toBe(at);
  });

  describe('when it fails', () => {
    const cases: [string, Parameters<typeof matchPosition>[1], string][] = [
      [
        'the text there differs from the quote',
        { quote, position: { start: at - 1, end: at + 13 } },
        text,
      ],
      ['the text moved', { quote, position: { start: at, end: at + 14 } }, `An insertion. ${text}`],
      [
        'the position runs past the text',
        { quote, position: { start: at, end: text.length + 5 } },
        text,
      ],
      ['the position is empty', { quote, position: { start: at, end: at } }, text],
      ['the position is reversed', { quote, position: { start: at + 14, end: at } }, text],
      ['the position is negative', { quote, position: { start: -3, end: 11 } }, text],
      ['the position is fractional', { quote, position: { start: at + 0.5, end: at + 14 } }, text],
      ['there is no position', { quote }, text],
      ['there is no quote', { position: { start: at, end: at + 14 } }, text],
    ];
    it.each(cases)('returns null when %s', (_name, selectors, t) => {
      expect(matchPosition(t, selectors)).toBeNull();
    });
  });
});
