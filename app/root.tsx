/**
 * The root element, shared by the browser entry (`main.tsx`) and the
 * build-time prerender (`build/prerender.tsx`) so both render the same tree.
 */
import { StrictMode, type ReactNode } from 'react';
import type { Edition } from '../sources/edition.ts';
import { App } from './app.tsx';

/** The reader under StrictMode. */
export function Root({ editions }: { readonly editions: readonly Edition[] }): ReactNode {
  return (
    <StrictMode>
      <App editions={editions} />
    </StrictMode>
  );
}
