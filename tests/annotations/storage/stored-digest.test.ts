import fc from 'fast-check';
import murmur from 'murmurhash3js-revisited';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AnnotationSchema } from '../../../annotations/model/annotation.ts';
import { STORAGE_VERSION, StoredEnvelopeSchema } from '../../../annotations/storage/envelope.ts';
import {
  DIGEST_ALGORITHM,
  digestRecord,
  matchesDigest,
  matchesDigestInSlices,
  murmur128Utf16,
  murmur128Utf16InSlices,
  VALIDATION_EPOCH,
} from '../../../annotations/storage/stored-digest.ts';

/** The UTF-16LE bytes of `text`: what `murmur128Utf16` hashes without making them. */
function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    bytes[2 * i] = text.charCodeAt(i) & 0xff;
    bytes[2 * i + 1] = text.charCodeAt(i) >>> 8;
  }
  return bytes;
}

/** Any sequence of UTF-16 code units, lone surrogates included. */
const utf16String = fc
  .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 200 })
  .map((units) => String.fromCharCode(...units));

const noPause = (): Promise<void> => Promise.resolve();

describe('murmur128Utf16', () => {
  it('is MurmurHash3_x86_128 of the UTF-16LE bytes (as the maintained port computes it)', () => {
    // Every tail length (0–7 code units past a block), non-ASCII, a lone surrogate.
    const samples = [
      '',
      'a',
      'ab',
      'abc',
      'abcd',
      'abcde',
      'abcdef',
      'abcdefg',
      'abcdefgh',
      'abcdefghi',
      'Ленин и 김일성 — “socialist” friendship',
      '\u{1F600} \uD800 end',
      '{"type":"diptych/annotations","version":1}',
    ];
    for (const s of samples) expect(murmur128Utf16(s), s).toBe(murmur.x86.hash128(utf16le(s)));
    fc.assert(
      fc.property(utf16String, (s) => {
        expect(murmur128Utf16(s)).toBe(murmur.x86.hash128(utf16le(s)));
      }),
    );
  });

  it('gives the same digest in slices of any size as in one go', async () => {
    const text = 'Когда 김일성 met “Stalin”, {braces} and \\ backslashes. '.repeat(97);
    const whole = murmur128Utf16(text);
    for (const slice of [1, 7, 8, 9, 64, 1000, 1 << 19]) {
      const pauses: number[] = [];
      const sliced = await murmur128Utf16InSlices(
        text,
        async () => void pauses.push(1),
        slice,
        true,
      );
      expect(sliced, `slice ${slice}`).toBe(whole);
      if (slice < text.length) expect(pauses.length).toBeGreaterThan(0);
    }
  });
});

describe('digestRecord and matchesDigest', () => {
  const raw = '{"type":"diptych/annotations","version":1,"annotations":[{"note":"Ёж"}]}';

  it('names the algorithm, the data version, the validation epoch and the length', () => {
    expect(digestRecord(raw)).toBe(
      `${DIGEST_ALGORITHM} v${STORAGE_VERSION} e${VALIDATION_EPOCH} n${raw.length} ${murmur128Utf16(raw)}`,
    );
  });

  it('matches the string it was made from, and nothing else', async () => {
    const record = digestRecord(raw);
    expect(matchesDigest(raw, record)).toBe(true);
    expect(await matchesDigestInSlices(raw, record, noPause)).toBe(true);
    const others = [
      raw.replace('Ёж', 'Еж'), // one character, same length
      `${raw} `,
      raw.slice(0, -1),
    ];
    for (const other of others) {
      expect(matchesDigest(other, record)).toBe(false);
      expect(await matchesDigestInSlices(other, record, noPause)).toBe(false);
    }
    expect(matchesDigest(raw, null)).toBe(false);
    expect(matchesDigest(raw, '')).toBe(false);
    // Another epoch or data version: the same hash does not count.
    expect(matchesDigest(raw, record.replace(` e${VALIDATION_EPOCH} `, ' e0 '))).toBe(false);
    expect(matchesDigest(raw, record.replace(` v${STORAGE_VERSION} `, ' v0 '))).toBe(false);
  });

  it('changes whenever one character changes (any position, any replacement)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 300 }),
        fc.nat(),
        fc.integer({ min: 1, max: 0xffff }),
        (s, at, delta) => {
          const i = at % s.length;
          const changed =
            s.slice(0, i) +
            String.fromCharCode((s.charCodeAt(i) + delta) % 0x10000) +
            s.slice(i + 1);
          expect(matchesDigest(changed, digestRecord(s))).toBe(false);
        },
      ),
    );
  });
});

describe('VALIDATION_EPOCH', () => {
  it('is bumped when the stored schemas change (tripwire: their JSON Schema is pinned)', () => {
    const schemas = JSON.stringify([
      z.toJSONSchema(AnnotationSchema, { unrepresentable: 'any', io: 'input' }),
      z.toJSONSchema(StoredEnvelopeSchema, { unrepresentable: 'any', io: 'input' }),
    ]);
    // If this fails, `AnnotationSchema` or `StoredEnvelopeSchema` changed. If they now
    // refuse anything they accepted before, bump VALIDATION_EPOCH (stored-digest.ts) so
    // that data written under the old rules is validated again; then pin the new values.
    expect({ epoch: VALIDATION_EPOCH, schemas: murmur128Utf16(schemas) }).toEqual({
      epoch: 1,
      schemas: '1388deb06b8f9ad6756e9217535a147e',
    });
  });
});
