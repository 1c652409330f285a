import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeWordVectors, sifEmbedding, sifWeight } from '../../../sources/related/index.ts';
import { dotOf, firstComponent, removeComponent } from '../../../sources/related/sif.ts';

const vectors = decodeWordVectors(
  JSON.parse(
    readFileSync(
      new URL('../../../sources/related/vectors/text-vectors.json', import.meta.url),
      'utf8',
    ),
  ),
);

describe('SIF weights', () => {
  it('fall with a word’s corpus frequency: the < russia < palpable', () => {
    const weights = ['the', 'russia', 'palpable'].map((w) => sifWeight(w, vectors));
    expect(weights[0]).toBeLessThan(weights[1]!);
    expect(weights[1]).toBeLessThan(weights[2]!);
    for (const w of weights) expect(w).toBeGreaterThan(0);
    for (const w of weights) expect(w).toBeLessThanOrEqual(1);
  });

  it('count a word without a rank as rare', () => {
    expect(sifWeight('zzzunranked', vectors)).toBe(1);
  });
});

describe('SIF embeddings', () => {
  it('make a sentence nearer one about the same matter than one about another', () => {
    const embed = (text: string) => removeComponent(sifEmbedding(text.split(' '), vectors)!, null);
    const aid = embed('soviet aid shipments economy');
    expect(dotOf(aid, embed('support economic assistance'))).toBeGreaterThan(
      dotOf(aid, embed('railway trains stations')),
    );
  });

  it('remove the common component: what is left is orthogonal to it, and of unit length', () => {
    const vs = ['aid', 'donor', 'railway', 'pipeline', 'soviet'].map((w) =>
      sifEmbedding([w, 'the', 'russia'], vectors)!,
    );
    const u = firstComponent(vs)!;
    expect(dotOf(u, u)).toBeCloseTo(1, 5);
    expect(firstComponent(vs)).toEqual(u);
    for (const v of vs) {
      const r = removeComponent(v, u);
      expect(dotOf(r, u)).toBeCloseTo(0, 5);
      expect(dotOf(r, r)).toBeCloseTo(1, 5);
    }
  });

  describe('when it fails', () => {
    it('gives null for words without vectors, and no component for no vectors', () => {
      expect(sifEmbedding(['zzzq', 'xxyz'], vectors)).toBeNull();
      expect(sifEmbedding([], vectors)).toBeNull();
      expect(firstComponent([])).toBeNull();
    });
  });
});
