/**
 * The reader's preference "show comparison marks" (the margin glyphs and the
 * underlines of compared passages), kept in localStorage so it survives a
 * reload (and follows a change made in another tab). On by default.
 *
 * What it is for: one boolean preference. Storage failures (blocked or full
 * localStorage) only mean the choice is not remembered; the toggle still
 * works for the tab. Not for annotations (`annotations/storage/`).
 */
import { useCallback, useSyncExternalStore } from 'react';

/** The localStorage key of the preference ("shown" or "hidden"). */
export const COMPARE_MARKS_KEY = 'diptych:compare-marks';

// The tab's own value, for when localStorage refuses to keep it.
let inTab: boolean | null = null;
const listeners = new Set<() => void>();

function read(): boolean {
  if (inTab !== null) return inTab;
  try {
    return window.localStorage.getItem(COMPARE_MARKS_KEY) !== 'hidden';
  } catch {
    return true;
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent): void => {
    if (e.key !== COMPARE_MARKS_KEY) return;
    inTab = null;
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** Whether comparison marks are shown, and the setter that also remembers the choice. */
export function useCompareMarksPref(): readonly [boolean, (shown: boolean) => void] {
  // The prerendered page and the hydration render show them; the stored choice applies right after.
  const shown = useSyncExternalStore(subscribe, read, () => true);
  const set = useCallback((next: boolean) => {
    inTab = next;
    try {
      window.localStorage.setItem(COMPARE_MARKS_KEY, next ? 'shown' : 'hidden');
    } catch {
      // Not remembered; the choice still holds for this tab.
    }
    for (const l of listeners) l();
  }, []);
  return [shown, set] as const;
}
