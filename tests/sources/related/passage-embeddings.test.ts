import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinEditions } from '../../../sources/builtin.ts';
import { NUMBERED_ROLES, type Edition } from '../../../sources/edition.ts';
import {
  ENCODER_FUSION,
  SIF_FUSION,
  PassageEmbeddingsError,
  buildRelatedIndex,
  decodePassageEmbeddings,
  decodeWordVectors,
  related,
  textHash,
} from '../../../sources/related/index.ts';

const read = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../../sources/related/vectors/${name}`, import.meta.url), 'utf8'),
  );
const file = read('text-passage-embeddings.json');
const embeddings = decodePassageEmbeddings(file);
const vectors = decodeWordVectors(read('text-vectors.json'));
const editions = builtinEditions();
const WC = 'winstanley-chesters-2015';
const LANKOV = 'lankov-2007';
const addresses = (hits: readonly { address: string }[]) => hits.map((h) => h.address);

describe('sentence-encoder embeddings of the built-in texts', () => {
  it('carry provenance and licence, and are in step with every numbered paragraph', () => {
    expect(file.provenance).toMatch(/model-embeddings-en@0\.2\.0.*Apache License 2\.0/);
    for (const edition of editions)
      for (const block of edition.blocks.filter((b) => NUMBERED_ROLES.has(b.role))) {
        const e = embeddings.passages.get(block.address);
        expect(e?.hash, `${block.address}: re-run scripts/encode-passages.ts`).toBe(
          textHash(block.text),
        );
        expect(e!.sentences).toHaveLength(block.sentences.length);
        expect(e!.paragraph.reduce((s, x) => s + x * x, 0)).toBeCloseTo(1, 5);
      }
  });

  it('when it fails: a file of the wrong shape or size is refused by name', () => {
    expect(() => decodePassageEmbeddings({ format: 'x' })).toThrow(PassageEmbeddingsError);
    expect(() => decodePassageEmbeddings({ ...file, vectors: 'AAAA' })).toThrow(/bytes for/);
  });
});

describe('related with the encoder signals (ENCODER_FUSION, measured, not shipped)', () => {
  const index = buildRelatedIndex(editions, { vectors, embeddings });
  const sifOnly = buildRelatedIndex(editions, { vectors });

  it('ranks every paragraph of the other text, and not as the SIF fusion does', () => {
    const hits = related(index, `${WC}:9`, { k: Infinity, within: LANKOV, fusion: ENCODER_FUSION });
    expect(hits).toHaveLength(39);
    expect(addresses(hits)).not.toEqual(
      addresses(related(sifOnly, `${WC}:9`, { k: Infinity, within: LANKOV, fusion: SIF_FUSION })),
    );
    // A sentence and a range of paragraphs are encoded queries too.
    expect(related(index, `${WC}:9.1`, { k: 3, fusion: ENCODER_FUSION })).toHaveLength(3);
    expect(related(index, `${WC}:8-9`, { k: 3, fusion: ENCODER_FUSION })).toHaveLength(3);
  });

  it('without encoder embeddings for the query (a selection), falls back to the SIF signals', () => {
    const query = { source: WC, text: 'help and assistance from the donor' };
    expect(addresses(related(index, query, { k: Infinity, fusion: ENCODER_FUSION }))).toEqual(
      addresses(related(sifOnly, query, { k: Infinity, fusion: SIF_FUSION })),
    );
  });

  it('ignores stale embeddings: an edited paragraph leaves its source unencoded', () => {
    const edited: Edition[] = editions.map((e) =>
      e.id !== LANKOV
        ? e
        : {
            ...e,
            blocks: e.blocks.map((b) => (b.n === 6 ? { ...b, text: `${b.text} (edited)` } : b)),
          },
    );
    const stale = buildRelatedIndex(edited, { vectors, embeddings });
    const fresh = buildRelatedIndex(edited, { vectors });
    expect(
      addresses(related(stale, `${WC}:9`, { k: Infinity, within: LANKOV, fusion: ENCODER_FUSION })),
    ).toEqual(
      addresses(related(fresh, `${WC}:9`, { k: Infinity, within: LANKOV, fusion: SIF_FUSION })),
    );
  });
});
