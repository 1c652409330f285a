/**
 * The reader's preference "show comparison marks" (the margin glyphs and the
 * underlines of compared passages), kept in localStorage so it survives a
 * reload (and follows a change made in another tab). On by default.
 *
 * What it is for: one boolean preference, through the app's preference store
 * (`state/stored-preference.ts`: storage failures only mean the choice is not
 * remembered; the toggle still works for the tab). Not for annotations
 * (`annotations/storage/`).
 */
import { useCallback } from 'react';
import { useStoredPreference, type StoredPreference } from '../state/stored-preference.ts';

/** The localStorage key of the preference ("shown" or "hidden"). */
export const COMPARE_MARKS_KEY = 'diptych:compare-marks';

const COMPARE_MARKS: StoredPreference<'shown' | 'hidden'> = {
  key: COMPARE_MARKS_KEY,
  values: ['shown', 'hidden'],
  fallback: 'shown',
};

/** Whether comparison marks are shown, and the setter that also remembers the choice. */
export function useCompareMarksPref(): readonly [boolean, (shown: boolean) => void] {
  const [value, set] = useStoredPreference(COMPARE_MARKS);
  const setShown = useCallback((shown: boolean) => set(shown ? 'shown' : 'hidden'), [set]);
  return [value === 'shown', setShown] as const;
}
