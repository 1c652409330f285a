/**
 * The reader's record overrides (`sources/citation/record-overrides.ts`),
 * kept in `localStorage` under `diptych:v1:record-overrides` as
 * `{ version: 1, overrides: { [sourceId]: { field: value } } }`: what a
 * reader added to a source's bibliographic record, laid over the shipped
 * record when citing and exporting, never changing it.
 *
 * API, keyed by source id (the library of user texts reuses it for its own
 * sources): `get(id)`, `all()`, `set(id, override)` (validated; an empty
 * override clears), `clear(id)`, `undo()`, `replaceAll(overrides)` (import),
 * `receive(overrides)` (from sync: validated, not undoable),
 * `subscribe(listener)`; `recordOverridePort(store)` is what the sync
 * replica gets (it writes the reader's changes to their private layer). Every change is one `setItem`, so a failed write
 * leaves the stored value as it was; a full or blocked storage keeps the
 * change in this tab and reports it (`problem`). Stored data that fails
 * validation is copied to `diptych:backup:record-overrides:<time>` and the
 * store opens empty, saying so. Another tab's changes arrive through the
 * `storage` event.
 *
 * Not for: the form (`record-editor.tsx`) or the citer (which receives
 * `all()` with each call).
 */
import { z } from 'zod';
import type { RecordOverridePort } from '../../annotations/replica/record-replica.ts';
import {
  RecordOverrideSchema,
  RecordOverridesSchema,
  type RecordOverride,
  type RecordOverrides,
} from '../../sources/citation/record-overrides.ts';

/** The localStorage key. */
export const RECORD_OVERRIDES_KEY = 'diptych:v1:record-overrides';

const EnvelopeSchema = z.object({ version: z.literal(1), overrides: RecordOverridesSchema });

/** The part of `Storage` the store uses. */
export type OverrideStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The outcome of a change. */
export type ChangeResult = { readonly ok: true } | { readonly ok: false; readonly error: string };

/** The reader's record overrides. */
export interface RecordOverrideStore {
  /** A source's override, if the reader set one. */
  get(sourceId: string): RecordOverride | undefined;
  /** Every override, keyed by source id (pass it to the citer). */
  all(): RecordOverrides;
  /** Replaces a source's override (validated; `{}` clears it). */
  set(sourceId: string, override: RecordOverride): ChangeResult;
  /** Removes a source's override (back to the shipped record). */
  clear(sourceId: string): ChangeResult;
  /** Undoes the last change made in this tab; `false` when there is none. */
  undo(): boolean;
  /** Whether there is a change to undo. */
  canUndo(): boolean;
  /** Replaces every override (an import, validated all or nothing). */
  replaceAll(overrides: unknown): ChangeResult;
  /**
   * Replaces every override with what sync brought (validated all or nothing;
   * the replica has checked each document already). Not an undoable change of
   * the reader's: Undo still takes back the reader's own last change.
   */
  receive(overrides: unknown): ChangeResult;
  /** A storage problem to show the reader, or `null`. */
  problem(): string | null;
  /** Called after every change (here or in another tab); returns an unsubscribe. */
  subscribe(listener: () => void): () => void;
}

function defaultStorage(): OverrideStorage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

function isQuota(error: unknown): boolean {
  if (!(error instanceof DOMException)) return false;
  return error.name === 'QuotaExceededError' || error.code === 22 || error.code === 1014;
}

/** Reads the stored overrides, validating them; returns what to use and a problem, if any. */
function read(storage: OverrideStorage | undefined): {
  overrides: RecordOverrides;
  problem: string | null;
} {
  let raw: string | null;
  try {
    raw = storage?.getItem(RECORD_OVERRIDES_KEY) ?? null;
  } catch {
    return {
      overrides: {},
      problem: 'Your browser blocks storage: record edits last for this tab only.',
    };
  }
  if (raw === null) return { overrides: {}, problem: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  const envelope = EnvelopeSchema.safeParse(parsed);
  if (envelope.success) return { overrides: envelope.data.overrides, problem: null };
  const backup = `diptych:backup:record-overrides:${new Date().toISOString()}`;
  try {
    storage?.setItem(backup, raw);
  } catch {
    return {
      overrides: {},
      problem:
        'Your stored record edits could not be read, and there was no room to back them up; they are left as they were and not used.',
    };
  }
  return {
    overrides: {},
    problem: `Your stored record edits could not be read; they were copied to ${backup} and the built-in records are used.`,
  };
}

/** Opens the store on `storage` (default: `localStorage`). */
export function openRecordOverrideStore(
  storage: OverrideStorage | undefined = defaultStorage(),
): RecordOverrideStore {
  let state = read(storage);
  const history: RecordOverrides[] = [];
  const listeners = new Set<() => void>();
  let unreadable = state.problem !== null && !state.problem.startsWith('Your browser blocks');

  const notify = () => {
    for (const l of listeners) l();
  };

  const write = (next: RecordOverrides, undoable = true): ChangeResult => {
    if (undoable) history.push(state.overrides);
    if (history.length > 50) history.shift();
    state = { overrides: next, problem: state.problem };
    try {
      if (!storage) throw new Error('no storage');
      // Never write over stored data we could not read (it may be a newer version's).
      if (!unreadable) {
        storage.setItem(RECORD_OVERRIDES_KEY, JSON.stringify({ version: 1, overrides: next }));
      }
      if (!unreadable) state = { overrides: next, problem: null };
    } catch (error) {
      state = {
        overrides: next,
        problem: isQuota(error)
          ? 'Your browser’s storage is full: the record edit is kept in this tab but not saved. Export your annotations (they carry record edits) or free some space.'
          : 'Your browser blocks storage: record edits last for this tab only.',
      };
    }
    notify();
    return { ok: true };
  };

  if (typeof window !== 'undefined' && typeof window.addEventListener === 'function') {
    window.addEventListener('storage', (event) => {
      if (event.key !== RECORD_OVERRIDES_KEY) return;
      const next = read(storage);
      if (next.problem === null) {
        state = next;
        unreadable = false;
        notify();
      }
    });
  }

  return {
    get: (id) => state.overrides[id],
    all: () => state.overrides,
    set(id, override) {
      const checked = RecordOverrideSchema.safeParse(override);
      if (!checked.success) {
        return { ok: false, error: checked.error.issues[0]?.message ?? 'invalid record edit' };
      }
      const { [id]: _old, ...rest } = state.overrides;
      return write(Object.keys(checked.data).length ? { ...rest, [id]: checked.data } : rest);
    },
    clear(id) {
      if (!(id in state.overrides)) return { ok: true };
      const { [id]: _old, ...rest } = state.overrides;
      return write(rest);
    },
    undo() {
      const previous = history.pop();
      if (previous === undefined) return false;
      write(previous);
      history.pop(); // the undo itself is not undoable
      return true;
    },
    canUndo: () => history.length > 0,
    replaceAll(overrides) {
      const checked = RecordOverridesSchema.safeParse(overrides);
      if (!checked.success) {
        const issue = checked.error.issues[0];
        return {
          ok: false,
          error:
            `record edits: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`.trim(),
        };
      }
      return write(checked.data);
    },
    receive(overrides) {
      const checked = RecordOverridesSchema.safeParse(overrides);
      if (!checked.success) return { ok: false, error: 'record edits from sync: invalid' };
      return write(checked.data, false);
    },
    problem: () => state.problem,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The store as the sync replica sees it (`RecordOverridePort`): changes made
 * by `receive` are announced as the replica's, so they are not written back;
 * every other change (this tab's, another tab's) as the reader's.
 */
export function recordOverridePort(store: RecordOverrideStore): RecordOverridePort {
  let receiving = false;
  return {
    current: () => store.all(),
    watch: (listener) =>
      store.subscribe(() => listener(store.all(), receiving ? 'replica' : 'local')),
    receive(update) {
      const before = store.all();
      const next = update(before);
      if (next === before) return;
      receiving = true;
      try {
        const result = store.receive(next);
        if (!result.ok) console.error('Record edits from sync were not taken', result.error);
      } finally {
        receiving = false;
      }
    },
  };
}

let shared: RecordOverrideStore | undefined;

/** The page's one store (opened on first use). */
export function recordOverrideStore(): RecordOverrideStore {
  shared ??= openRecordOverrideStore();
  return shared;
}

/** The stored overrides, for callers outside React (the digest). */
export function loadRecordOverrides(): RecordOverrides {
  return recordOverrideStore().all();
}
