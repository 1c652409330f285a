/**
 * The annotation store: the one place that changes annotations, and what the
 * app subscribes to. It composes two parts and adds the snapshot:
 * - the state machine (`annotations/state/apply-change.ts`, pure): add,
 *   update, delete, undo and import, each checked against the model's schema;
 * - a `Persistence` (`annotations/storage/persistence.ts`): each new set is
 *   handed to it and the set it holds (merged with what other tabs saved)
 *   comes back; changes made elsewhere come in through it too.
 *
 * Modelled on Zotero's `AnnotationManager` (`src/common/annotation-manager.js`),
 * which gets `onSave` from its host and never touches storage itself. What it
 * is not for: anchoring (`annotations/anchoring/`), storage formats and tab
 * merging (`annotations/storage/`), import parsing (`annotations/io/`) or
 * rendering.
 *
 * Saving happens on every change, with no debounce (see `port-persistence.ts`):
 * the app should call `update` when an edit is committed (Save, blur), not per
 * keystroke.
 */
import {
  newAnnotationId,
  type Annotation,
  type AnnotationId,
  type NewAnnotation,
} from './model/annotation.ts';
import {
  applyChange,
  initialState,
  type AddManyResult,
  type AnnotationPatch,
  type Change,
  type ChangeResult,
  type EditState,
  type ResultOf,
} from './state/apply-change.ts';
import { openBrowserStorage } from './storage/local-storage.ts';
import type { Persistence, SaveState } from './storage/persistence.ts';
import { hubPersistence, type PersistenceHub } from './storage/hub-persistence.ts';
import { portPersistence, type PreloadedSet } from './storage/port-persistence.ts';
import { parseStored, type ParsedStore } from './storage/annotation-storage.ts';
import { ANNOTATIONS_KEY, DIGEST_KEY } from './storage/envelope.ts';
import { pauseForPage } from './pause-for-page.ts';
import { readTrustedSet } from './storage/read-trusted-set.ts';
import type { StoragePort } from './storage/storage-port.ts';
import { plural } from '../sources/util/plural.ts';

export type {
  AddManyResult,
  AnnotationPatch,
  ChangeResult,
  FieldError,
} from './state/apply-change.ts';
export type { SaveState } from './storage/persistence.ts';
export type { PersistenceHub } from './storage/hub-persistence.ts';
export type { ParsedStore } from './storage/annotation-storage.ts';
/** Reads a stored annotation value (for a worker that parses it off the page's thread). */
export { parseStored };

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

/** What the store needs from its host. */
export interface AnnotationStoreOptions {
  /** Where to save (`openBrowserStorage().port` in the app, `memoryStorage()` in tests). Ignored when `persistence` is given. */
  readonly storage: StoragePort;
  /** How sets are saved and merged; `portPersistence(storage)` by default. The seam a sync replica plugs into. */
  readonly persistence?: Persistence;
  /** The clock; injected so tests are deterministic. Stamps are made strictly increasing within what it gives. */
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

/** Bytes as megabytes for a message (`4.8 MB`; `0.01 MB` for small sizes). */
function megabytes(bytes: number): string {
  const mb = bytes / 1_000_000;
  return `${mb >= 1 ? mb.toFixed(1) : mb.toFixed(2)} MB`;
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
  const clock = options.now ?? (() => new Date());
  const newId = options.newId ?? newAnnotationId;
  const undoLimit = options.undoLimit ?? 100;
  const persistence = options.persistence ?? portPersistence(options.storage, clock);
  const { loaded } = persistence;

  let state: EditState = initialState(loaded.set);
  const listeners = new Set<() => void>();
  /** The set's annotations the last snapshot listed, and that list (sorted by `byCreated`). */
  let listedFrom: readonly Annotation[] | null = null;
  let listed: Annotation[] = [];
  let snapshot: StoreSnapshot = makeSnapshot();

  /**
   * The snapshot's list: the last one again when the set holds the very
   * same annotations (objects), in whatever order — a save's merge hands the
   * store its set sorted by id — so that nothing the reader derives from
   * the list (anchoring, the sidebar) is redone for a set that did not
   * change: the save after a first replication of 10,000 re-rendered and
   * re-anchored all of them (bench/trace-sync-replication.ts). `byCreated`
   * is a total order, so the list would be the same.
   */
  function listOf(annotations: readonly Annotation[]): Annotation[] {
    if (annotations === listedFrom) return listed;
    if (listedFrom !== null && annotations.length === listed.length) {
      const held = new Set(listed);
      if (annotations.every((a) => held.has(a))) {
        listedFrom = annotations;
        return listed;
      }
    }
    listedFrom = annotations;
    listed = [...annotations].sort(byCreated);
    return listed;
  }

  function makeSnapshot(): StoreSnapshot {
    const top = state.undo.at(-1);
    return {
      annotations: listOf(state.set.annotations),
      save: persistence.save,
      loadMessage: loaded.message,
      backupKey: loaded.backupKey,
      storageKind: persistence.kind,
      undo: top ? { label: top.label } : null,
      revision: state.set.revision,
    };
  }

  function notify(): void {
    snapshot = makeSnapshot();
    for (const l of [...listeners]) l();
  }

  /** Applies a change; a changed set is persisted, and subscribers hear of any change. */
  function run<C extends Change>(change: C): ResultOf<C> {
    const before = state;
    const applied = applyChange(state, change, { now: clock().getTime(), undoLimit });
    state = applied.state;
    if (state.set !== before.set) state = { ...state, set: persistence.persist(state.set).set };
    if (state !== before) notify();
    return applied.result;
  }

  const stop = persistence.connect(
    () => state.set,
    (next) => {
      state = { ...state, set: next.set };
      notify();
    },
  );

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get: (id) => state.set.annotations.find((a) => a.id === id),
    add: (input) => run({ kind: 'add', input, id: newId() }),
    update: (id, patch) => run({ kind: 'update', id, patch }),
    delete: (id) => run({ kind: 'delete', id }),
    undo: () => run({ kind: 'undo' }),
    addMany(records) {
      const before = state;
      const applied = applyChange(
        state,
        { kind: 'import', records },
        {
          now: clock().getTime(),
          undoLimit,
        },
      );
      if (!applied.result.ok || applied.state.set === before.set) return applied.result;
      // An import is made only if it can be kept: a full storage refuses it
      // up front, with the numbers, and nothing changes (issue 12, item 4).
      const persisted = persistence.persistIfFits(applied.state.set);
      if ('refused' in persisted) {
        const { wouldUse, inUse } = persisted.refused;
        const n = applied.result.added;
        return {
          ok: false,
          errors: [],
          refused: {
            wouldUse,
            inUse,
            message: `Nothing was imported: with ${plural(n, 'this annotation', `these ${n} annotations`)} the stored annotations would take ${megabytes(wouldUse)}, and this browser's storage would not hold them (they take ${megabytes(inUse)} now). Free some space (for example, delete old backups) or export your annotations, then try again.`,
          },
        };
      }
      state = { ...applied.state, set: persisted.set };
      notify();
      return persisted.save.kind === 'saved'
        ? applied.result
        : { ...applied.result, notSaved: persisted.save.message };
    },
    retrySave() {
      state = { ...state, set: persistence.retry(state.set).set };
      notify();
      return persistence.save;
    },
    dispose() {
      stop();
      listeners.clear();
    },
  };
}

/** The store the app opens, and what to tell the reader about where it keeps annotations. */
export interface OpenedStore {
  /** The store. */
  readonly store: AnnotationStore;
  /** Where a sync replica attaches (`annotations/replica/`); unused without a server. */
  readonly hub: PersistenceHub;
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
  return openOn(port, fallbackReason, options);
}

/**
 * Parses and validates a stored value as `parseStored` does (the same
 * function, run elsewhere: the reader runs it in a worker), or resolves to
 * `null` when it could not (then the store parses it itself).
 */
export type StoredSetParser = (raw: string) => Promise<ParsedStore | null>;

/**
 * `openBrowserAnnotationStore`, without one long task however much is
 * stored. The string this app last wrote (its digest matches, see
 * `storage/stored-digest.ts`) is parsed here in slices with `pause()`
 * between, its records not validated again; any other string is parsed and
 * validated by `parse` while the caller's thread does other things (with
 * 10,000 annotations that takes seconds: bench/annotations-sidebar.ts).
 * Every record of such a string is checked with the model's schema before
 * the store holds it; if storage changed meanwhile (another tab saved), or
 * `parse` fails, the store reads and checks it here as usual.
 */
export async function openBrowserAnnotationStoreAsync(
  parse: StoredSetParser,
  options: Omit<AnnotationStoreOptions, 'storage'> = {},
  pause: () => Promise<void> = pauseForPage,
): Promise<OpenedStore> {
  // Each step below is its own task: reading 10 MB out of storage is tens of ms, and so is
  // opening the store on 10,000 records (it reads the key again, to see whether another tab
  // saved meanwhile, and sorts them); the caller's module evaluation comes before.
  await pause();
  const { port, fallbackReason } = openBrowserStorage();
  const raw = port.get(ANNOTATIONS_KEY);
  const digest = raw === null ? null : port.get(DIGEST_KEY);
  if (raw !== null) await pause();
  const trusted = raw === null ? null : await readTrustedSet(raw, digest, pause);
  const parsed = trusted ?? (raw === null ? null : await parse(raw).catch(() => null));
  if (parsed) await pause();
  return openOn(port, fallbackReason, options, parsed ? { raw, parsed } : undefined);
}

function openOn(
  port: StoragePort,
  fallbackReason: string | undefined,
  options: Omit<AnnotationStoreOptions, 'storage'>,
  preloaded?: PreloadedSet,
): OpenedStore {
  const clock = options.now ?? (() => new Date());
  const persistence = hubPersistence(portPersistence(port, clock, preloaded));
  const store = createAnnotationStore({ ...options, storage: port, persistence });
  const { hub } = persistence;
  return fallbackReason === undefined ? { store, hub } : { store, hub, fallbackReason };
}
