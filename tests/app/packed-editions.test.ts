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
    expect(packed[1].blocks[10].sentences[0]).toEqual({
      start: editions[1]!.blocks[10]!.sentences[0]!.start,
      end: editions[1]!.blocks[10]!.sentences[0]!.end,
    });
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
