/**
 * Carries out the state's `reveal` request: scroll the element with that
 * `data-address` into view inside its pane and focus it (without a second
 * scroll), so keyboard and screen-reader users land on the passage.
 *
 * A sentence has its element only once the app is interactive (the
 * prerendered page and the hydration render leave the sentences' spans out:
 * `SentenceText`), and a deep link is applied right after hydration: a
 * request whose element is not there yet is carried out when `interactive`
 * turns true, and a request already carried out is not repeated then.
 */
import { useEffect, useRef } from 'react';
import type { Reveal } from '../state/reader-state.ts';
import { scrollToTop } from './top-paragraph.ts';

/** Reveals the requested passage after each render that changes the request. */
export function useReveal(reveal: Reveal | null, interactive: boolean): void {
  const done = useRef<Reveal | null>(null);
  useEffect(() => {
    if (!reveal || done.current === reveal) return;
    const el = document.querySelector<HTMLElement>(
      `[data-address="${CSS.escape(reveal.address)}"]`,
    );
    if (!el) return;
    done.current = reveal;
    const container = el.closest<HTMLElement>('.pane-scroll');
    if (container) scrollToTop(container, el, Math.min(96, container.clientHeight / 4));
    else el.scrollIntoView({ block: 'start' });
    if (!el.hasAttribute('tabindex')) el.tabIndex = -1;
    el.focus({ preventScroll: true });
  }, [reveal, interactive]);
}
