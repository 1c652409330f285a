/**
 * The root element, shared by the browser entry (`main.tsx`) and the
 * build-time prerender (`build/prerender.tsx`) so both render the same tree.
 * It also holds the texts a reader opens during the session ("Open a text"),
 * next to the built-in editions.
 */
import { StrictMode, useCallback, useMemo, useState, type ReactNode } from 'react';
import type { Edition } from '../sources/edition.ts';
import { App } from './app.tsx';

/** The reader under StrictMode. */
export function Root({ editions }: { readonly editions: readonly Edition[] }): ReactNode {
  const [opened, setOpened] = useState<readonly Edition[]>([]);
  const all = useMemo(
    () => (opened.length ? [...editions, ...opened] : editions),
    [editions, opened],
  );
  const onAddEdition = useCallback(
    (edition: Edition) => setOpened((list) => [...list, edition]),
    [],
  );
  return (
    <StrictMode>
      <App editions={all} onAddEdition={onAddEdition} />
    </StrictMode>
  );
}
