/**
 * The persistence hub (annotations/storage/hub-persistence.ts): the store
 * behaves as on plain localStorage persistence; a watcher hears each set
 * with its origin; `receive` changes the store's set, saved, and is
 * announced as the replica's.
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
});
