/**
 * Where the first-run welcome goes: nothing once it was dismissed (a
 * remembered preference, `state/stored-preference.ts`), else the welcome
 * card, whose code is a lazy chunk (`welcome-card.tsx`) fetched only on a
 * visit that shows it. Rendered only after the reader is ready (app.tsx):
 * the prerendered page and the hydration render never hold it (so the
 * preference's fallback, "new", is never what the server render sees).
 *
 * A test (or a kiosk) can have it dismissed by storing the preference, as
 * the browser tests do (`tests/e2e/helpers/chromium.ts`, `welcome`); the key
 * is `WELCOME_KEY` (`welcome-pref.ts`).
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { useStoredPreference } from '../state/stored-preference.ts';
import { WELCOME } from './welcome-pref.ts';

const WelcomeCard = lazy(() =>
  import('./welcome-card.tsx').then((m) => ({ default: m.WelcomeCard })),
);

/** The welcome, until it is dismissed. */
export function WelcomeSlot(): ReactNode {
  const [welcome, setWelcome] = useStoredPreference(WELCOME);
  if (welcome === 'dismissed') return null;
  return (
    <Suspense fallback={null}>
      <WelcomeCard onDismiss={() => setWelcome('dismissed')} />
    </Suspense>
  );
}
