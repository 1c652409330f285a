/**
 * Reads the page: the first numbered paragraph visible at the top of a
 * scrolling pane. Used by j/k (where to start) and by pane sync.
 */
import type { Address } from '../../sources/edition.ts';

/** Selector of the text elements of numbered blocks. */
export const NUMBERED_TEXT = '.block--numbered > [data-address]';

/**
 * The address of the first numbered paragraph whose bottom is below the
 * pane's top edge; when the pane is scrolled past them all (into the notes),
 * the last one.
 */
export function topParagraph(container: HTMLElement | null): Address | null {
  if (!container) return null;
  const top = container.getBoundingClientRect().top;
  let last: HTMLElement | undefined;
  for (const el of container.querySelectorAll<HTMLElement>(NUMBERED_TEXT)) {
    if (el.getBoundingClientRect().bottom > top + 4) return el.dataset.address as Address;
    last = el;
  }
  return (last?.dataset.address as Address | undefined) ?? null;
}

/** Scrolls `container` so that `el` sits near its top (a little air above). */
export function scrollToTop(container: HTMLElement, el: HTMLElement, air = 24): void {
  const delta = el.getBoundingClientRect().top - container.getBoundingClientRect().top - air;
  container.scrollTop += delta;
}
