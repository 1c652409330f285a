/**
 * Keeps the reader's location in step with the URL hash: on load and on
 * `hashchange`, which fires for links, typed hashes and back/forward between
 * hash entries (`popstate` would add nothing: the reader never pushes state
 * objects, and j/k replace the hash without an event). The first render
 * ignores the hash (it must equal the prerendered HTML); the hash is applied
 * in an effect right after hydration.
 *
 * An entry without an address (the page opened at "/") has no passage to go
 * back to, so each history entry remembers the panes' scroll positions (in
 * `history.state`, saved as the reader scrolls and before a link is
 * followed); going back to such an entry puts the panes where they were.
 */
import { useEffect, useRef } from 'react';
import { sourceOfAddress } from '../../sources/address.ts';
import type { PaneIndex } from '../state/reader-state.ts';
import type { Edition } from '../../sources/edition.ts';
import { hashToAddress } from '../state/resolve-location.ts';
import { openAddress, type ReaderState } from '../state/reader-state.ts';

type SetState = (update: (state: ReaderState) => ReaderState) => void;

/** The `history.state` field holding an entry's pane scroll positions. */
const SCROLL_STATE = 'diptychScroll';
/** How long scrolling must pause before the positions are written (replaceState is rate-limited). */
const SAVE_DELAY_MS = 150;

function savedScroll(): readonly number[] | null {
  const state: unknown = window.history.state;
  if (typeof state !== 'object' || state === null) return null;
  const saved = (state as Record<string, unknown>)[SCROLL_STATE];
  return Array.isArray(saved) && saved.every((n) => typeof n === 'number') ? saved : null;
}

/** Subscribes to the URL hash; `scrollOf` gives each pane's scrolling element. */
export function useHashLocation(
  editions: readonly Edition[],
  setState: SetState,
  scrollOf?: (pane: PaneIndex) => HTMLElement | null,
): void {
  // The hash last applied with its text among the editions. A new list of editions (a text
  // added to the Library, or loaded) re-applies the hash only when it was not applied yet
  // (a deep link to a text still loading): re-applying it always would put the hash's
  // text back into the pane a newly added text had just been opened in.
  const applied = useRef<string | null>(null);
  useEffect(() => {
    const apply = (always: boolean): void => {
      const hash = window.location.hash;
      if (!always && hash === applied.current) return;
      if (hash === '' || hash === '#') {
        applied.current = hash;
        setState((s) => ({ ...s, current: null, marked: [] }));
        // Back to the page without an address: the panes go where they were on it (the start if unknown).
        const saved = savedScroll() ?? [0, 0];
        requestAnimationFrame(() => {
          for (const pane of [0, 1] as const) {
            const el = scrollOf?.(pane);
            if (el) el.scrollTop = saved[pane] ?? 0;
          }
        });
        return;
      }
      const address = hashToAddress(hash);
      if (editions.some((e) => e.id === sourceOfAddress(address))) applied.current = hash;
      setState((s) => openAddress(s, editions, address));
    };
    apply(false);
    const onHashChange = (): void => apply(true);
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [editions, setState, scrollOf]);

  useEffect(() => {
    if (!scrollOf) return;
    let timer = 0;
    const save = (): void => {
      window.clearTimeout(timer);
      timer = 0;
      const positions = ([0, 1] as const).map((pane) => scrollOf(pane)?.scrollTop ?? 0);
      const state: unknown = window.history.state;
      const base = typeof state === 'object' && state !== null ? state : {};
      window.history.replaceState({ ...base, [SCROLL_STATE]: positions }, '');
    };
    const onScroll = (e: Event): void => {
      if (!(e.target instanceof Element) || !e.target.classList.contains('pane-scroll')) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(save, SAVE_DELAY_MS);
    };
    // Before a link leaves this entry, its positions are written (a pending save would land on the next one).
    const onClick = (e: MouseEvent): void => {
      if (e.target instanceof Element && e.target.closest('a[href^="#"]')) save();
    };
    document.addEventListener('scroll', onScroll, true);
    document.addEventListener('click', onClick, true);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('scroll', onScroll, true);
      document.removeEventListener('click', onClick, true);
    };
  }, [scrollOf]);
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
