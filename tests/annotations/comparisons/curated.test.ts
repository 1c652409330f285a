/**
 * The curated comparison set obeys issue 7's rules: enough comparisons and
 * topics, relations from the vocabulary, both texts covered from beginning to
 * end, tight quotes — and every quote anchors exactly once in its edition.
 */
import { describe, expect, it } from 'vitest';
import { anchor } from '../../../annotations/anchoring/anchor.ts';
import {
  buildCuratedComparisons,
  CURATED_LEFT,
  CURATED_RIGHT,
  CuratedQuoteError,
  occurrences,
} from '../../../annotations/comparisons/build-curated.ts';
import {
  CURATED_COMPARISONS,
  type CuratedComparison,
} from '../../../annotations/comparisons/curated.ts';
import { RELATIONS } from '../../../annotations/model/annotation.ts';
import { builtinEdition } from '../../../sources/builtin.ts';
import type { Block, Edition } from '../../../sources/edition.ts';

const left = builtinEdition(CURATED_LEFT)!;
const right = builtinEdition(CURATED_RIGHT)!;
const sides = [
  { name: 'wc', edition: left },
  { name: 'lankov', edition: right },
] as const;
const built = buildCuratedComparisons([left, right]);

/** The block holding an offset of `Edition.text`. */
const blockAt = (edition: Edition, offset: number): Block | undefined =>
  edition.blocks.find((b) => b.start <= offset && offset < b.end);

describe('the curated set', () => {
  it('has at least 15 comparisons across at least 10 topics, with unique keys', () => {
    expect(CURATED_COMPARISONS.length).toBeGreaterThanOrEqual(15);
    expect(new Set(CURATED_COMPARISONS.map((c) => c.topic)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(CURATED_COMPARISONS.map((c) => c.key)).size).toBe(CURATED_COMPARISONS.length);
  });

  it('uses only the relation vocabulary, and every relation at least once', () => {
    for (const c of CURATED_COMPARISONS) expect(RELATIONS).toContain(c.relation);
    expect(new Set(CURATED_COMPARISONS.map((c) => c.relation))).toEqual(new Set(RELATIONS));
  });

  it('keeps each topic’s comparisons together (the Compare view groups them)', () => {
    const topics = CURATED_COMPARISONS.map((c) => c.topic);
    const runs = topics.filter((t, i) => t !== topics[i - 1]);
    expect(runs).toEqual([...new Set(topics)]);
  });

  it('paraphrases are single, non-empty sentences; notes are non-empty when present', () => {
    for (const c of CURATED_COMPARISONS) {
      for (const s of [c.wc, c.lankov]) {
        expect(s.paraphrase, c.key).toMatch(/^\S.*[.”]$/);
        expect(s.paraphrase.replace(/[.”]$/, ''), c.key).not.toMatch(/[.!?]\s+[A-Z]/);
      }
      if (c.note !== undefined) expect(c.note.trim(), c.key).not.toBe('');
    }
  });

  it('speaks to the reader: no note or paraphrase tells the project’s own history', () => {
    // Shown in the Compare view and its exports: "Added in the re-reading of issue 17" meant
    // nothing to a student.
    for (const c of CURATED_COMPARISONS) {
      for (const text of [c.note ?? '', c.wc.paraphrase, c.lankov.paraphrase]) {
        expect(text, c.key).not.toMatch(/\bissue \d|re-read|re-anchored/i);
      }
    }
  });

  it('covers each text from beginning to end: quotes from its first, middle and last thirds', () => {
    for (const { name, edition } of sides) {
      const numbered = edition.blocks.filter((b) => b.n !== undefined);
      const count = numbered.length;
      const thirds = new Set<number>();
      for (const c of CURATED_COMPARISONS) {
        const at = occurrences(edition.text, c[name].quote)[0]!;
        const block = blockAt(edition, at)!;
        // Unnumbered blocks before the first paragraph (title, standfirst) belong to the beginning.
        const n = block.n ?? 0;
        thirds.add(Math.min(2, Math.floor(((Math.max(n, 1) - 1) * 3) / count)));
      }
      expect([...thirds].sort(), edition.id).toEqual([0, 1, 2]);
    }
  });

  it('quotes are tight: a sentence or a clause, never more than one sentence', () => {
    for (const c of CURATED_COMPARISONS) {
      for (const { name, edition } of sides) {
        const quote = c[name].quote;
        const at = occurrences(edition.text, quote)[0]!;
        const block = blockAt(edition, at)!;
        const s = at - block.start;
        const within = block.sentences.some((x) => x.start <= s && s + quote.length <= x.end);
        expect(within, `${c.key} ${name}: spans more than one sentence`).toBe(true);
        if (block.sentences.length > 1)
          expect(quote.length, `${c.key} ${name}`).toBeLessThan(block.text.length);
      }
    }
  });
});

describe('every quote anchors exactly once', () => {
  for (const c of CURATED_COMPARISONS) {
    for (const { name, edition } of sides) {
      it(`${c.key}: ${edition.id}`, () => {
        expect(occurrences(edition.text, c[name].quote)).toHaveLength(1);
      });
    }
  }

  it('the built selectors place each quote by position, and by quote and context alone at the same place', () => {
    for (const a of built) {
      for (const t of a.targets) {
        const edition = t.source === left.id ? left : right;
        const byPosition = anchor(edition, t.selectors);
        expect(byPosition, a.id).toMatchObject({
          placed: true,
          method: 'position',
          ...t.selectors.position,
        });
        const { quote, address } = t.selectors;
        const byQuote = anchor(edition, { quote, address });
        expect(byQuote, a.id).toMatchObject({
          placed: true,
          method: 'quote-exact',
          ...t.selectors.position,
        });
        expect(edition.text.slice(t.selectors.position.start, t.selectors.position.end)).toBe(
          quote.exact,
        );
      }
    }
  });

  it('each target’s address names the passage that holds its quote', () => {
    for (const a of built) {
      for (const t of a.targets) {
        const edition = t.source === left.id ? left : right;
        const block = blockAt(edition, t.selectors.position.start)!;
        expect(
          t.selectors.address === block.address ||
            t.selectors.address.startsWith(`${block.address}.`),
          a.id,
        ).toBe(true);
      }
    }
  });
});

describe('when it fails', () => {
  const base = CURATED_COMPARISONS[0]!;
  const variant = (patch: Partial<CuratedComparison>): CuratedComparison => ({ ...base, ...patch });

  it('a quote found nowhere is an error naming the comparison and the source', () => {
    const bad = variant({
      lankov: {
        ...base.lankov,
        quote: 'It remains marginal, since' + ' Russian interests are vast.',
      },
    });
    expect(() => buildCuratedComparisons([left, right], [bad])).toThrow(CuratedQuoteError);
    expect(() => buildCuratedComparisons([left, right], [bad])).toThrow(
      `comparison "${base.key}": the lankov-2007 quote occurs nowhere`,
    );
  });

  it('a straight apostrophe where the text has a curly one is found nowhere', () => {
    const bad = variant({ wc: { ...base.wc, quote: base.wc.quote.replace('’', "'") } });
    expect(() => buildCuratedComparisons([left, right], [bad])).toThrow(
      /winstanley-chesters-2015 quote occurs nowhere/,
    );
  });

  it('a quote found twice is an error with the count', () => {
    const bad = variant({ wc: { ...base.wc, quote: 'North Korea' } });
    expect(() => buildCuratedComparisons([left, right], [bad])).toThrow(/quote occurs \d+ times/);
  });

  it('a key used twice, or a missing edition, is an error', () => {
    expect(() => buildCuratedComparisons([left, right], [base, base])).toThrow(/used twice/);
    expect(() => buildCuratedComparisons([left])).toThrow(/needs the/);
  });
});
