import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinEditions } from '../../../sources/builtin.ts';
import {
  buildRelatedIndex,
  related,
  RelatedQueryError,
  type RelatedPassage,
} from '../../../sources/related/index.ts';
import { analyze } from '../../../sources/related/analyze.ts';

const editions = builtinEditions();
const index = buildRelatedIndex(editions);
const LANKOV = 'lankov-2007';
const WC = 'winstanley-chesters-2015';

const stemSet = (text: string) => new Set(analyze(text).map((t) => t.stem));

function expectWellFormed(results: readonly RelatedPassage[], otherSource: string) {
  for (const r of results) {
    expect(r.source).toBe(otherSource);
    expect(r.address.startsWith(`${otherSource}:`)).toBe(true);
    expect(r.address).toMatch(/:\d+$/);
    expect(r.score).toBeGreaterThan(0);
    expect(r.terms.length).toBeGreaterThan(0);
    for (const h of r.highlights) expect(r.text.slice(h.start, h.end).length).toBeGreaterThan(0);
  }
  for (let i = 1; i < results.length; i++)
    expect(results[i - 1]!.score).toBeGreaterThanOrEqual(results[i]!.score);
}

describe('related', () => {
  it('returns the five most related paragraphs of the other text, best first', () => {
    const fromWc = related(index, `${WC}:12`);
    expect(fromWc).toHaveLength(5);
    expectWellFormed(fromWc, LANKOV);
    const fromLankov = related(index, `${LANKOV}:30`);
    expect(fromLankov).toHaveLength(5);
    expectWellFormed(fromLankov, WC);
  });

  it('names only terms the two passages share, and highlights them where they occur', () => {
    const query = editions.find((e) => e.id === WC)!.blocks.find((b) => b.n === 14)!.text;
    const queryStems = stemSet(query);
    for (const r of related(index, `${WC}:14`)) {
      for (const word of r.terms) {
        const [stem] = analyze(word).map((t) => t.stem);
        expect(queryStems.has(stem!)).toBe(true);
        expect(stemSet(r.text).has(stem!)).toBe(true);
      }
      const highlighted = new Set(
        r.highlights.flatMap((h) => analyze(r.text.slice(h.start, h.end)).map((t) => t.stem)),
      );
      expect(highlighted).toEqual(new Set(r.terms.flatMap((w) => analyze(w).map((t) => t.stem))));
    }
  });

  it('applies the alias table: a selection in one romanization finds the other', () => {
    const [top] = related(index, { source: WC, text: 'Toloraya on the railway' });
    expect(top?.address).toBe(`${LANKOV}:31`);
    expect(top?.terms).toContain('Tolaraya');
    const [kim] = related(index, { source: LANKOV, text: 'Kim Il Sung' });
    expect(kim?.address).toBe(`${WC}:7`);
    expect(kim?.terms).toEqual(expect.arrayContaining(['Kim', 'Il', 'sung']));
  });

  it('ranks a paragraph sharing distinctive words above one sharing only common ones', () => {
    const results = related(
      index,
      { source: WC, text: 'gas pipeline from Sakhalin to South Korea' },
      { k: 39 },
    );
    const pipeline = results.findIndex((r) => /pipe ?line/.test(r.text));
    const plain = results.findIndex((r) => !/pipe ?line|gas/.test(r.text));
    expect(pipeline).toBe(0);
    expect(plain).toBeGreaterThan(pipeline);
  });

  it('accepts sentence, range and footnote addresses as queries', () => {
    expectWellFormed(related(index, `${LANKOV}:30.2`), WC);
    expectWellFormed(related(index, `${LANKOV}:30-31`), WC);
    expectWellFormed(related(index, `${LANKOV}:n6`), WC);
  });

  it('honours k and within, and builds its own index from editions', () => {
    expect(related(index, `${WC}:12`, { k: 2 })).toEqual(related(index, `${WC}:12`).slice(0, 2));
    expect(related(editions, `${WC}:12`)).toEqual(related(index, `${WC}:12`));
    const same = related(index, `${WC}:12`, { within: WC, k: 1 });
    expect(same[0]?.address).toBe(`${WC}:12`);
  });

  describe('when it fails', () => {
    it('names an unknown passage and what the source has', () => {
      expect(() => related(index, `${LANKOV}:99`)).toThrow(
        new RelatedQueryError(
          'unknown-passage',
          `no passage at ${LANKOV}:99: ${LANKOV} has paragraphs 1–39 and footnotes n1–n10`,
        ),
      );
      expect(() => related(index, `${LANKOV}:n11`)).toThrow(/no passage at lankov-2007:n11/);
    });

    it('names a string that is not an address, and an unknown source', () => {
      expect(() => related(index, 'paragraph twelve')).toThrow(
        /"paragraph twelve" is not a passage address/,
      );
      expect(() => related(index, 'smith-1999:3')).toThrow(
        /unknown source "smith-1999" \(known: winstanley-chesters-2015, lankov-2007\)/,
      );
      expect(() => related(index, { source: 'nope', text: 'Korea' })).toThrow(RelatedQueryError);
      expect(() => related(index, `${WC}:1`, { within: 'nope' })).toThrow(/unknown source "nope"/);
      try {
        related(index, `${LANKOV}:99`);
      } catch (error) {
        expect((error as RelatedQueryError).code).toBe('unknown-passage');
      }
    });

    it('returns nothing for a selection with no content words, or k = 0', () => {
      expect(related(index, { source: WC, text: 'the of and ?!' })).toEqual([]);
      expect(related(index, { source: WC, text: '' })).toEqual([]);
      expect(related(index, `${WC}:12`, { k: 0 })).toEqual([]);
      expect(related(index, `${WC}:12`, { k: Number.NaN })).toHaveLength(5);
      expect(related(index, `${WC}:12`, { k: Infinity }).length).toBeGreaterThan(5);
    });

    it('never throws on arbitrary selections and is deterministic', () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 200 }), (text) => {
          const first = related(index, { source: WC, text });
          expect(related(index, { source: WC, text })).toEqual(first);
          expect(first.length).toBeLessThanOrEqual(5);
        }),
        { numRuns: 100 },
      );
    });
  });
});
