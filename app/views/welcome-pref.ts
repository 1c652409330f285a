/**
 * The preference that says whether the first-run welcome was dismissed
 * (`welcome-slot.tsx`), in the app's preference store
 * (`state/stored-preference.ts`). Its own module, with no React, so that the
 * browser tests can name the key (`tests/e2e/helpers/chromium.ts`).
 */
import type { StoredPreference } from '../state/stored-preference.ts';

/** The localStorage key of the preference: "dismissed" once **Start reading** was chosen. */
export const WELCOME_KEY = 'diptych:welcome';

/**
 * Shown ("new") until dismissed; a value it does not know (corrupted) shows it again. ("new" is
 * never stored, so it is not among the values read back.)
 */
export const WELCOME: StoredPreference<'new' | 'dismissed'> = {
  key: WELCOME_KEY,
  values: ['dismissed'],
  fallback: 'new',
};
