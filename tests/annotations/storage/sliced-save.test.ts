/**
 * The save made over short tasks (`prepareSaveInSlices`, `persistInSlices`,
 * `hub.saveReceivedInSlices`): the same string and digest as the one-go
 * save, the same refusal of an envelope the loader would refuse, and
 * giving way — nothing written, nothing lost — when the store changes or
 * something saves while it runs.
 */
import { describe, expect, it } from 'vitest';
import {
  loadAnnotations,
  prepareSaveInSlices,
  saveAnnotations,
  toEnvelope,
} from '../../../annotations/storage/annotation-storage.ts';
import { ANNOTATIONS_KEY, DIGEST_KEY } from '../../../annotations/storage/envelope.ts';
import { hubPersistence } from '../../../annotations/storage/hub-persistence.ts';
import type { AnnotationSet } from '../../../annotations/storage/merge.ts';
import { memoryStorage } from '../../../annotations/storage/memory-storage.ts';
import { portPersistence } from '../../../annotations/storage/port-persistence.ts';
import { digestRecord } from '../../../annotations/storage/stored-digest.ts';
import { createAnnotationStore } from '../../../annotations/store.ts';
import { annotation } from './helpers.ts';

const NOW = new Date('2026-02-01T12:00:00.000Z');
const clock = () => NOW;
const set = (n: number, from = 1): AnnotationSet => ({
  annotations: Array.from({ length: n }, (_, i) => annotation(i + from)),
  deleted: { 'urn:uuid:gone': '2026-01-01T00:00:00.000Z' },
  revision: 7,
});
const immediate = (): Promise<void> => Promise.resolve();

describe('prepareSaveInSlices', () => {
  it.each([0, 1, 199, 200, 201, 1000])(
    'makes the one-go save’s string and digest (%i annotations)',
    async (n) => {
      let pauses = 0;
      const prepared = await prepareSaveInSlices(set(n), NOW, () => {
        pauses += 1;
        return Promise.resolve();
      });
      const json = JSON.stringify(toEnvelope(set(n), NOW));
      expect(prepared).toEqual({ ok: true, json, digest: digestRecord(json) });
      expect(pauses).toBeGreaterThan(0);
      // What the one-go save writes, and what loads back trusted.
      const port = memoryStorage();
      expect(saveAnnotations(port, set(n), NOW)).toEqual({ ok: true });
      expect(port.get(ANNOTATIONS_KEY)).toBe(json);
      expect(port.get(DIGEST_KEY)).toBe(prepared.ok && prepared.digest);
    },
  );

  it('refuses what the one-go save refuses (a tombstone past the year 9999)', async () => {
    const bad = { ...set(3), deleted: { 'urn:x': '+010000-01-01T00:00:00.000Z' } };
    const prepared = await prepareSaveInSlices(bad, NOW, immediate);
    expect(prepared).toEqual(saveAnnotations(memoryStorage(), bad, NOW));
    expect(prepared.ok).toBe(false);
  });
});

describe('hub.saveReceivedInSlices', () => {
  function open() {
    const port = memoryStorage();
    const persistence = hubPersistence(portPersistence(port, clock));
    const store = createAnnotationStore({ storage: port, persistence, now: clock });
    return { port, hub: persistence.hub, store };
  }
  /** A pause that does `action` at the first pause of a save, then lets every pause go. */
  function pauseDoingFirst(action: () => void): () => Promise<void> {
    let first = true;
    return () => {
      if (first) {
        first = false;
        action();
      }
      return Promise.resolve();
    };
  }
  const receive = (hub: ReturnType<typeof open>['hub'], extra: AnnotationSet) =>
    hub.receive((s) => ({ ...s, annotations: [...s.annotations, ...extra.annotations] }), {
      save: 'later',
    });

  it('saves what was received, as the one-go save does, and hands the store its new revision', async () => {
    const { port, hub, store } = open();
    receive(hub, set(500));
    const revision = store.getSnapshot().revision;
    await hub.saveReceivedInSlices(immediate);
    expect(hub.unsaved()).toBe(false);
    expect(store.getSnapshot().revision).toBe(revision + 1);
    expect(store.getSnapshot().save.kind).toBe('saved');
    const loaded = loadAnnotations(port, NOW);
    expect(loaded.problem).toBeNull();
    expect(loaded.set.annotations).toHaveLength(500);
    expect(port.get(DIGEST_KEY)).toBe(digestRecord(port.get(ANNOTATIONS_KEY)!));
    store.dispose();
  });

  it('gives way to a save of the whole set made meanwhile (the page hidden): nothing lost', async () => {
    const { port, hub, store } = open();
    receive(hub, set(500));
    // What `pagehide` does: the whole set, at once.
    const saving = hub.saveReceivedInSlices(pauseDoingFirst(() => hub.saveReceived()));
    expect(hub.unsaved()).toBe(false);
    const written = port.get(ANNOTATIONS_KEY);
    expect(loadAnnotations(port, NOW).set.annotations).toHaveLength(500);
    await saving;
    // The sliced save wrote nothing over it.
    expect(port.get(ANNOTATIONS_KEY)).toBe(written);
    store.dispose();
  });

  it('gives way to a set received meanwhile, which still waits to be saved', async () => {
    const { port, hub, store } = open();
    receive(hub, set(300));
    const saving = hub.saveReceivedInSlices(pauseDoingFirst(() => receive(hub, set(5, 1000))));
    await saving;
    expect(port.get(ANNOTATIONS_KEY)).toBeNull();
    expect(hub.unsaved()).toBe(true);
    expect(store.getSnapshot().annotations).toHaveLength(305);
    await hub.saveReceivedInSlices(immediate);
    expect(hub.unsaved()).toBe(false);
    expect(loadAnnotations(port, NOW).set.annotations).toHaveLength(305);
    store.dispose();
  });

  it('a change the reader makes after the data is written but before the store takes it saves a later revision', async () => {
    const { port, hub, store } = open();
    receive(hub, set(50));
    const pauses: (() => void)[] = [];
    const saving = hub.saveReceivedInSlices(
      () => new Promise<void>((resolve) => pauses.push(resolve)),
    );
    // Let every pause go until the data is written (the store not yet told).
    while (port.get(ANNOTATIONS_KEY) === null) {
      await Promise.resolve();
      pauses.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    }
    const savedRevision = loadAnnotations(port, NOW).set.revision;
    const { id: _i, created: _c, modified: _m, ...content } = annotation(9999);
    expect(store.add(content).ok).toBe(true);
    expect(loadAnnotations(port, NOW).set.revision).toBe(savedRevision + 1);
    for (let i = 0; i < 10; i++) pauses.shift()?.();
    await saving;
    // The store keeps the reader's change; the stale hand-over was not applied over it.
    expect(store.getSnapshot().annotations).toHaveLength(51);
    expect(loadAnnotations(port, NOW).set.annotations).toHaveLength(51);
    store.dispose();
  });
});
