/**
 * Keeps the reader's location in step with the URL hash: on load and on
 * `hashchange`, which fires for links, typed hashes and back/forward between
 * hash entries (`popstate` would add nothing: the reader never pushes state
 * objects, and j/k replace the hash without an event). The first render
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
    const apply = (): void => {
      const hash = window.location.hash;
      if (hash === '' || hash === '#') {
        setState((s) => ({ ...s, current: null, marked: [] }));
        return;
      }
      setState((s) => openAddress(s, editions, hashToAddress(hash)));
    };
    apply();
    window.addEventListener('hashchange', apply);
    return () => window.removeEventListener('hashchange', apply);
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
