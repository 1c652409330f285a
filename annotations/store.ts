/**
 * The annotation store: the one place that changes annotations. It adds,
 * updates, deletes and undoes; checks every change against the model's
 * schema; saves each change through an injected storage port; keeps in step
 * with other tabs; and tells subscribers (the app) when anything changed.
 *
 * What it is for: state and its rules, in a plain module with no React, as
 * Zotero's `AnnotationManager` (`src/common/annotation-manager.js`), which
 * gets `onSave` from its host and never touches storage itself. What it is
 * not for: anchoring (`annotations/anchoring/`), storage formats
 * (`annotations/storage/`), import parsing (`annotations/io/`) or rendering.
 *
 * Saving. No debounce: each change is one synchronous `setItem` of the whole
 * set (see `annotation-storage.ts`), so what the reader sees after a change
 * is either saved or flagged. The app should call `update` when an edit is
 * committed (Save, blur), not per keystroke. Before writing, the store
 * merges what is stored (if another tab changed it since this tab last
 * wrote), so a save never erases another tab's work. A failed write keeps the
 * change in memory — the reader still sees it and can export it — and sets
 * `save` to `unsaved` with a message; the next change or `retrySave` tries
 * again.
 *
 * Tabs. On a `storage` event for the annotations key, the store merges the
 * other tab's set into its own (`mergeSets`: by id, later `modified` wins,
 * tombstones keep deletions deleted), so two edits to different annotations
 * in two tabs are both kept. If this tab holds something the other lacked,
 * it writes the merge back; the merge converges, so this stops after one
 * round. A cleared key (another tab or the developer tools emptied storage)
 * is not treated as a mass deletion: this tab keeps its set and rewrites it
 * on its next change.
 */
import { z } from 'zod';
import {
  AnnotationSchema,
  completeAnnotation,
  newAnnotationId,
  type Annotation,
  type AnnotationId,
  type NewAnnotation,
} from './model/annotation.ts';
import {
  backUp,
  loadAnnotations,
  parseStored,
  saveAnnotations,
} from './storage/annotation-storage.ts';
import { ANNOTATIONS_KEY } from './storage/envelope.ts';
import { openBrowserStorage } from './storage/local-storage.ts';
import { EMPTY_SET, mergeSets, sameSet, type AnnotationSet } from './storage/merge.ts';
import type { StorageChange, StoragePort } from './storage/storage-port.ts';

/** Whether the last change reached storage. */
export type SaveState =
  | { readonly kind: 'saved' }
  | {
      readonly kind: 'unsaved';
      /** `quota`: storage full; `error`: another write failure; `read-only`: unreadable stored data could not be backed up, so the store will not write over it. */
      readonly reason: 'quota' | 'error' | 'read-only';
      /** What to tell the reader, with the export button at hand. */
      readonly message: string;
    };

/** Everything the app renders from the store. A new object after every change, the same one otherwise. */
export interface StoreSnapshot {
  /** The live annotations, oldest first (by `created`, then id). */
  readonly annotations: readonly Annotation[];
  /** Whether the last change was saved. */
  readonly save: SaveState;
  /** What loading found wrong (corrupt data moved to a backup key…), or `null`. */
  readonly loadMessage: string | null;
  /** The backup key made at load, if one was. */
  readonly backupKey: string | null;
  /** `memory` when the annotations are not kept beyond this tab (the app says so). */
  readonly storageKind: StoragePort['kind'];
  /** What `undo` would undo, for the button's label; `null` when there is nothing to undo. */
  readonly undo: { readonly label: string } | null;
  /** The revision of the stored set this snapshot includes. */
  readonly revision: number;
}

/** One problem with a change, by field. */
export interface FieldError {
  /** The field, as a dotted path (`note`, `targets.0.selectors.quote.exact`); empty for the whole annotation. */
  readonly path: string;
  /** What is wrong. */
  readonly message: string;
}

/** The result of a change. Nothing is changed unless `ok`. */
export type ChangeResult =
  | { readonly ok: true; readonly annotation: Annotation }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

/** What `update` may change. `null` removes an optional field. */
export interface AnnotationPatch {
  readonly motivation?: Annotation['motivation'];
  readonly color?: NonNullable<Annotation['color']> | null;
  readonly note?: string | null;
  readonly tags?: readonly string[];
  readonly targets?: Annotation['targets'];
  readonly link?: NonNullable<Annotation['link']> | null;
}

/** The result of `addMany`: all added, or nothing changed. */
export type AddManyResult =
  | { readonly ok: true; readonly added: number; readonly duplicates: number }
  | { readonly ok: false; readonly errors: readonly (FieldError & { readonly index: number })[] };

/** What the store needs from its host. */
export interface AnnotationStoreOptions {
  /** Where to save (`openBrowserStorage().port` in the app, `memoryStorage()` in tests). */
  readonly storage: StoragePort;
  /** The clock; injected so tests are deterministic. Stamps are made strictly increasing. */
  readonly now?: () => Date;
  /** The id maker (`newAnnotationId` by default). */
  readonly newId?: () => AnnotationId;
  /** How many changes `undo` can step back through. */
  readonly undoLimit?: number;
}

/** The store's operations. */
export interface AnnotationStore {
  /** The current snapshot (stable between changes, for `useSyncExternalStore`). */
  getSnapshot(): StoreSnapshot;
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** One annotation by id. */
  get(id: string): Annotation | undefined;
  /** Checks and adds a new annotation, filling in id, `created` and `modified`. */
  add(input: NewAnnotation): ChangeResult;
  /** Checks and applies a change to one annotation; `modified` is updated. */
  update(id: string, patch: AnnotationPatch): ChangeResult;
  /** Deletes one annotation (undoable). */
  delete(id: string): ChangeResult;
  /** Undoes the last add, update, delete or `addMany`; `null` when there is nothing to undo. */
  undo(): ChangeResult | null;
  /**
   * Adds already complete annotations (an import), all or nothing: each is
   * checked first; one bad record changes nothing. Ids already present are
   * duplicates and are skipped, not doubled.
   */
  addMany(annotations: readonly unknown[]): AddManyResult;
  /** Tries to save again (after the reader freed space). */
  retrySave(): SaveState;
  /** Stops listening to other tabs. */
  dispose(): void;
}

interface UndoEntry {
  readonly label: string;
  readonly apply: () => ChangeResult;
}

function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

function byCreated(a: Annotation, b: Annotation): number {
  return a.created < b.created
    ? -1
    : a.created > b.created
      ? 1
      : a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0;
}

/**
 * Opens the store: loads (and, if need be, backs up) what is stored, and
 * starts listening to other tabs. Never throws on bad stored data.
 */
export function createAnnotationStore(options: AnnotationStoreOptions): AnnotationStore {
  const port = options.storage;
  const clock = options.now ?? (() => new Date());
  const newId = options.newId ?? newAnnotationId;
  const undoLimit = options.undoLimit ?? 100;

  let lastStamp = 0;
  /** A timestamp strictly after every one this store made, so the later change always wins a merge. */
  const stamp = (): string => {
    const t = Math.max(clock().getTime(), lastStamp + 1);
    lastStamp = t;
    return new Date(t).toISOString();
  };

  /** Moves the stamp clock past every time in `s`, so a change made here always postdates what it changes, even if this machine's clock is behind another tab's. */
  const observe = (s: AnnotationSet): void => {
    for (const a of s.annotations) lastStamp = Math.max(lastStamp, Date.parse(a.modified));
    for (const at of Object.values(s.deleted)) lastStamp = Math.max(lastStamp, Date.parse(at));
  };

  const loaded = loadAnnotations(port, clock());
  let set: AnnotationSet = loaded.set;
  observe(set);
  let writable = loaded.writable;
  /** The stored string as this tab last wrote or read it: if storage still holds it, no merge is needed before writing. */
  // Unreadable data that has been backed up counts as seen: the next save may replace it.
  let lastSeenRaw: string | null =
    !loaded.problem || loaded.backupKey ? port.get(ANNOTATIONS_KEY) : null;
  let save: SaveState = writable
    ? { kind: 'saved' }
    : {
        kind: 'unsaved',
        reason: 'read-only',
        message: loaded.message ?? 'Stored data could not be read.',
      };
  const undoStack: UndoEntry[] = [];
  const listeners = new Set<() => void>();
  let snapshot: StoreSnapshot = makeSnapshot();

  function makeSnapshot(): StoreSnapshot {
    const top = undoStack.at(-1);
    return {
      annotations: [...set.annotations].sort(byCreated),
      save,
      loadMessage: loaded.message,
      backupKey: loaded.backupKey,
      storageKind: port.kind,
      undo: top ? { label: top.label } : null,
      revision: set.revision,
    };
  }

  function notify(): void {
    snapshot = makeSnapshot();
    for (const l of [...listeners]) l();
  }

  /** Writes the set (merged with what is stored) in one write, and records the outcome in `save`. */
  function persist(): void {
    if (!writable) return;
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
        return;
      }
      base = stored.set;
      observe(base);
    } else if (raw !== null) {
      base = { ...EMPTY_SET, revision: set.revision };
    }
    const merged = mergeSets(set, base);
    const next: AnnotationSet = { ...merged, revision: Math.max(set.revision, base.revision) + 1 };
    const result = saveAnnotations(port, next, clock());
    if (result.ok) {
      set = next;
      lastSeenRaw = port.get(ANNOTATIONS_KEY);
      save = { kind: 'saved' };
    } else {
      set = merged;
      save = { kind: 'unsaved', reason: result.reason, message: result.message };
    }
  }

  function commit(next: AnnotationSet, undo?: UndoEntry): void {
    set = next;
    if (undo) {
      undoStack.push(undo);
      if (undoStack.length > undoLimit) undoStack.shift();
    }
    persist();
    notify();
  }

  const find = (id: string): Annotation | undefined => set.annotations.find((a) => a.id === id);
  const without = (id: string): Annotation[] => set.annotations.filter((a) => a.id !== id);
  const notFound = (id: string): ChangeResult => ({
    ok: false,
    errors: [{ path: 'id', message: `no annotation with id "${id}"` }],
  });

  /** Puts a version of an annotation back (undo), stamped now so it wins over the tombstone or edit it reverses. */
  function restore(previous: Annotation): ChangeResult {
    const back = { ...previous, modified: stamp() };
    const deleted = { ...set.deleted };
    delete deleted[back.id];
    commit({ ...set, annotations: [...without(back.id), back], deleted });
    return { ok: true, annotation: back };
  }

  function remove(id: string, undoable: boolean): ChangeResult {
    const current = find(id);
    if (!current) return notFound(id);
    commit(
      { ...set, annotations: without(id), deleted: { ...set.deleted, [id]: stamp() } },
      undoable ? { label: 'Undo delete', apply: () => restore(current) } : undefined,
    );
    return { ok: true, annotation: current };
  }

  function onStorage(change: StorageChange): void {
    if (change.key !== ANNOTATIONS_KEY && change.key !== null) return;
    if (change.newValue === null) {
      lastSeenRaw = null;
      return;
    }
    const incoming = parseStored(change.newValue);
    if (incoming.problem) return; // Its writer's next load backs it up; never merge what we cannot read.
    observe(incoming.set);
    const before = set;
    set = mergeSets(set, incoming.set);
    lastSeenRaw = change.newValue;
    // Write back only what the other tab lacked; `persist` may merge in
    // still newer stored data, so compare with `before` only afterwards.
    const writeBack = !sameSet(set, incoming.set);
    if (writeBack) persist();
    if (writeBack || set.revision !== before.revision || !sameSet(set, before)) notify();
  }
  const unsubscribe = port.subscribe(onStorage);
  // Unreadable data is safe in its backup: replace it now with what could be
  // read, so the next load does not find (and back up) the same damage again.
  if (loaded.problem && loaded.backupKey) {
    persist();
    snapshot = makeSnapshot();
  }

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get: (id) => find(id),

    add(input) {
      let created: Annotation;
      try {
        created = completeAnnotation(input, newId(), stamp());
      } catch (error) {
        if (error instanceof z.ZodError) return { ok: false, errors: fieldErrors(error) };
        throw error;
      }
      if (find(created.id))
        return {
          ok: false,
          errors: [{ path: 'id', message: `an annotation with id "${created.id}" already exists` }],
        };
      commit(
        { ...set, annotations: [...set.annotations, created] },
        { label: 'Undo add', apply: () => remove(created.id, false) },
      );
      return { ok: true, annotation: created };
    },

    update(id, patch) {
      const current = find(id);
      if (!current) return notFound(id);
      const draft: Record<string, unknown> = { ...current };
      for (const [key, value] of Object.entries(patch)) {
        if (value === null) delete draft[key];
        else if (value !== undefined) draft[key] = value;
      }
      draft.modified = stamp();
      const parsed = AnnotationSchema.safeParse(draft);
      if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
      commit(
        { ...set, annotations: [...without(id), parsed.data] },
        { label: 'Undo edit', apply: () => restore(current) },
      );
      return { ok: true, annotation: parsed.data };
    },

    delete: (id) => remove(id, true),

    undo() {
      const entry = undoStack.pop();
      if (!entry) return null;
      const result = entry.apply();
      if (!result.ok) notify();
      return result;
    },

    addMany(records) {
      const errors: (FieldError & { index: number })[] = [];
      const parsed: Annotation[] = [];
      records.forEach((record, index) => {
        const r = AnnotationSchema.safeParse(record);
        if (r.success) parsed.push(r.data);
        else for (const e of fieldErrors(r.error)) errors.push({ index, ...e });
      });
      if (errors.length) return { ok: false, errors };
      const present = new Set(set.annotations.map((a) => a.id));
      const fresh: Annotation[] = [];
      for (const a of parsed) {
        if (present.has(a.id)) continue;
        present.add(a.id);
        // A re-imported annotation that was deleted here comes back: its
        // `modified` moves past the tombstone, or the merge would drop it.
        fresh.push(set.deleted[a.id] !== undefined ? { ...a, modified: stamp() } : a);
      }
      if (fresh.length) {
        const deleted = { ...set.deleted };
        for (const a of fresh) delete deleted[a.id];
        const ids = fresh.map((a) => a.id);
        commit(
          { ...set, annotations: [...set.annotations, ...fresh], deleted },
          {
            label: `Undo import of ${fresh.length} annotation${fresh.length === 1 ? '' : 's'}`,
            apply: () => {
              const at = stamp();
              const tomb = { ...set.deleted };
              for (const id of ids) tomb[id] = at;
              commit({
                ...set,
                annotations: set.annotations.filter((a) => !ids.includes(a.id)),
                deleted: tomb,
              });
              return { ok: true, annotation: fresh[0]! };
            },
          },
        );
      }
      return { ok: true, added: fresh.length, duplicates: parsed.length - fresh.length };
    },

    retrySave() {
      if (!writable && loaded.backupKey === null) {
        // Try once more to back up the unreadable data; only then may we write.
        const raw = port.get(ANNOTATIONS_KEY);
        writable =
          raw === null || parseStored(raw).problem === null || backUp(port, raw, clock()) !== null;
        if (writable) lastSeenRaw = raw;
      }
      persist();
      notify();
      return save;
    },

    dispose() {
      unsubscribe();
      listeners.clear();
    },
  };
}

/** The store the app opens, and what to tell the reader about where it keeps annotations. */
export interface OpenedStore {
  /** The store. */
  readonly store: AnnotationStore;
  /** Set when `localStorage` is unavailable and annotations live only in this tab: show it. */
  readonly fallbackReason?: string;
}

/**
 * Opens the store on the browser's `localStorage` (or, when that is blocked,
 * on memory, with the reason to show). The app's one way in to storage.
 */
export function openBrowserAnnotationStore(
  options: Omit<AnnotationStoreOptions, 'storage'> = {},
): OpenedStore {
  const { port, fallbackReason } = openBrowserStorage();
  const store = createAnnotationStore({ ...options, storage: port });
  return fallbackReason === undefined ? { store } : { store, fallbackReason };
}
