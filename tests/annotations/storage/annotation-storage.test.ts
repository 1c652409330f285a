import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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
  STORAGE_VERSION,
} from '../../../annotations/storage/envelope.ts';
import type { AnnotationSet } from '../../../annotations/storage/merge.ts';
import { memoryArea, memoryStorage } from '../../../annotations/storage/memory-storage.ts';
import { MIGRATIONS } from '../../../annotations/storage/migrations.ts';
import type { StoragePort } from '../../../annotations/storage/storage-port.ts';
import { annotation } from './helpers.ts';
import { scaled } from '../../slowdown.ts';

const NOW = new Date('2026-02-01T12:00:00.000Z');
const fixture = (version: number): string =>
  readFileSync(new URL(`./fixtures/v${version}.json`, import.meta.url), 'utf8');
const set = (n: number): AnnotationSet => ({
  annotations: Array.from({ length: n }, (_, i) => annotation(i + 1)),
  deleted: {},
  revision: 1,
});

describe('saveAnnotations and loadAnnotations', () => {
  it('round-trips a set in one key, in an envelope', () => {
    const port = memoryStorage();
    expect(saveAnnotations(port, set(3), NOW)).toEqual({ ok: true });
    expect(port.keys()).toEqual([ANNOTATIONS_KEY]);
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
