import { describe, expect, it } from 'vitest';
import { analyze } from '../../../sources/related/analyze.ts';

const stems = (s: string) => analyze(s).map((t) => t.stem);

describe('analyze', () => {
  it('drops English stop words and single characters', () => {
    expect(stems('The railway to the north of G.D. Korea')).toEqual(['railwai', 'north', 'korea']);
  });

  it('stems, so inflections meet', () => {
    expect(stems('railways')).toEqual(stems('railway'));
    expect(stems('cooperation')).toEqual(stems('cooperate'));
  });

  it('applies normalization and the alias table before stemming', () => {
    expect(stems('Kim Il-sung’s')).toEqual(stems('Kim Il Sung'));
    expect(stems('Tolaraya')).toEqual(stems('Toloraya'));
    expect(stems('Peking')).toEqual(stems('Beijing'));
  });

  it('keeps offsets into the original text', () => {
    const text = 'Russia’s gas pipelines';
    expect(analyze(text).map((t) => text.slice(t.start, t.end))).toEqual([
      'Russia',
      'gas',
      'pipelines',
    ]);
  });

  describe('when it fails', () => {
    it('returns nothing for text without content words', () => {
      expect(analyze('')).toEqual([]);
      expect(analyze('the of and — ?!')).toEqual([]);
    });
  });
});
