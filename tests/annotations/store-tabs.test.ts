/**
 * Two tabs, arbitrary interleavings (fast-check): whatever each tab does and
 * whenever it hears of the other's saves, once the storage events are all
 * delivered both tabs and the storage hold the same annotations, and a fresh
 * tab opens with that set too; and no annotation disappears that no tab
 * deleted. Nothing throws on the way.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnnotationId } from '../../annotations/model/annotation.ts';
import { createAnnotationStore, type AnnotationStore } from '../../annotations/store.ts';
import { parseStored } from '../../annotations/storage/annotation-storage.ts';
import { ANNOTATIONS_KEY } from '../../annotations/storage/envelope.ts';
import { memoryArea, memoryStorage } from '../../annotations/storage/memory-storage.ts';
import type { StorageChange, StoragePort } from '../../annotations/storage/storage-port.ts';
import { newAnnotation } from './storage/helpers.ts';
import { scaled } from '../slowdown.ts';

/** A port whose `storage` events queue until `flush()`. */
function delayed(port: StoragePort): StoragePort & { flush(): boolean } {
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
      const batch = queue.splice(0);
      for (const c of batch) for (const l of listeners) l(c);
      return batch.length > 0;
    },
  };
}

type Op =
  | { tab: 0 | 1; kind: 'add' }
  | { tab: 0 | 1; kind: 'update' | 'delete'; pick: number; note: string }
  | { tab: 0 | 1; kind: 'undo' | 'hear' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ tab: fc.constantFrom(0 as const, 1 as const), kind: fc.constant('add' as const) }),
  fc.record({
    tab: fc.constantFrom(0 as const, 1 as const),
    kind: fc.constantFrom('update' as const, 'delete' as const),
    pick: fc.nat(20),
    note: fc.constantFrom('x', 'y', 'z'),
  }),
  fc.record({
    tab: fc.constantFrom(0 as const, 1 as const),
    kind: fc.constantFrom('undo' as const, 'hear' as const),
  }),
);

const view = (s: AnnotationStore) =>
  s
    .getSnapshot()
    .annotations.map((a) => `${a.id}=${a.note}`)
    .sort();

describe('two tabs editing at once', () => {
  it(
    'converge on one set, which storage holds and a new tab opens with',
    () => {
      fc.assert(
        fc.property(fc.array(opArb, { maxLength: 30 }), (ops) => {
          const area = memoryArea();
          const ports = [delayed(memoryStorage(area)), delayed(memoryStorage(area))];
          let ms = Date.parse('2026-04-01T00:00:00.000Z');
          let n = 0;
          const make = (port: StoragePort) =>
            createAnnotationStore({
              storage: port,
              now: () => new Date((ms += 7)),
              newId: () =>
                `urn:uuid:00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` as AnnotationId,
            });
          const tabs = ports.map(make);
          const added = new Set<string>();
          const removed = new Set<string>();
          for (const op of ops) {
            const tab = tabs[op.tab]!;
            const list = tab.getSnapshot().annotations;
            if (op.kind === 'add') {
              const r = tab.add(newAnnotation({ note: `n${n}` }));
              if (r.ok) added.add(r.annotation.id);
            } else if (op.kind === 'undo') {
              const label = tab.getSnapshot().undo?.label;
              const r = tab.undo();
              if (r?.ok && label === 'Undo add') removed.add(r.annotation.id);
              if (r?.ok && label === 'Undo delete') removed.delete(r.annotation.id);
            } else if (op.kind === 'hear') {
              ports[op.tab]!.flush();
            } else if ((op.kind === 'update' || op.kind === 'delete') && list.length) {
              const target = list[op.pick % list.length]!;
              if (op.kind === 'update') tab.update(target.id, { note: op.note });
              else if (tab.delete(target.id).ok) removed.add(target.id);
            }
          }
          for (let round = 0; round < 10 && (ports[0]!.flush() || ports[1]!.flush()); round++);
          const inStorage = parseStored(area.values.get(ANNOTATIONS_KEY) ?? null)
            .set.annotations.map((a) => `${a.id}=${a.note}`)
            .sort();
          expect(view(tabs[0]!)).toEqual(view(tabs[1]!));
          expect(view(tabs[0]!)).toEqual(inStorage);
          expect(view(make(memoryStorage(area)))).toEqual(inStorage);
          // Nothing disappears that no one deleted.
          const present = new Set<string>(tabs[0]!.getSnapshot().annotations.map((a) => a.id));
          for (const id of added) if (!removed.has(id)) expect(present.has(id), id).toBe(true);
        }),
        { numRuns: 200 },
      );
    },
    scaled(60_000),
  );
});
