/**
 * Persistence on a `StoragePort` (localStorage in the app, memory in tests):
 * one key, one write per change, merged with what other tabs saved.
 *
 * Saving. Each change is one synchronous `setItem` of the whole set (see
 * `annotation-storage.ts`), so what the reader sees after a change is either
 * saved or flagged. Before writing, what is stored is merged in if another
 * tab changed it since this tab last wrote, so a save never erases another
 * tab's work. A failed write keeps the change in memory — the reader still
 * sees it and can export it — and reports `unsaved` with a message; the next
 * change or `retry` tries again.
 *
 * Tabs. On a `storage` event for the annotations key, the other tab's set is
 * merged into the store's (`mergeSets`: by id, later `modified` wins,
 * tombstones keep deletions deleted), so two edits to different annotations
 * in two tabs are both kept. If this tab holds something the other lacked,
 * the merge is written back; the merge converges, so this stops after one
 * round. A cleared key (another tab or the developer tools emptied storage)
 * is not treated as a mass deletion: the store keeps its set and rewrites it
 * on its next change.
 *
 * What it is for: when to read, back up, merge and write. What it is not
 * for: the stored format (`annotation-storage.ts`, `envelope.ts`), the merge
 * rule (`merge.ts`) or the rules of a change (`annotations/state/`).
 */
import {
  backUp,
  loadAnnotations,
  parseStored,
  prepareSaveInSlices,
  saveAnnotations,
  settleLoad,
  toEnvelope,
  writePrepared,
  type ParsedStore,
  type SaveResult,
} from './annotation-storage.ts';
import { ANNOTATIONS_KEY } from './envelope.ts';
import { EMPTY_SET, mergeSets, sameSet, type AnnotationSet } from './merge.ts';
import type { Persisted, Persistence, Refused, SaveState } from './persistence.ts';
import type { StoragePort } from './storage-port.ts';

/** A stored value read, and parsed with `parseStored`, before the persistence opens (in a worker). */
export interface PreloadedSet {
  /** What `port` held under the annotations key. */
  readonly raw: string | null;
  /** `parseStored(raw)`. */
  readonly parsed: ParsedStore;
}

/**
 * Opens the annotation set on `port`: loads it (backing up what it cannot
 * read) and is ready to save. Never throws on bad stored data. With
 * `preloaded` (what the port held, already parsed and validated), it reads
 * storage only if the value has changed since (then it loads afresh).
 */
export function portPersistence(
  port: StoragePort,
  clock: () => Date,
  preloaded?: PreloadedSet,
): Persistence {
  const current = preloaded ? port.get(ANNOTATIONS_KEY) : undefined;
  const fresh = preloaded !== undefined && current === preloaded.raw;
  const loaded = fresh
    ? settleLoad(port, preloaded.raw, preloaded.parsed, clock())
    : loadAnnotations(port, clock());
  let writable = loaded.writable;
  /** The stored string as this tab last wrote or read it: if storage still holds it, no merge is needed before writing. */
  // Unreadable data that has been backed up counts as seen: the next save may replace it.
  let lastSeenRaw: string | null =
    !loaded.problem || loaded.backupKey
      ? fresh && !loaded.backupKey
        ? preloaded.raw
        : port.get(ANNOTATIONS_KEY)
      : null;
  /** Counts the writes tried (and sets taken from other tabs): a save made over several tasks that sees it move gives way. */
  let writes = 0;
  /**
   * The revision this tab last wrote: the stored set's, while storage still
   * holds what this tab wrote. The store may lag behind it for a task after
   * `persistInSlices` (it takes the saved set in the next); a save then still
   * writes a higher revision than the stored one.
   */
  let wroteRevision = 0;
  let save: SaveState = writable
    ? { kind: 'saved' }
    : {
        kind: 'unsaved',
        reason: 'read-only',
        message: loaded.message ?? 'Stored data could not be read.',
      };

  /**
   * Writes `set` merged with what is stored, in one write. Returns the set to
   * hold; with `ifFits`, a full storage changes nothing and gives the refusal.
   */
  function write(set: AnnotationSet, ifFits = false): Persisted | { refused: Refused } {
    writes += 1;
    if (!writable) return { set, save };
    const raw = port.get(ANNOTATIONS_KEY);
    let base: AnnotationSet = EMPTY_SET;
    if (raw !== null && raw !== lastSeenRaw) {
      const stored = parseStored(raw);
      if (stored.problem && !backUp(port, raw, clock())) {
        save = {
          kind: 'unsaved',
          reason: 'read-only',
          message: `${stored.problem.message} Diptych could not back it up, so it did not save over it. Export your annotations to keep them.`,
        };
        return { set, save };
      }
      base = stored.set;
    } else if (raw !== null) {
      base = { ...EMPTY_SET, revision: Math.max(set.revision, wroteRevision) };
    }
    const merged = mergeSets(set, base);
    const next: AnnotationSet = { ...merged, revision: Math.max(set.revision, base.revision) + 1 };
    const result = saveAnnotations(port, next, clock());
    if (ifFits && !result.ok && result.reason === 'quota') {
      const inUse = (raw?.length ?? 0) * 2;
      const wouldUse = JSON.stringify(toEnvelope(next, clock())).length * 2;
      return { refused: { message: result.message, wouldUse, inUse } };
    }
    return settle(result, next, merged, () => port.get(ANNOTATIONS_KEY));
  }

  /**
   * What a write's outcome leaves: saved, `next` (the set as written, its
   * text `written()`) is held; not saved, `merged` is, with the reason.
   */
  function settle(
    result: SaveResult,
    next: AnnotationSet,
    merged: AnnotationSet,
    written: () => string | null,
  ): Persisted {
    if (result.ok) {
      lastSeenRaw = written();
      wroteRevision = next.revision;
      save = { kind: 'saved' };
      return { set: next, save };
    }
    save = { kind: 'unsaved', reason: result.reason, message: result.message };
    return { set: merged, save };
  }

  const persist = (set: AnnotationSet): Persisted => write(set) as Persisted;

  /**
   * `persist`, its serializing and hashing spread over short tasks, its
   * `setItem` alone in the last (`prepareSaveInSlices`). Gives way — `null`,
   * nothing written — when anything wrote meanwhile (a save of the whole
   * set by `persist`: the page hidden, a change of the reader's) or
   * `stillCurrent()` says `set` is no longer the store's. Stored data
   * another tab wrote since this tab last read it is merged in one go, as
   * `persist` does (its parsing and merging are not sliced).
   */
  async function persistInSlices(
    set: AnnotationSet,
    pause: () => Promise<void>,
    stillCurrent: () => boolean,
  ): Promise<Persisted | null> {
    const raw = port.get(ANNOTATIONS_KEY);
    if (!writable || (raw !== null && raw !== lastSeenRaw)) return persist(set);
    const started = writes;
    // As `write` does with stored data this tab wrote itself.
    const merged = mergeSets(set, {
      ...EMPTY_SET,
      revision: raw === null ? 0 : Math.max(set.revision, wroteRevision),
    });
    const next: AnnotationSet = { ...merged, revision: merged.revision + 1 };
    await pause();
    const prepared = await prepareSaveInSlices(next, clock(), pause);
    await pause();
    // Something saved, or the store moved on, while this was made ready: what it would write is stale.
    if (writes !== started || !stillCurrent()) return null;
    // Another tab wrote meanwhile (its `storage` event not handled yet): the one-go save merges it.
    if (port.get(ANNOTATIONS_KEY) !== raw) return persist(set);
    writes += 1;
    return settle(writePrepared(port, prepared), next, merged, () =>
      prepared.ok ? prepared.json : port.get(ANNOTATIONS_KEY),
    );
  }

  // Unreadable data is safe in its backup: replace it now with what could be
  // read, so the next load does not find (and back up) the same damage again.
  const start = loaded.problem && loaded.backupKey ? persist(loaded.set).set : loaded.set;

  return {
    kind: port.kind,
    loaded: { set: start, message: loaded.message, backupKey: loaded.backupKey },
    get save() {
      return save;
    },
    persist,
    persistInSlices,
    persistIfFits: (set) => write(set, true),
    retry(set) {
      if (!writable && loaded.backupKey === null) {
        // Try once more to back up the unreadable data; only then may we write.
        const raw = port.get(ANNOTATIONS_KEY);
        writable =
          raw === null || parseStored(raw).problem === null || backUp(port, raw, clock()) !== null;
        if (writable) lastSeenRaw = raw;
      }
      return persist(set);
    },
    connect(current, apply) {
      return port.subscribe((change) => {
        if (change.key !== ANNOTATIONS_KEY && change.key !== null) return;
        if (change.newValue === null) {
          lastSeenRaw = null;
          return;
        }
        writes += 1;
        const incoming = parseStored(change.newValue);
        if (incoming.problem) return; // Its writer's next load backs it up; never merge what we cannot read.
        const before = current();
        let held = mergeSets(before, incoming.set);
        lastSeenRaw = change.newValue;
        // Write back only what the other tab lacked; `write` may merge in
        // still newer stored data, so compare with `before` only afterwards.
        const writeBack = !sameSet(held, incoming.set);
        if (writeBack) held = persist(held).set;
        if (writeBack || held.revision !== before.revision || !sameSet(held, before))
          apply({ set: held, save });
      });
    },
  };
}
