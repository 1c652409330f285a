import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  backupKey,
  listBackups,
  loadAnnotations,
  parseStored,
  QUOTA_MESSAGE,
  saveAnnotations,
} from '../../../annotations/storage/annotation-storage.ts';
import {
  ANNOTATIONS_KEY,
  BACKUP_PREFIX,
  DIGEST_KEY,
  STORAGE_VERSION,
} from '../../../annotations/storage/envelope.ts';
import { digestRecord } from '../../../annotations/storage/stored-digest.ts';
import { AnnotationSchema } from '../../../annotations/model/annotation.ts';
import { EMPTY_SET, mergeSets, type AnnotationSet } from '../../../annotations/storage/merge.ts';
import { memoryArea, memoryStorage } from '../../../annotations/storage/memory-storage.ts';
import { MIGRATIONS } from '../../../annotations/storage/migrations.ts';
import { quotaExceededError } from '../../../annotations/storage/quota.ts';
import type { StoragePort } from '../../../annotations/storage/storage-port.ts';
import { annotation, edited } from './helpers.ts';
import { scaled } from '../../slowdown.ts';

const NOW = new Date('2026-02-01T12:00:00.000Z');
const fixture = (version: number): string =>
  readFileSync(new URL(`./fixtures/v${version}.json`, import.meta.url), 'utf8');
const set = (n: number): AnnotationSet => ({
  annotations: Array.from({ length: n }, (_, i) => annotation(i + 1)),
  deleted: {},
  revision: 1,
});

describe('the digest of the string it wrote', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** A port holding `set(n)` as `saveAnnotations` left it: the data, then its digest. */
  const saved = (n: number): { port: StoragePort; raw: string } => {
    const port = memoryStorage();
    expect(saveAnnotations(port, set(n), NOW)).toEqual({ ok: true });
    return { port, raw: port.get(ANNOTATIONS_KEY)! };
  };

  it('skips validating the records of the string it wrote itself (the digest matches)', () => {
    const { port } = saved(3);
    const check = vi.spyOn(AnnotationSchema, 'safeParse');
    const loaded = loadAnnotations(port, NOW);
    expect(check).not.toHaveBeenCalled();
    expect(loaded.set.annotations).toEqual(set(3).annotations);
    expect(loaded).toMatchObject({ problem: null, backupKey: null, writable: true });
  });

  it('takes a matching string as it is: a record the schema would refuse is not checked', () => {
    // Only this app's own writes have a matching digest, and they were checked on the way
    // in; this shows that the shortcut really skips the check (a digest made by hand).
    const port = memoryStorage();
    const raw = saved(2).raw.replace('"color":"yellow"', '"color":"yellox"');
    port.set(ANNOTATIONS_KEY, raw);
    port.set(DIGEST_KEY, digestRecord(raw));
    const loaded = loadAnnotations(port, NOW);
    expect(loaded.problem).toBeNull();
    expect(loaded.set.annotations.map((a) => a.color)).toEqual(['yellox', 'yellow']);
  });

  it('validates a string changed by one character, and refuses its bad record', () => {
    const { port, raw } = saved(3);
    const changed = raw.replace('"color":"yellow"', '"color":"yellox"');
    expect(changed.length).toBe(raw.length);
    port.set(ANNOTATIONS_KEY, changed);
    const check = vi.spyOn(AnnotationSchema, 'safeParse');
    const loaded = loadAnnotations(port, NOW);
    expect(check).toHaveBeenCalledTimes(3);
    expect(loaded.problem?.kind).toBe('invalid-records');
    expect(loaded.invalid).toEqual([
      expect.objectContaining({ index: 0, id: set(3).annotations[0]!.id }),
    ]);
    expect(loaded.invalid[0]!.message).toMatch(/^color/);
    expect(loaded.set.annotations).toEqual(set(3).annotations.slice(1));
    // The unreadable string is kept, as for any damage.
    expect(port.get(loaded.backupKey!)).toBe(changed);
  });

  it('validates when there is no digest', () => {
    const { port, raw } = saved(3);
    port.remove(DIGEST_KEY);
    const check = vi.spyOn(AnnotationSchema, 'safeParse');
    expect(loadAnnotations(port, NOW).problem).toBeNull();
    expect(check).toHaveBeenCalledTimes(3);
    // The same bad record as above, with no digest: refused.
    port.set(ANNOTATIONS_KEY, raw.replace('"color":"yellow"', '"color":"yellox"'));
    const loaded = loadAnnotations(port, NOW);
    expect(loaded.problem?.kind).toBe('invalid-records');
    expect(loaded.set.annotations).toHaveLength(2);
  });

  it('validates under a digest of another validation epoch or data version', () => {
    const { port } = saved(2);
    const record = port.get(DIGEST_KEY)!;
    for (const other of [record.replace(/ e\d+ /, ' e0 '), record.replace(/ v\d+ /, ' v0 ')]) {
      expect(other).not.toBe(record);
      port.set(DIGEST_KEY, other);
      const check = vi.spyOn(AnnotationSchema, 'safeParse');
      expect(loadAnnotations(port, NOW).problem).toBeNull();
      expect(check).toHaveBeenCalledTimes(2);
      check.mockRestore();
    }
  });

  it('saves the data even when the digest cannot be written, and then validates the next load', () => {
    const inner = memoryStorage();
    saveAnnotations(inner, set(1), NOW);
    // A storage that takes the data but refuses the digest (full by then).
    const port: StoragePort = {
      ...inner,
      set(key, value) {
        if (key === DIGEST_KEY) throw quotaExceededError();
        inner.set(key, value);
      },
    };
    expect(saveAnnotations(port, set(2), NOW)).toEqual({ ok: true });
    expect(port.keys()).toEqual([ANNOTATIONS_KEY]); // the stale digest went
    const check = vi.spyOn(AnnotationSchema, 'safeParse');
    expect(loadAnnotations(port, NOW).set.annotations).toEqual(set(2).annotations);
    expect(check).toHaveBeenCalledTimes(2);
  });

  it('a failed data write leaves the previous data and its digest, which still match', () => {
    const area = memoryArea();
    const port = memoryStorage(area);
    saveAnnotations(port, set(1), NOW);
    const before = { raw: port.get(ANNOTATIONS_KEY), digest: port.get(DIGEST_KEY) };
    area.quota = 10;
    expect(saveAnnotations(port, set(5), NOW)).toMatchObject({ ok: false, reason: 'quota' });
    expect({ raw: port.get(ANNOTATIONS_KEY), digest: port.get(DIGEST_KEY) }).toEqual(before);
    expect(loadAnnotations(port, NOW).set.annotations).toEqual(set(1).annotations);
  });
});

describe('saveAnnotations and loadAnnotations', () => {
  it('round-trips a set in one key, in an envelope, with the digest of what it wrote beside it', () => {
    const port = memoryStorage();
    expect(saveAnnotations(port, set(3), NOW)).toEqual({ ok: true });
    expect(port.keys()).toEqual([ANNOTATIONS_KEY, DIGEST_KEY]);
    expect(port.get(DIGEST_KEY)).toBe(digestRecord(port.get(ANNOTATIONS_KEY)!));
    expect(JSON.parse(port.get(ANNOTATIONS_KEY)!)).toMatchObject({
      type: 'diptych/annotations',
      version: STORAGE_VERSION,
      source: 'diptych',
      revision: 1,
      savedAt: NOW.toISOString(),
    });
    const loaded = loadAnnotations(port, NOW);
    expect(loaded.set.annotations).toEqual(set(3).annotations);
    expect(loaded).toMatchObject({ problem: null, backupKey: null, writable: true, message: null });
  });

  it('loads nothing, without complaint, from an empty storage', () => {
    expect(loadAnnotations(memoryStorage(), NOW)).toMatchObject({
      set: { annotations: [] },
      problem: null,
      writable: true,
    });
  });

  it('applies tombstones on load', () => {
    const s = set(2);
    const port = memoryStorage();
    saveAnnotations(
      port,
      { ...s, deleted: { [s.annotations[0]!.id]: '2026-01-05T00:00:00.000Z' } },
      NOW,
    );
    expect(loadAnnotations(port, NOW).set.annotations.map((a) => a.id)).toEqual([
      s.annotations[1]!.id,
    ]);
  });

  it('merges a stored set only if it has duplicate ids or annotations under a tombstone, in any order', () => {
    // The reference: what `isNormal` checks, with a set of the ids (it takes a shortcut for sets
    // sorted by id, as every save writes them).
    const normal = (s: AnnotationSet): boolean =>
      new Set(s.annotations.map((a) => a.id)).size === s.annotations.length &&
      s.annotations.every(
        (a) => !(a.id in s.deleted) || Date.parse(s.deleted[a.id]!) < Date.parse(a.modified),
      );
    const day = (d: number): string => `2026-01-0${d}T00:00:00.000Z`;
    const record = fc
      .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 }))
      .map(([n, d]) => edited(annotation(n), day(d)));
    const stored = fc.record({
      annotations: fc.array(record, { maxLength: 8 }),
      deleted: fc.dictionary(
        fc.integer({ min: 1, max: 8 }).map((n) => annotation(n).id as string),
        fc.integer({ min: 1, max: 5 }).map(day),
      ),
      sort: fc.boolean(),
    });
    fc.assert(
      fc.property(stored, ({ annotations, deleted, sort }) => {
        const list = sort
          ? [...annotations].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
          : annotations;
        const given: AnnotationSet = { annotations: list, deleted, revision: 1 };
        const expected = normal(given) ? list : mergeSets(EMPTY_SET, given).annotations;
        const port = memoryStorage();
        expect(saveAnnotations(port, given, NOW)).toEqual({ ok: true });
        const raw = port.get(ANNOTATIONS_KEY)!;
        expect(loadAnnotations(port, NOW).set.annotations).toEqual(expected); // digest matches
        expect(parseStored(raw).set.annotations).toEqual(expected); // every record validated
      }),
    );
  });

  describe('when saving fails', () => {
    it('leaves the previous value intact and says the storage is full, in plain words', () => {
      const area = memoryArea();
      const port = memoryStorage(area);
      saveAnnotations(port, set(1), NOW);
      const before = port.get(ANNOTATIONS_KEY);
      area.quota = before!.length + ANNOTATIONS_KEY.length + 10;
      const result = saveAnnotations(port, set(5), NOW);
      expect(result).toEqual({ ok: false, reason: 'quota', message: QUOTA_MESSAGE });
      expect(QUOTA_MESSAGE).toMatch(
        /storage is full; nothing was lost — the last change was not saved\. Export/,
      );
      expect(port.get(ANNOTATIONS_KEY)).toBe(before);
    });

    it('reports any other write failure too', () => {
      const port: StoragePort = {
        ...memoryStorage(),
        set() {
          throw new Error('disk on fire');
        },
      };
      expect(saveAnnotations(port, set(1), NOW)).toMatchObject({
        ok: false,
        reason: 'error',
        message: expect.stringContaining('disk on fire'),
      });
    });
  });

  describe('when stored data is unreadable', () => {
    const valid = JSON.parse(fixture(1)) as { annotations: unknown[] };
    const withBadRecord = JSON.stringify({
      ...valid,
      annotations: [...valid.annotations, { id: 'urn:x:1', note: 5 }],
    });
    const cases: [string, string, string][] = [
      ['not JSON', '{"type": "diptych/annot', 'unparsable'],
      ['JSON but not ours', '[1, 2, 3]', 'not-ours'],
      ['someone else’s object', '{"type": "excalidraw", "elements": []}', 'not-ours'],
      [
        'from a newer Diptych',
        JSON.stringify({ ...valid, version: STORAGE_VERSION + 1 }),
        'unsupported-version',
      ],
      ['a damaged envelope', JSON.stringify({ ...valid, annotations: 'lots' }), 'wrong-shape'],
      ['an envelope with extra fields', JSON.stringify({ ...valid, extra: true }), 'wrong-shape'],
      ['one invalid record among valid ones', withBadRecord, 'invalid-records'],
    ];
    it.each(cases)(
      '%s: backs it up first, keeps it, reports it, and still opens',
      (_name, raw, kind) => {
        const port = memoryStorage();
        port.set(ANNOTATIONS_KEY, raw);
        const loaded = loadAnnotations(port, NOW);
        expect(loaded.problem?.kind).toBe(kind);
        expect(loaded.backupKey).toBe(`${BACKUP_PREFIX}${NOW.toISOString()}`);
        expect(port.get(loaded.backupKey!)).toBe(raw);
        expect(port.get(ANNOTATIONS_KEY)).toBe(raw);
        expect(loaded.writable).toBe(kind !== 'unsupported-version');
        expect(loaded.message).toContain(loaded.backupKey!);
        expect(listBackups(port)).toEqual([loaded.backupKey]);
      },
    );

    it('keeps the valid records when only some are invalid, and names the bad one', () => {
      const port = memoryStorage();
      port.set(ANNOTATIONS_KEY, withBadRecord);
      const loaded = loadAnnotations(port, NOW);
      expect(loaded.set.annotations).toHaveLength(2);
      expect(loaded.invalid).toEqual([{ index: 2, id: 'urn:x:1', message: expect.any(String) }]);
      expect(loaded.message).toMatch(
        /1 of 3 stored annotations could not be read \(the first, #3: /,
      );
    });

    it('refuses to save over unreadable data it could not back up', () => {
      const area = memoryArea();
      const port = memoryStorage(area);
      port.set(ANNOTATIONS_KEY, 'garbage');
      area.quota = 30;
      const loaded = loadAnnotations(port, NOW);
      expect(loaded).toMatchObject({ backupKey: null, writable: false });
      expect(loaded.message).toMatch(/could not make a backup copy.*will not save/);
      expect(port.get(ANNOTATIONS_KEY)).toBe('garbage');
    });

    it('never reuses a backup key', () => {
      const key = `${BACKUP_PREFIX}${NOW.toISOString()}`;
      expect(backupKey(NOW, [key, `${key}-2`])).toBe(`${key}-3`);
    });
  });

  describe('migrations', () => {
    it('has a fixture for every stored version, and each loads cleanly', () => {
      for (let v = 1; v <= STORAGE_VERSION; v++) {
        const parsed = parseStored(fixture(v));
        expect(parsed.problem, `v${v}`).toBeNull();
        expect(parsed.set.annotations.length, `v${v}`).toBeGreaterThan(0);
      }
    });
    it('has a migration step from every older version', () => {
      for (let v = 1; v < STORAGE_VERSION; v++)
        expect(
          MIGRATIONS.some((m) => m.from === v),
          `from v${v}`,
        ).toBe(true);
    });
    it('reads the current fixture exactly', () => {
      const parsed = parseStored(fixture(STORAGE_VERSION));
      expect(parsed.set.revision).toBe(7);
      expect(parsed.set.annotations.map((a) => a.motivation)).toEqual([
        'commenting',
        'highlighting',
      ]);
      expect(Object.keys(parsed.set.deleted)).toHaveLength(1);
    });
  });

  describe('properties', { timeout: scaled(30_000) }, () => {
    it('parseStored never throws on arbitrary strings and is deterministic', () => {
      const valid = fixture(1);
      const mutated = fc
        .tuple(fc.nat(valid.length), fc.nat(40), fc.string({ maxLength: 20 }))
        .map(([at, cut, insert]) => valid.slice(0, at) + insert + valid.slice(at + cut));
      fc.assert(
        fc.property(fc.oneof(fc.string(), fc.json(), mutated), (raw) => {
          const a = parseStored(raw);
          expect(parseStored(raw)).toEqual(a);
          expect(Array.isArray(a.set.annotations)).toBe(true);
        }),
        { numRuns: 500 },
      );
    });
    it('loadAnnotations never throws, and never loses the stored string', () => {
      fc.assert(
        fc.property(fc.string(), (raw) => {
          const port = memoryStorage();
          port.set(ANNOTATIONS_KEY, raw);
          const loaded = loadAnnotations(port, NOW);
          expect(port.get(ANNOTATIONS_KEY)).toBe(raw);
          if (loaded.problem) expect(port.get(loaded.backupKey!)).toBe(raw);
        }),
        { numRuns: 300 },
      );
    });
  });
});
