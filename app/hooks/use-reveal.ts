/**
 * Carries out the state's `reveal` request: scroll the element with that
 * `data-address` into view inside its pane and focus it (without a second
 * scroll), so keyboard and screen-reader users land on the passage.
 */
import { useEffect } from 'react';
import type { Reveal } from '../state/reader-state.ts';
import { scrollToTop } from './top-paragraph.ts';

/** Reveals the requested passage after each render that changes the request. */
export function useReveal(reveal: Reveal | null): void {
  useEffect(() => {
    if (!reveal) return;
    const el = document.querySelector<HTMLElement>(
      `[data-address="${CSS.escape(reveal.address)}"]`,
    );
    if (!el) return;
    const container = el.closest<HTMLElement>('.pane-scroll');
    if (container) scrollToTop(container, el, Math.min(96, container.clientHeight / 4));
    else el.scrollIntoView({ block: 'start' });
    if (!el.hasAttribute('tabindex')) el.tabIndex = -1;
    el.focus({ preventScroll: true });
  }, [reveal]);
}
