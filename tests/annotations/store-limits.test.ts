/**
 * Issue 12, items 1, 2 and 4: what the store does with dates from the future,
 * with a stored envelope that has one bad field, and with an import that does
 * not fit in storage. Each case failed before the fix.
 */
import { describe, expect, it } from 'vitest';
import {
  AnnotationSchema,
  type Annotation,
  type AnnotationId,
} from '../../annotations/model/annotation.ts';
import { createAnnotationStore, type AnnotationStore } from '../../annotations/store.ts';
import {
  listBackups,
  loadAnnotations,
  parseStored,
  saveAnnotations,
} from '../../annotations/storage/annotation-storage.ts';
import { ANNOTATIONS_KEY } from '../../annotations/storage/envelope.ts';
import {
  memoryArea,
  memoryStorage,
  type MemoryArea,
} from '../../annotations/storage/memory-storage.ts';
import { annotation, newAnnotation } from './storage/helpers.ts';

/** The real clock of these tests: a fixed "now" that moves on by a second per reading. */
function clockFrom(iso: string): () => Date {
  let t = Date.parse(iso);
  return () => new Date((t += 1000));
}

let n = 0;
function open(area: MemoryArea, now = clockFrom('2026-03-01T09:00:00.000Z')): AnnotationStore {
  return createAnnotationStore({
    storage: memoryStorage(area),
    now,
    newId: () =>
      `urn:uuid:00000000-0000-4000-9000-${String(++n).padStart(12, '0')}` as AnnotationId,
  });
}

/** An imported annotation dated `at` (created and modified). */
const importedAt = (at: string): Annotation => ({ ...annotation(900), created: at, modified: at });

const FAR = '9999-12-31T23:59:59.999Z';

describe('item 1: a date from the future on import', () => {
  it('never drives the reader’s clock: after a reload, new highlights are stamped by the real clock and saved', () => {
    const area = memoryArea();
    open(area).add(newAnnotation({ note: 'before' }));
    expect(open(area).addMany([importedAt(FAR)])).toMatchObject({ ok: true, added: 1 });

    const store = open(area); // the reload
    const r = store.add(newAnnotation({ note: 'after' }));
    expect(r.ok, JSON.stringify(r)).toBe(true);
    if (!r.ok) return;
    expect(r.annotation.created.startsWith('2026-03-01T')).toBe(true);
    expect(store.getSnapshot().save).toEqual({ kind: 'saved' });
    // The imported dates are kept as data.
    expect(store.get(importedAt(FAR).id)?.created).toBe(FAR);
  });

  it('a 2100 date does not stamp the reader’s new highlights 2100', () => {
    const area = memoryArea();
    open(area).addMany([importedAt('2100-01-01T00:00:00.000Z')]);
    const r = open(area).add(newAnnotation());
    expect(r.ok && r.annotation.created.startsWith('2026-')).toBe(true);
  });

  it('deleting the imported annotation writes a tombstone the loader reads: after a reload every annotation is there, nothing damaged', () => {
    const area = memoryArea();
    const first = open(area);
    first.add(newAnnotation({ note: 'mine' }));
    first.addMany([importedAt(FAR)]);
    const store = open(area);
    expect(store.delete(importedAt(FAR).id).ok).toBe(true);
    expect(store.getSnapshot().save).toEqual({ kind: 'saved' });

    const reloaded = loadAnnotations(memoryStorage(area));
    expect(reloaded.problem).toBeNull();
    expect(reloaded.set.annotations.map((a) => a.note)).toEqual(['mine']);
    expect(open(area).getSnapshot().loadMessage).toBeNull();
  });

  it('an edit of the imported annotation is saved, and undo brings the old version back', () => {
    const area = memoryArea();
    open(area).addMany([importedAt(FAR)]);
    const store = open(area);
    const r = store.update(importedAt(FAR).id, { note: 'edited' });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect(store.getSnapshot().save).toEqual({ kind: 'saved' });
    expect(store.undo()?.ok).toBe(true);
    expect(parseStored(area.values.get(ANNOTATIONS_KEY)!).problem).toBeNull();
    expect(open(area).get(importedAt(FAR).id)?.note).toBe(importedAt(FAR).note);
  });

  it('every stamp the store writes passes the schema, even when the clock itself is past 9999', () => {
    const area = memoryArea();
    const store = open(area, () => new Date(Date.UTC(10000, 0, 1)));
    const r = store.add(newAnnotation());
    expect(r.ok).toBe(true);
    if (r.ok) expect(AnnotationSchema.safeParse(r.annotation).success).toBe(true);
    expect(store.delete(r.ok ? r.annotation.id : '').ok).toBe(true);
    expect(parseStored(area.values.get(ANNOTATIONS_KEY)!).problem).toBeNull();
  });
});

describe('item 2: one bad field in the stored envelope', () => {
  const good = [annotation(1), annotation(2)];
  const envelope = {
    type: 'diptych/annotations',
    version: 1,
    source: 'diptych',
    revision: 3,
    savedAt: '2026-01-01T00:00:00.000Z',
    annotations: good,
    deleted: { 'urn:uuid:00000000-0000-4000-8000-000000000099': '2026-01-01T00:00:00.000Z' },
  };
  const cases: [string, object][] = [
    [
      'a bad tombstone',
      { ...envelope, deleted: { ...envelope.deleted, 'urn:x': '+010000-01-01T00:00:00.000Z' } },
    ],
    ['revision -1', { ...envelope, revision: -1 }],
    ['a source over 200 characters', { ...envelope, source: 'x'.repeat(201) }],
    ['an unknown top-level field', { ...envelope, extra: true }],
  ];
  it.each(cases)(
    '%s: every good record is recovered, the damage is reported and backed up',
    (_name, value) => {
      const raw = JSON.stringify(value);
      const area = memoryArea();
      area.values.set(ANNOTATIONS_KEY, raw);
      const store = open(area);
      const snap = store.getSnapshot();
      expect(snap.annotations.map((a) => a.id)).toEqual(good.map((a) => a.id));
      expect(snap.loadMessage).toMatch(/damaged .*2 of 2 annotations were recovered/);
      expect(snap.backupKey).not.toBeNull();
      expect(area.values.get(snap.backupKey!)).toBe(raw);
      expect(listBackups(memoryStorage(area))).toEqual([snap.backupKey]);
      // The rewritten key is clean and holds them all.
      const reread = parseStored(area.values.get(ANNOTATIONS_KEY)!);
      expect(reread.problem).toBeNull();
      expect(reread.set.annotations.map((a) => a.id).sort()).toEqual(good.map((a) => a.id));
    },
  );

  it('the valid tombstones are kept', () => {
    const raw = JSON.stringify(cases[0]![1]);
    const parsed = parseStored(raw);
    expect(parsed.set.deleted).toEqual(envelope.deleted);
    expect(parsed.set.revision).toBe(3);
  });

  it('records that are not a list cannot be recovered: still reported as damaged', () => {
    expect(parseStored(JSON.stringify({ ...envelope, annotations: 'lots' })).problem?.kind).toBe(
      'wrong-shape',
    );
  });

  it('a set the loader would refuse is never written', () => {
    const port = memoryStorage();
    port.set(ANNOTATIONS_KEY, 'before');
    const result = saveAnnotations(port, {
      annotations: good,
      deleted: { 'urn:x': '+010000-01-01T00:00:00.000Z' },
      revision: 1,
    });
    expect(result.ok).toBe(false);
    expect(port.get(ANNOTATIONS_KEY)).toBe('before');
  });
});

describe('item 4: an import that does not fit', () => {
  const many = (count: number): Annotation[] =>
    Array.from({ length: count }, (_, i) => annotation(1000 + i));

  it('is refused up front with the numbers, and nothing changes (in the tab or in storage)', () => {
    const area = memoryArea();
    const store = open(area);
    store.add(newAnnotation({ note: 'mine' }));
    const before = area.values.get(ANNOTATIONS_KEY)!;
    area.quota = before.length * 20;
    const result = store.addMany(many(200));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refused?.inUse).toBe(before.length * 2);
    expect(result.refused!.wouldUse).toBeGreaterThan(area.quota * 2);
    expect(result.refused!.message).toMatch(
      /^Nothing was imported: with these 200 annotations the stored annotations would take \d+\.\d+ MB.*\(they take \d+\.\d+ MB now\)/,
    );
    expect(store.getSnapshot().annotations.map((a) => a.note)).toEqual(['mine']);
    expect(store.getSnapshot().save).toEqual({ kind: 'saved' });
    expect(store.getSnapshot().undo?.label).toBe('Undo add');
    expect(area.values.get(ANNOTATIONS_KEY)).toBe(before);
  });

  it('with storage already full, a small import is refused too', () => {
    const area = memoryArea();
    const store = open(area);
    store.add(newAnnotation());
    area.quota = area.values.get(ANNOTATIONS_KEY)!.length + ANNOTATIONS_KEY.length;
    const result = store.addMany(many(2));
    expect(result).toMatchObject({
      ok: false,
      errors: [],
      refused: { message: expect.any(String) },
    });
    expect(store.getSnapshot().annotations).toHaveLength(1);
  });

  it('an import that fits is saved and says nothing more', () => {
    const area = memoryArea();
    const store = open(area);
    expect(store.addMany(many(3))).toEqual({ ok: true, added: 3, duplicates: 0 });
    expect(parseStored(area.values.get(ANNOTATIONS_KEY)!).set.annotations).toHaveLength(3);
  });
});
