/**
 * The reader's small preferences, each one string in localStorage under a
 * `diptych:` key, read back across visits and followed when another tab
 * changes it: whether the comparison marks are shown
 * (`compare/use-compare-marks-pref.ts`), whether the first-run welcome was
 * dismissed (`views/welcome-slot.tsx`).
 *
 * What it is for: a choice among a few fixed values. A stored value that is
 * not one of them (corrupted, or written by a later version) reads as the
 * default; storage that throws (blocked, private mode, full) only means the
 * choice is not remembered: it still holds for the tab. Not for annotations
 * or anything of the reader's own (`annotations/storage/`, with its
 * envelope, backups and tab sync); one short string needs none of that, and
 * is checked against its list of values rather than a zod schema.
 */
import { useCallback, useSyncExternalStore } from 'react';

/** One preference: its key, the values it may take and the one it has when none is stored. */
export interface StoredPreference<T extends string> {
  /** The localStorage key, in the app's `diptych:` namespace. */
  readonly key: string;
  /** The values it may take; anything else stored reads as `fallback`. */
  readonly values: readonly T[];
  /** Its value when nothing (or nothing valid) is stored, or storage cannot be read. */
  readonly fallback: T;
}

// Each preference's value for this tab once set here, for when localStorage refuses to keep it.
const inTab = new Map<string, string>();
// Every subscriber of every preference: a change to one re-reads all (a few, each a string
// compared by useSyncExternalStore), cheaper in code than a set per key.
const listeners = new Set<() => void>();

/** The preference's value: this tab's choice, else the stored one, else its fallback. */
export function readPreference<T extends string>(pref: StoredPreference<T>): T {
  let value = inTab.get(pref.key);
  try {
    value ??= window.localStorage.getItem(pref.key) ?? undefined;
  } catch {
    // Unreadable storage: the fallback.
  }
  return pref.values.find((v) => v === value) ?? pref.fallback;
}

/** Sets the preference for this tab and stores it (if storage accepts it: else for this tab only). */
export function writePreference<T extends string>(pref: StoredPreference<T>, value: T): void {
  inTab.set(pref.key, value);
  try {
    window.localStorage.setItem(pref.key, value);
  } catch {
    // Not remembered; the choice still holds for this tab.
  }
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab's change (or its clearing the whole storage): what is stored wins again.
  const onStorage = (e: StorageEvent): void => {
    if (e.key === null) inTab.clear();
    else inTab.delete(e.key);
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/**
 * The preference's value and its setter (which also stores it). The prerendered page and the
 * hydration render see its fallback (they must match); the stored choice applies right after.
 */
export function useStoredPreference<T extends string>(
  pref: StoredPreference<T>,
): readonly [T, (value: T) => void] {
  const value = useSyncExternalStore(
    subscribe,
    () => readPreference(pref),
    () => pref.fallback,
  );
  const set = useCallback((next: T) => writePreference(pref, next), [pref]);
  return [value, set] as const;
}
