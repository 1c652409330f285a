/**
 * The root element, shared by the browser entry (`main.tsx`) and the
 * build-time prerender (`build/prerender.tsx`) so both render the same tree.
 * It also holds the reader's library (`library/use-library.ts`): the texts a
 * reader added, kept in IndexedDB, shown next to the built-in editions once
 * the page has painted.
 */
import { StrictMode, useCallback, useMemo, useState, type ReactNode } from 'react';
import type { Edition } from '../sources/edition.ts';
import { App } from './app.tsx';
import { useLibrary } from './library/use-library.ts';

/** The reader under StrictMode. */
export function Root({ editions }: { readonly editions: readonly Edition[] }): ReactNode {
  return (
    <StrictMode>
      <WithLibrary builtins={editions} />
    </StrictMode>
  );
}

function WithLibrary({ builtins }: { readonly builtins: readonly Edition[] }): ReactNode {
  // The library reports through the reader's notice; App registers its notifier here.
  const [notifier, setNotifier] = useState<{ fn: (m: string) => void } | null>(null);
  const notify = useCallback((message: string) => notifier?.fn(message), [notifier]);
  const library = useLibrary(notify);
  const all = useMemo(
    () => (library.editions.length ? [...builtins, ...library.editions] : builtins),
    [builtins, library.editions],
  );
  const register = useCallback((fn: (m: string) => void) => setNotifier({ fn }), []);
  return <App editions={all} library={library} onNotifier={register} />;
}
