/**
 * The persistence hub (annotations/storage/hub-persistence.ts): the store
 * behaves as on plain localStorage persistence; a watcher hears each set
 * with its origin; `receive` changes the store's set, saved, and is
 * announced as the replica's; with `save: 'later'` it is held unsaved until
 * `saveReceived` or any other save.
 */
import { describe, expect, it } from 'vitest';
import { createAnnotationStore } from '../../../annotations/store.ts';
import { hubPersistence, type SetOrigin } from '../../../annotations/storage/hub-persistence.ts';
import { memoryStorage } from '../../../annotations/storage/memory-storage.ts';
import { portPersistence } from '../../../annotations/storage/port-persistence.ts';
import { ANNOTATIONS_KEY } from '../../../annotations/storage/envelope.ts';
import { builtinEditions } from '../../../sources/builtin.ts';
import { sampleAnnotations } from '../helpers/samples.ts';

const samples = sampleAnnotations(builtinEditions());
const clock = () => new Date('2026-11-30T10:00:00.000Z');

describe('hubPersistence', () => {
  it('announces local changes and lets a replica put sets in', () => {
    const storage = memoryStorage();
    const persistence = hubPersistence(portPersistence(storage, clock));
    const store = createAnnotationStore({ storage, persistence, now: clock });
    const heard: SetOrigin[] = [];
    persistence.hub.watch((_set, origin) => heard.push(origin));

    const { id: _id, created: _c, modified: _m, ...content } = samples[0]!;
    expect(store.add(content).ok).toBe(true);
    expect(heard).toEqual(['local']);

    const incoming = samples[1]!;
    persistence.hub.receive((set) => ({ ...set, annotations: [...set.annotations, incoming] }));
    expect(heard).toEqual(['local', 'replica']);
    expect(store.get(incoming.id)).toEqual(incoming);
    expect(storage.get(ANNOTATIONS_KEY)).toContain(incoming.id);

    // Receiving what the store already holds changes nothing and announces nothing.
    persistence.hub.receive((set) => ({ ...set }));
    expect(heard).toHaveLength(2);
    store.dispose();
  });

  it("holds a set received with save: 'later' unsaved until saveReceived", () => {
    const storage = memoryStorage();
    const persistence = hubPersistence(portPersistence(storage, clock));
    const { hub } = persistence;
    const store = createAnnotationStore({ storage, persistence, now: clock });
    const heard: SetOrigin[] = [];
    hub.watch((_set, origin) => heard.push(origin));

    const incoming = samples.slice(0, 3);
    hub.receive((set) => ({ ...set, annotations: [...set.annotations, ...incoming] }), {
      save: 'later',
    });
    // The store shows them at once; storage has not been written.
    expect(
      store
        .getSnapshot()
        .annotations.map((a) => a.id)
        .sort(),
    ).toEqual(incoming.map((a) => a.id).sort());
    expect(storage.get(ANNOTATIONS_KEY)).toBeNull();
    expect(hub.unsaved()).toBe(true);
    expect(heard).toEqual(['replica']);

    hub.saveReceived();
    expect(hub.unsaved()).toBe(false);
    for (const a of incoming) expect(storage.get(ANNOTATIONS_KEY)).toContain(a.id);
    expect(store.getSnapshot().save.kind).toBe('saved');
    // Announced as a change made here: whatever the save merged in is the replica's to write.
    expect(heard).toEqual(['replica', 'local']);

    // Nothing waiting: no second write.
    const raw = storage.get(ANNOTATIONS_KEY);
    hub.saveReceived();
    expect(storage.get(ANNOTATIONS_KEY)).toBe(raw);
    store.dispose();
  });

  it('saves what was received unsaved with the next change the reader makes', () => {
    const storage = memoryStorage();
    const persistence = hubPersistence(portPersistence(storage, clock));
    const { hub } = persistence;
    const store = createAnnotationStore({ storage, persistence, now: clock });
    const incoming = samples[1]!;
    hub.receive((set) => ({ ...set, annotations: [...set.annotations, incoming] }), {
      save: 'later',
    });
    const { id: _id, created: _c, modified: _m, ...content } = samples[0]!;
    expect(store.add(content).ok).toBe(true);
    expect(storage.get(ANNOTATIONS_KEY)).toContain(incoming.id);
    expect(hub.unsaved()).toBe(false);
    store.dispose();
  });

  it('saves a set received with save: later at once when no store is connected', () => {
    const storage = memoryStorage();
    const persistence = hubPersistence(portPersistence(storage, clock));
    const incoming = samples[1]!;
    persistence.hub.receive((set) => ({ ...set, annotations: [...set.annotations, incoming] }), {
      save: 'later',
    });
    expect(storage.get(ANNOTATIONS_KEY)).toContain(incoming.id);
    expect(persistence.hub.unsaved()).toBe(false);
  });
});
