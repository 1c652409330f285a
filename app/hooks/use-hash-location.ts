/**
 * Keeps the reader's location in step with the URL hash: on load, on
 * `hashchange` (links, back/forward) and on `popstate`. The first render
 * ignores the hash (it must equal the prerendered HTML); the hash is applied
 * in an effect right after hydration.
 */
import { useEffect } from 'react';
import type { Edition } from '../../sources/edition.ts';
import { hashToAddress } from '../state/resolve-location.ts';
import { openAddress, type ReaderState } from '../state/reader-state.ts';

type SetState = (update: (state: ReaderState) => ReaderState) => void;

/** Subscribes to the URL hash. */
export function useHashLocation(editions: readonly Edition[], setState: SetState): void {
  useEffect(() => {
    let last = '';
    const apply = (): void => {
      const hash = window.location.hash;
      // hashchange and popstate both fire for one back/forward; apply once.
      if (hash === last) return;
      last = hash;
      if (hash === '' || hash === '#') {
        setState((s) => ({ ...s, current: null, marked: [] }));
        return;
      }
      setState((s) => openAddress(s, editions, hashToAddress(hash)));
    };
    apply();
    window.addEventListener('hashchange', apply);
    window.addEventListener('popstate', apply);
    return () => {
      window.removeEventListener('hashchange', apply);
      window.removeEventListener('popstate', apply);
    };
  }, [editions, setState]);
}

/** Puts an address in the URL without a history entry (j/k), keeping hashchange quiet. */
export function replaceHash(address: string): void {
  const url = new URL(window.location.href);
  url.hash = address;
  window.history.replaceState(window.history.state, '', url);
}

/** The shareable URL of an address. */
export function linkTo(address: string): string {
  const url = new URL(window.location.href);
  url.hash = address;
  return url.href;
}
