import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { builtinEditions } from '../../sources/builtin.ts';
import { packEditions, unpackEditions } from '../../app/data/packed-editions.ts';

const editions = builtinEditions();

describe('packEditions / unpackEditions', () => {
  it('unpack(pack(editions)) is the pipeline output, field for field', () => {
    expect(unpackEditions(packEditions(editions))).toEqual(editions);
  });

  it('leaves out every derivable text and sentence address', () => {
    const json = JSON.stringify(packEditions(editions));
    const packed = JSON.parse(json);
    expect(packed[0]).not.toHaveProperty('text');
    expect(packed[1].blocks[10]).not.toHaveProperty('text');
    expect(packed[1].footnotes[0]).not.toHaveProperty('text');
    expect(packed[1].blocks[10].sentences.slice(0, 2)).toEqual([
      editions[1]!.blocks[10]!.sentences[0]!.start,
      editions[1]!.blocks[10]!.sentences[0]!.end,
    ]);
  });

  it('leaves out each passage’s offsets in the edition’s text where its text puts them', () => {
    const packed = JSON.parse(JSON.stringify(packEditions(editions)));
    for (const edition of packed) {
      for (const passage of [...edition.blocks, ...edition.footnotes]) {
        expect(passage).not.toHaveProperty('start');
        expect(passage).not.toHaveProperty('end');
      }
    }
  });

  it('keeps the offsets of a passage that is not where the passages before it put it', () => {
    const [first] = editions;
    const moved = {
      ...first!,
      blocks: first!.blocks.map((b, i) =>
        i === 2 ? { ...b, start: b.start + 1, end: b.end + 1 } : b,
      ),
    };
    const packed = packEditions([moved]);
    expect(packed[0]!.blocks[2]).toMatchObject({ start: moved.blocks[2]!.start });
    expect(packed[0]!.blocks[3]).not.toHaveProperty('start');
    expect(unpackEditions(packed)).toEqual([moved]);
  });

  it('is smaller than the full editions, gzipped', () => {
    const full = gzipSync(JSON.stringify(editions)).length;
    const packed = gzipSync(JSON.stringify(packEditions(editions))).length;
    expect(packed).toBeLessThan(full);
  });

  describe('when it fails', () => {
    it('a block whose text is not its inlines’ text does not survive the round trip (the build checks this)', () => {
      const [first] = editions;
      const bad = {
        ...first!,
        blocks: first!.blocks.map((b, i) => (i === 3 ? { ...b, text: b.text.toUpperCase() } : b)),
      };
      expect(unpackEditions(packEditions([bad]))).not.toEqual([bad]);
    });
  });
});
