import { describe, expect, it, vi } from 'vitest';
import { parseStored, saveAnnotations } from '../../../annotations/storage/annotation-storage.ts';
import { ANNOTATIONS_KEY, DIGEST_KEY } from '../../../annotations/storage/envelope.ts';
import type { AnnotationSet } from '../../../annotations/storage/merge.ts';
import { memoryStorage } from '../../../annotations/storage/memory-storage.ts';
import { readTrustedSet } from '../../../annotations/storage/read-trusted-set.ts';
import { digestRecord } from '../../../annotations/storage/stored-digest.ts';
import { AnnotationSchema } from '../../../annotations/model/annotation.ts';
import { annotation } from './helpers.ts';

const NOW = new Date('2026-02-01T12:00:00.000Z');
const noPause = (): Promise<void> => Promise.resolve();

/** Notes that a scan for record boundaries could trip on: quotes, escapes, brackets, commas, the envelope's own keys. */
const TRICKY = [
  'He said "no", then {left}.',
  'A backslash \\ and an escaped quote \\" and [brackets], commas,,',
  'Looks like the envelope: ,"annotations":[{"id":1}],"deleted":{"x":"y"}}',
  'Ends with a backslash \\',
  'Кириллица и 한국어, ] } ,',
];

/** `n` annotations with tricky notes, and a few tombstones. */
function trickySet(n: number): AnnotationSet {
  return {
    annotations: Array.from({ length: n }, (_, i) =>
      annotation(i + 1, '2026-01-01T00:00:00.000Z', { note: `${TRICKY[i % TRICKY.length]} #${i}` }),
    ),
    deleted: { 'urn:uuid:00000000-0000-4000-8000-999999999999': '2026-01-02T00:00:00.000Z' },
    revision: 7,
  };
}

/** What `saveAnnotations` leaves: the stored string and its digest. */
function saved(set: AnnotationSet): { raw: string; digest: string } {
  const port = memoryStorage();
  expect(saveAnnotations(port, set, NOW)).toEqual({ ok: true });
  return { raw: port.get(ANNOTATIONS_KEY)!, digest: port.get(DIGEST_KEY)! };
}

describe('readTrustedSet', () => {
  it('reads what saveAnnotations wrote exactly as parseStored does, in runs, validating no record', async () => {
    for (const n of [0, 1, 2, 600]) {
      const { raw, digest } = saved(trickySet(n));
      if (n === 600) expect(raw.length).toBeGreaterThan(3 * 64 * 1024); // several runs
      const check = vi.spyOn(AnnotationSchema, 'safeParse');
      const trusted = await readTrustedSet(raw, digest, noPause);
      expect(check).not.toHaveBeenCalled();
      check.mockRestore();
      expect(trusted, `${n} annotations`).toEqual(parseStored(raw));
      expect(trusted!.set.annotations).toEqual(trickySet(n).annotations);
      expect(trusted!.set.deleted).toEqual(trickySet(n).deleted);
      expect(trusted!.set.revision).toBe(7);
    }
  });

  it('finds where a record ends when a string holds the text between two records', async () => {
    // A note or tag ending in `},{` is followed by its closing quote: `},{"`, the text that
    // separates two records, inside a record.
    const set: AnnotationSet = {
      annotations: [
        annotation(1, '2026-01-01T00:00:00.000Z', { note: '},{' }),
        annotation(2, '2026-01-01T00:00:00.000Z', { tags: ['},{', '}]'] }),
        annotation(3, '2026-01-01T00:00:00.000Z', { note: 'x},{"id":"y"},{' }),
        annotation(4, '2026-01-01T00:00:00.000Z', { note: '},{' }),
      ],
      deleted: { '},{': '2026-01-02T00:00:00.000Z' },
      revision: 3,
    };
    const { raw, digest } = saved(set);
    expect(raw.split('},{"').length).toBeGreaterThan(set.annotations.length);
    const trusted = await readTrustedSet(raw, digest, noPause);
    expect(trusted).toEqual(parseStored(raw));
    expect(trusted!.set.annotations).toEqual(set.annotations);
  });

  it('pauses between slices of work', async () => {
    const { raw, digest } = saved(trickySet(3000));
    let pauses = 0;
    const result = await readTrustedSet(raw, digest, async () => void pauses++);
    expect(result?.set.annotations).toHaveLength(3000);
    expect(pauses).toBeGreaterThan(0);
  });

  describe('when the string is not the one the app wrote', () => {
    it('gives null for a missing digest or a string changed by one character (the caller validates)', async () => {
      const { raw, digest } = saved(trickySet(5));
      expect(await readTrustedSet(raw, null, noPause)).toBeNull();
      const changed = raw.replace('"color":"yellow"', '"color":"yellox"');
      expect(await readTrustedSet(changed, digest, noPause)).toBeNull();
    });

    it('validates a matching string that is not laid out as saveAnnotations writes it', async () => {
      // A digest made by hand for data that is not an envelope of this version.
      const odd = JSON.stringify({ annotations: [{ id: 1 }] });
      const result = await readTrustedSet(odd, digestRecord(odd), noPause);
      expect(result?.problem?.kind).toBe('not-ours');
    });
  });
});
