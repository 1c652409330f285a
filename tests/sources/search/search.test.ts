import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinEditions } from '../../../sources/builtin.ts';
import type { Address, Edition, SourceId } from '../../../sources/edition.ts';
import {
  MAX_QUERY_TERMS,
  buildSearchIndex,
  groupBySource,
  parseQuery,
  search,
  type SearchHit,
} from '../../../sources/search/index.ts';

const editions = builtinEditions();
const index = buildSearchIndex(editions);
const LANKOV = 'lankov-2007';
const WC = 'winstanley-chesters-2015';

const addresses = (hits: readonly SearchHit[]) => hits.map((h) => h.address);
const highlighted = (h: SearchHit) => h.highlights.map((r) => h.text.slice(r.start, r.end));

describe('search', () => {
  it('finds a name across the two romanizations, in both texts', () => {
    const hits = search(index, 'Kim Il Sung');
    expect(new Set(hits.map((h) => h.source))).toEqual(new Set([LANKOV, WC]));
    expect(addresses(hits)).toContain(`${WC}:7.1`);
    const wc = hits.find((h) => h.source === WC)!;
    expect(highlighted(wc)).toEqual(['Kim Il-sung']);
    // Quoted, hyphenated and with a curly possessive: the same hits.
    expect(addresses(search(index, '"Kim Il-sung"'))).toEqual(addresses(hits));
    expect(addresses(search(index, '“kim il‑sung”'))).toEqual(addresses(hits));
  });

  it('finds Kim Jong Il as Kim Jong-il and the reverse', () => {
    const a = search(index, '"Kim Jong Il"');
    const b = search(index, '"Kim Jong-il"');
    expect(addresses(a)).toEqual(addresses(b));
    expect(a.some((h) => h.source === WC && h.text.includes('Kim Jong-il’s'))).toBe(true);
    expect(a.some((h) => h.source === LANKOV && h.text.includes('Kim Jong Il'))).toBe(true);
  });

  it('finds every spelling of an aliased name, footnotes and Cyrillic included', () => {
    for (const q of ['Toloraya', 'Tolaraya', 'Толарая']) {
      const hits = search(index, q);
      expect(new Set(addresses(hits))).toEqual(
        new Set([`${LANKOV}:31.1`, `${LANKOV}:n1.2`, `${LANKOV}:n7.1`]),
      );
      expect(hits.map((h) => h.snippet.match).sort()).toEqual(['Tolaraya', 'Toloraya', 'Толарая']);
    }
  });

  it('returns footnote hits with the footnote to open', () => {
    const hits = search(index, 'KOTRA');
    const note = hits.find((h) => h.kind === 'footnote');
    expect(note).toMatchObject({
      source: LANKOV,
      passage: `${LANKOV}:n4`,
      address: `${LANKOV}:n4.2`,
    });
    const body = hits.find((h) => h.kind === 'paragraph');
    expect(body?.passage).toBe(`${LANKOV}:17`);
  });

  it('cuts snippets and highlights from the original text', () => {
    for (const q of ["Russia's borders", 'common house', 'Pyongyang’s domestic', 'P’yŏngyang']) {
      const hits = search(index, q);
      expect(hits.length, q).toBeGreaterThan(0);
      for (const h of hits) {
        const edition = editions.find((e) => e.id === h.source)!;
        expect(edition.text.slice(h.start, h.end)).toBe(h.text);
        expect(h.text).toContain(h.snippet.match);
        expect(edition.text).toContain(h.snippet.before + h.snippet.match + h.snippet.after);
      }
    }
    const [first] = search(index, "russia's borders");
    expect(first?.snippet.match).toBe('Russia’s borders');
    const [house] = search(index, '"common house"');
    expect(house?.snippet.match).toBe('common house');
  });

  it('requires a quoted phrase word for word, but only all words without quotes', () => {
    const loose = addresses(search(index, 'railway project'));
    const quoted = addresses(search(index, '"railway project"'));
    expect(quoted.length).toBeGreaterThan(0);
    expect(loose.length).toBeGreaterThan(quoted.length);
    for (const a of quoted) expect(loose).toContain(a);
    expect(search(index, '"project railway"')).toEqual([]);
  });

  describe('when no sentence holds every word', () => {
    it('returns the sentences holding some of them, each saying which words it lacks', () => {
      // "subsidized trade in oil": a student's "oil subsidies" was a dead end.
      const hits = search(index, 'oil subsidies');
      expect(hits[0]).toMatchObject({ address: `${LANKOV}:10.2`, missing: ['subsidies'] });
      expect(highlighted(hits[0]!)).toEqual(['oil']);
      for (const h of hits) expect(h.missing).toHaveLength(1);
    });

    it('ranks sentences holding more of the words first, a quoted phrase counting as one', () => {
      const hits = search(index, 'sanctions railway zyzzyva', { limit: Infinity });
      expect(hits.length).toBeGreaterThan(2);
      const held = hits.map((h) => 3 - h.missing!.length);
      expect(held).toEqual([...held].sort((a, b) => b - a));
      expect(hits.every((h) => h.missing!.includes('zyzzyva'))).toBe(true);
      const phrase = search(index, '"railway project" zyzzyva');
      expect(phrase.length).toBeGreaterThan(0);
      for (const h of phrase) {
        expect(h.missing).toEqual(['zyzzyva']);
        expect(highlighted(h).join(' ').toLowerCase()).toContain('railway project');
      }
      expect(search(index, '"Soviet economy" oil')[0]!.missing).toEqual(['“soviet economy”']);
    });

    it('never answers with function words alone, nor for a single word or phrase', () => {
      expect(search(index, 'the zyzzyva')).toEqual([]);
      expect(search(index, 'of the zyzzyva')).toEqual([]);
      expect(search(index, 'zyzzyva')).toEqual([]);
      expect(search(index, '"project railway"')).toEqual([]);
    });

    it('leaves hits with every word as they were: no partial ones beside them', () => {
      const hits = search(index, 'railway project', { limit: Infinity });
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.every((h) => h.missing === undefined)).toBe(true);
    });
  });

  it('ranks sentences with the words in the order typed above those without', () => {
    const hits = search(index, 'railway project', { limit: 100 });
    const ordered = hits.filter((h) => /railway project/.test(h.text));
    const scattered = hits.filter((h) => !/railway project/.test(h.text));
    expect(ordered.length).toBeGreaterThan(0);
    expect(scattered.length).toBeGreaterThan(0);
    expect(Math.min(...ordered.map((h) => h.score))).toBeGreaterThan(
      Math.max(...scattered.map((h) => h.score)),
    );
  });

  it('matches the last word as a prefix, unless it closes a quoted phrase', () => {
    expect(search(index, 'Sovi').length).toBeGreaterThan(0);
    expect(search(index, '"Sovi"')).toEqual([]);
    expect(search(index, 'Soviet').some((h) => /Soviets/.test(h.snippet.match))).toBe(true);
    // Too short to be a prefix: "So" is only the word "so".
    expect(search(index, 'so').every((h) => h.snippet.match.toLowerCase() === 'so')).toBe(true);
  });

  it('matches closed and open compounds the texts use either way', () => {
    // Lankov writes both "pipe line" and "pipeline".
    const closed = search(index, 'pipeline');
    expect(closed.map((h) => h.snippet.match)).toEqual(
      expect.arrayContaining(['pipe line', 'pipeline']),
    );
    expect(addresses(search(index, 'pipe line'))).toEqual(
      expect.arrayContaining(addresses(closed).filter((a) => !a.includes(':n'))),
    );
    expect(search(index, 'co-operation').map((h) => h.snippet.match.toLowerCase())).toContain(
      'cooperation',
    );
    const [kim] = search(index, 'Kim Ilsung');
    expect(kim?.snippet.match).toMatch(/^Kim Il[- ][Ss]ung$/);
    expect(search(index, 'nowhere')).toEqual([]);
  });

  it('ranks best first, ties in reading order, and respects the limit', () => {
    const hits = search(index, 'North Korea', { limit: 200 });
    for (let i = 1; i < hits.length; i++)
      expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
    expect(search(index, 'North Korea', { limit: 3 })).toEqual(hits.slice(0, 3));
    expect(search(index, 'North Korea')).toHaveLength(50);
  });

  it('leaves chrome out unless asked', () => {
    expect(search(index, 'Register now')).toEqual([]);
    const withChrome = buildSearchIndex(editions, { includeChrome: true });
    expect(search(withChrome, 'Register now').map((h) => h.kind)).toContain('chrome');
  });

  it('groups hits by source in edition order, keeping each ranking', () => {
    const hits = search(index, 'Kim Il Sung');
    const groups = groupBySource(index, hits);
    expect(groups.map((g) => g.source)).toEqual([WC, LANKOV]);
    expect(groups.flatMap((g) => g.hits)).toHaveLength(hits.length);
    expect(groups[1]!.hits).toEqual(hits.filter((h) => h.source === LANKOV));
    expect(groupBySource(index, search(index, 'KOTRA')).map((g) => g.source)).toEqual([LANKOV]);
  });

  it('indexes a block the pipeline gave no sentences as one document', () => {
    const bare: Edition = {
      id: 'bare' as SourceId,
      title: 'Bare',
      lang: 'en',
      blocks: [
        {
          address: 'bare:1' as Address,
          role: 'paragraph',
          n: 1,
          text: 'Plain words here.',
          inlines: [],
          sentences: [],
          footnoteRefs: [],
          start: 0,
          end: 17,
        },
      ],
      footnotes: [],
      text: 'Plain words here.',
      messages: [],
    };
    expect(search(buildSearchIndex([bare]), 'words')).toMatchObject([
      { address: 'bare:1', passage: 'bare:1' },
    ]);
  });

  describe('when it fails', () => {
    it('returns nothing for an empty query or one of punctuation only', () => {
      expect(search(index, '')).toEqual([]);
      expect(search(index, '   ')).toEqual([]);
      expect(search(index, '?!… — “” ’')).toEqual([]);
      expect(search(index, '""')).toEqual([]);
    });

    it('cuts a 10,000-character query and still answers', () => {
      const query = 'Kim Il Sung '.repeat(900).slice(0, 10_000);
      const parsed = parseQuery(query);
      expect(parsed.truncated).toBe(true);
      expect(parsed.clauses.flatMap((c) => c.terms).length).toBeLessThanOrEqual(MAX_QUERY_TERMS);
      expect(() => search(index, query)).not.toThrow();
      expect(search(index, 'x'.repeat(10_000))).toEqual([]);
    });

    it('treats an unclosed quote as a phrase to the end', () => {
      expect(addresses(search(index, '"Kim Il Sung'))).toEqual(
        addresses(search(index, '"Kim Il Sung"')),
      );
    });

    it('returns nothing for words that occur nowhere, and for a limit of 0', () => {
      expect(search(index, 'zyzzyva')).toEqual([]);
      expect(search(index, 'Korea', { limit: 0 })).toEqual([]);
      expect(search(index, 'Korea', { limit: Number.NaN })).toHaveLength(50);
      expect(search(index, 'Korea', { limit: -3 })).toEqual([]);
      expect(search(index, 'Korea', { limit: Infinity }).length).toBeGreaterThan(50);
    });

    it('never throws and is deterministic on arbitrary strings', () => {
      fc.assert(
        fc.property(
          fc.string({ unit: 'grapheme', maxLength: 60 }),
          fc.string({ maxLength: 30 }),
          (a, b) => {
            for (const q of [a, b, `"${a}`, `${b} Korea`]) {
              const first = search(index, q, { limit: 5 });
              expect(search(index, q, { limit: 5 })).toEqual(first);
            }
          },
        ),
        { numRuns: 200 },
      );
    });
  });
});
