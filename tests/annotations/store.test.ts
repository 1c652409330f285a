import { describe, expect, it, vi } from 'vitest';
import type { AnnotationId } from '../../annotations/model/annotation.ts';
import {
  createAnnotationStore,
  openBrowserAnnotationStore,
  type AnnotationStore,
} from '../../annotations/store.ts';
import {
  listBackups,
  parseStored,
  QUOTA_MESSAGE,
} from '../../annotations/storage/annotation-storage.ts';
import { ANNOTATIONS_KEY } from '../../annotations/storage/envelope.ts';
import {
  memoryArea,
  memoryStorage,
  type MemoryArea,
} from '../../annotations/storage/memory-storage.ts';
import type { StorageChange, StoragePort } from '../../annotations/storage/storage-port.ts';
import { annotation, newAnnotation } from './storage/helpers.ts';

/** A frozen clock: every stamp must still come out strictly increasing. */
const frozen = () => new Date('2026-03-01T09:00:00.000Z');

let n = 0;
function open(
  area: MemoryArea = memoryArea(),
  port: StoragePort = memoryStorage(area),
): AnnotationStore {
  return createAnnotationStore({
    storage: port,
    now: frozen,
    newId: () =>
      `urn:uuid:00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` as AnnotationId,
  });
}

/** What storage holds, as the annotation notes keyed by id. */
function stored(area: MemoryArea): Record<string, string | undefined> {
  const set = parseStored(area.values.get(ANNOTATIONS_KEY) ?? null).set;
  return Object.fromEntries(set.annotations.map((a) => [a.id, a.note]));
}

/** A port whose `storage` events wait until `flush()`, to stage two tabs writing at once. */
function delayed(port: StoragePort): StoragePort & { flush(): void } {
  const queue: StorageChange[] = [];
  const listeners = new Set<(c: StorageChange) => void>();
  port.subscribe((c) => queue.push(c));
  return {
    ...port,
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    flush() {
      for (const c of queue.splice(0)) for (const l of listeners) l(c);
    },
  };
}

describe('createAnnotationStore', () => {
  it('adds an annotation, filling in id and dates, and saves it at once', () => {
    const area = memoryArea();
    const store = open(area);
    const r = store.add(newAnnotation({ note: 'First.' }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.annotation).toMatchObject({ id: expect.stringMatching(/^urn:uuid:/), note: 'First.' });
    expect(r.annotation.created).toBe(r.annotation.modified);
    expect(store.getSnapshot()).toMatchObject({
      annotations: [r.annotation],
      save: { kind: 'saved' },
    });
    expect(stored(area)).toEqual({ [r.annotation.id]: 'First.' });
  });

  it('updates fields, removes one given null, and stamps modified later', () => {
    const area = memoryArea();
    const store = open(area);
    const a = store.add(newAnnotation());
    if (!a.ok) throw new Error('add failed');
    const u = store.update(a.annotation.id, { note: 'Changed.', color: null, tags: ['x', 'y'] });
    expect(u.ok && u.annotation).toMatchObject({ note: 'Changed.', tags: ['x', 'y'] });
    expect(u.ok && 'color' in u.annotation).toBe(false);
    expect(u.ok && u.annotation.modified > a.annotation.modified).toBe(true);
    expect(stored(area)[a.annotation.id]).toBe('Changed.');
  });

  it('deletes, and undoes the delete: the same annotation comes back and is saved', () => {
    const area = memoryArea();
    const store = open(area);
    const a = store.add(newAnnotation({ note: 'Keep me.' }));
    if (!a.ok) throw new Error('add failed');
    store.delete(a.annotation.id);
    expect(store.getSnapshot().annotations).toEqual([]);
    expect(stored(area)).toEqual({});
    expect(store.getSnapshot().undo).toEqual({ label: 'Undo delete' });
    const back = store.undo();
    expect(back?.ok && back.annotation).toMatchObject({
      id: a.annotation.id,
      note: 'Keep me.',
      created: a.annotation.created,
    });
    expect(stored(area)).toEqual({ [a.annotation.id]: 'Keep me.' });
    // A reload sees it too: the restore outlives the tombstone.
    expect(
      open(area)
        .getSnapshot()
        .annotations.map((x) => x.note),
    ).toEqual(['Keep me.']);
  });

  it('undoes an edit and an add, newest first, then has nothing to undo', () => {
    const store = open();
    const a = store.add(newAnnotation({ note: 'v1' }));
    if (!a.ok) throw new Error('add failed');
    store.update(a.annotation.id, { note: 'v2' });
    store.undo();
    expect(store.get(a.annotation.id)?.note).toBe('v1');
    store.undo();
    expect(store.getSnapshot().annotations).toEqual([]);
    expect(store.undo()).toBeNull();
    expect(store.getSnapshot().undo).toBeNull();
  });

  it('tells subscribers after each change, and keeps the snapshot identical between changes', () => {
    const store = open();
    const listener = vi.fn();
    const off = store.subscribe(listener);
    const before = store.getSnapshot();
    expect(store.getSnapshot()).toBe(before);
    store.add(newAnnotation());
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getSnapshot()).not.toBe(before);
    off();
    store.add(newAnnotation());
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('makes strictly increasing timestamps even when the clock stands still', () => {
    const store = open();
    const a = store.add(newAnnotation());
    const b = store.add(newAnnotation());
    expect(a.ok && b.ok && a.annotation.created < b.annotation.created).toBe(true);
  });

  it('reopens with what was saved', () => {
    const area = memoryArea();
    const store = open(area);
    store.add(newAnnotation({ note: 'one' }));
    store.add(newAnnotation({ note: 'two' }));
    expect(
      open(area)
        .getSnapshot()
        .annotations.map((a) => a.note),
    ).toEqual(['one', 'two']);
  });

  describe('required fields: when a change is invalid', () => {
    it.each([
      ['no targets', { targets: [] }, 'targets'],
      ['an empty note', { note: '' }, 'note'],
      ['a duplicate tag', { tags: ['a', 'a'] }, 'tags.1'],
      ['an unknown colour', { color: 'mauve' }, 'color'],
      ['an unknown field', { colour: 'yellow' }, ''],
    ])('rejects %s, names the field and changes nothing', (_name, override, path) => {
      const area = memoryArea();
      const store = open(area);
      const r = store.add({ ...newAnnotation(), ...override } as never);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors.map((e) => e.path)).toContain(path);
      expect(store.getSnapshot().annotations).toEqual([]);
      expect(area.values.has(ANNOTATIONS_KEY)).toBe(false);
    });

    it('rejects an invalid update and keeps the annotation as it was', () => {
      const store = open();
      const a = store.add(newAnnotation({ note: 'ok' }));
      if (!a.ok) throw new Error('add failed');
      const r = store.update(a.annotation.id, { tags: [' padded '] });
      expect(r.ok).toBe(false);
      expect(store.get(a.annotation.id)).toEqual(a.annotation);
    });

    it('reports an unknown id', () => {
      const store = open();
      expect(store.update('urn:x:nope', { note: 'x' })).toMatchObject({
        ok: false,
        errors: [{ path: 'id' }],
      });
      expect(store.delete('urn:x:nope').ok).toBe(false);
    });
  });

  describe('when storage is full', () => {
    it('keeps the old stored state, keeps the change on screen, says so, and saves once there is room', () => {
      const area = memoryArea();
      const store = open(area);
      store.add(newAnnotation({ note: 'saved' }));
      const before = area.values.get(ANNOTATIONS_KEY);
      area.quota = before!.length + ANNOTATIONS_KEY.length;
      const r = store.add(newAnnotation({ note: 'not saved' }));
      expect(r.ok).toBe(true);
      expect(store.getSnapshot().save).toEqual({
        kind: 'unsaved',
        reason: 'quota',
        message: QUOTA_MESSAGE,
      });
      expect(store.getSnapshot().annotations.map((a) => a.note)).toEqual(['saved', 'not saved']);
      expect(area.values.get(ANNOTATIONS_KEY)).toBe(before);
      area.quota = Number.POSITIVE_INFINITY;
      expect(store.retrySave()).toEqual({ kind: 'saved' });
      expect(Object.values(stored(area))).toEqual(['saved', 'not saved']);
    });
  });

  describe('when stored data is corrupt', () => {
    it('keeps the readable records of a partly damaged set, and saves them cleanly', () => {
      const area = memoryArea();
      const good = annotation(1);
      area.values.set(
        ANNOTATIONS_KEY,
        JSON.stringify({
          type: 'diptych/annotations',
          version: 1,
          source: 'diptych',
          revision: 3,
          savedAt: good.created,
          annotations: [good, { id: 'urn:x:bad' }],
          deleted: {},
        }),
      );
      const store = open(area);
      expect(store.getSnapshot().annotations).toEqual([good]);
      expect(store.getSnapshot().loadMessage).toMatch(
        /1 of 2 stored annotations could not be read/,
      );
      expect(stored(area)).toEqual({ [good.id]: good.note });
      expect(area.values.get(store.getSnapshot().backupKey!)).toContain('urn:x:bad');
    });

    it('opens, reports the backup, keeps it, and replaces the damaged key with what could be read', () => {
      const area = memoryArea();
      area.values.set(ANNOTATIONS_KEY, '{"type":"diptych/annotations", broken');
      const store = open(area);
      const snap = store.getSnapshot();
      expect(snap.annotations).toEqual([]);
      expect(snap.backupKey).toMatch(/^diptych:backup:/);
      expect(snap.loadMessage).toContain(snap.backupKey!);
      expect(parseStored(area.values.get(ANNOTATIONS_KEY)!).problem).toBeNull();
      expect(open(area).getSnapshot().backupKey).toBeNull();
      store.add(newAnnotation({ note: 'fresh' }));
      expect(Object.values(stored(area))).toEqual(['fresh']);
      expect(listBackups(memoryStorage(area))).toEqual([snap.backupKey]);
      expect(area.values.get(snap.backupKey!)).toBe('{"type":"diptych/annotations", broken');
    });

    it('leaves data from a newer Diptych in place and saves nothing over it', () => {
      const area = memoryArea();
      const newer = JSON.stringify({
        type: 'diptych/annotations',
        version: 99,
        whatever: [1, 2, 3],
      });
      area.values.set(ANNOTATIONS_KEY, newer);
      const store = open(area);
      expect(store.getSnapshot().save).toMatchObject({
        kind: 'unsaved',
        reason: 'read-only',
        message: expect.stringMatching(/newer version/),
      });
      store.add(newAnnotation());
      expect(area.values.get(ANNOTATIONS_KEY)).toBe(newer);
      expect(store.getSnapshot().annotations).toHaveLength(1);
    });

    it('will not save over data it could not back up, and keeps the change in memory', () => {
      const area = memoryArea();
      area.values.set(ANNOTATIONS_KEY, 'garbage');
      area.quota = 40;
      const store = open(area);
      expect(store.getSnapshot().save).toMatchObject({ kind: 'unsaved', reason: 'read-only' });
      store.add(newAnnotation({ note: 'in memory' }));
      expect(store.getSnapshot().annotations).toHaveLength(1);
      expect(area.values.get(ANNOTATIONS_KEY)).toBe('garbage');
      area.quota = Number.POSITIVE_INFINITY;
      expect(store.retrySave()).toEqual({ kind: 'saved' });
      expect(listBackups(memoryStorage(area))).toHaveLength(1);
      expect(Object.values(stored(area))).toEqual(['in memory']);
    });
  });

  describe('two tabs', () => {
    it('shows an edit made in one tab in the other', () => {
      const area = memoryArea();
      const tab1 = open(area);
      const tab2 = open(area);
      const heard = vi.fn();
      tab2.subscribe(heard);
      const a = tab1.add(newAnnotation({ note: 'from tab 1' }));
      expect(heard).toHaveBeenCalled();
      expect(a.ok && tab2.get(a.annotation.id)?.note).toBe('from tab 1');
    });

    it('keeps both of two simultaneous edits to different annotations', () => {
      const area = memoryArea();
      const seed = open(area);
      const a = seed.add(newAnnotation({ note: 'a' }));
      const b = seed.add(newAnnotation({ note: 'b' }));
      if (!a.ok || !b.ok) throw new Error('add failed');
      const port1 = delayed(memoryStorage(area));
      const port2 = delayed(memoryStorage(area));
      const tab1 = open(area, port1);
      const tab2 = open(area, port2);
      // Both edit before either hears of the other's save.
      tab1.update(a.annotation.id, { note: 'a, edited in tab 1' });
      tab2.update(b.annotation.id, { note: 'b, edited in tab 2' });
      port1.flush();
      port2.flush();
      const expected = {
        [a.annotation.id]: 'a, edited in tab 1',
        [b.annotation.id]: 'b, edited in tab 2',
      };
      expect(stored(area)).toEqual(expected);
      for (const tab of [tab1, tab2]) {
        expect(
          Object.fromEntries(tab.getSnapshot().annotations.map((x) => [x.id, x.note])),
        ).toEqual(expected);
      }
    });

    it('does not bring back an annotation one tab deleted while the other still showed it', () => {
      const area = memoryArea();
      const port2 = delayed(memoryStorage(area));
      const tab1 = open(area);
      const a = tab1.add(newAnnotation({ note: 'doomed' }));
      if (!a.ok) throw new Error('add failed');
      const tab2 = open(area, port2);
      tab1.delete(a.annotation.id);
      tab2.add(newAnnotation({ note: 'other' })); // tab 2 saves before hearing of the delete
      port2.flush();
      expect(Object.values(stored(area))).toEqual(['other']);
      expect(tab2.getSnapshot().annotations.map((x) => x.note)).toEqual(['other']);
    });

    it('stops listening once disposed', () => {
      const area = memoryArea();
      const tab1 = open(area);
      const tab2 = open(area);
      tab2.dispose();
      tab1.add(newAnnotation());
      expect(tab2.getSnapshot().annotations).toEqual([]);
    });
  });

  describe('addMany (import)', () => {
    it('adds all, skips duplicates by id, and is one undoable change', () => {
      const area = memoryArea();
      const store = open(area);
      const list = [annotation(1), annotation(2), annotation(2)];
      expect(store.addMany(list)).toEqual({ ok: true, added: 2, duplicates: 1 });
      expect(store.addMany([annotation(1)])).toEqual({ ok: true, added: 0, duplicates: 1 });
      expect(store.getSnapshot().annotations).toHaveLength(2);
      expect(store.getSnapshot().annotations).toEqual([annotation(1), annotation(2)]);
      store.undo();
      expect(store.getSnapshot().annotations).toEqual([]);
      expect(stored(area)).toEqual({});
    });

    it('changes nothing when one record is invalid, and says which', () => {
      const store = open();
      const r = store.addMany([annotation(1), { ...annotation(2), note: 7 }]);
      expect(r).toMatchObject({ ok: false, errors: [{ index: 1, path: 'note' }] });
      expect(store.getSnapshot().annotations).toEqual([]);
    });

    it('brings back an annotation that was deleted here', () => {
      const area = memoryArea();
      const store = open(area);
      store.addMany([annotation(1)]);
      store.delete(annotation(1).id);
      expect(store.addMany([annotation(1)])).toMatchObject({ ok: true, added: 1 });
      expect(
        open(area)
          .getSnapshot()
          .annotations.map((a) => a.id),
      ).toEqual([annotation(1).id]);
    });
  });

  it('opens on memory, and says so, where there is no localStorage (as in Node)', () => {
    expect(globalThis.localStorage).toBeUndefined();
    const { store, fallbackReason } = openBrowserAnnotationStore();
    expect(store.getSnapshot().storageKind).toBe('memory');
    expect(fallbackReason).toMatch(/kept only until you close this tab/);
    store.dispose();
  });
});
