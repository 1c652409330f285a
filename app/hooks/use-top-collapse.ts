/**
 * Lets the narrow layout's top (header, text switch, legend, and the pane's
 * text picker where it shows) step aside while the reader scrolls down a
 * text by hand, and brings it back on scrolling up or on moving focus into
 * it (`top-collapse.ts` decides; the CSS moves it).
 *
 * Only the reader's own scrolling counts: a wheel, a touch or a scrolling key
 * just before the scroll (or the scroll's own momentum right after). The
 * app's jumps — a followed footnote, a deep link, a restored position — leave
 * the top where it is, so a tool the reader was about to use does not vanish
 * under them.
 *
 * The state lives on the app's element as `data-top` and `--top-hide` (the
 * height to hide), not in React state: a change re-renders nothing, and the
 * decision runs on every scroll event.
 */
import { useEffect, type RefObject } from 'react';
import { nextTopCollapse, TOP_SHOWN, type TopCollapse } from './top-collapse.ts';

/** The narrow layout's breakpoint (`app/styles.css`). */
const NARROW = '(max-width: 899px)';
/** A scroll this soon after a wheel, touch or key (or after the last such scroll: momentum) is the reader's. */
const BY_HAND_MS = 250;
/** After the top moves, the scroll events its resize causes (a pane at its very end clamps) are not the reader's. */
const SETTLE_MS = 300;
/** Keys that scroll a focused pane. */
const SCROLL_KEYS = new Set(['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End', ' ']);
/** The parts that step aside: focus in them brings them back. */
const TOP_PARTS = '.banner, .pane-switch, .compare-legend, .pane-head';

/** The panes' scrolling areas (`views/pane.tsx`). */
const PANE_SCROLL = 'pane-scroll';

/** Installs the behaviour on `app`, following the scroll of its panes. */
export function useTopCollapse(app: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = app.current;
    if (!root) return;
    const narrow = window.matchMedia(NARROW);
    let state: TopCollapse = TOP_SHOWN;
    let hiddenHeight = 0;
    let byHandUntil = 0;
    let settleUntil = 0;
    const lastTop = new WeakMap<Element, number>();

    /** How far the pane's scrolling area starts below the app's top: what hiding takes away. */
    const topHeightOver = (scroller: HTMLElement): number =>
      state.hidden
        ? hiddenHeight
        : Math.max(0, scroller.getBoundingClientRect().top - root.getBoundingClientRect().top);

    const apply = (next: TopCollapse, scroller?: HTMLElement): void => {
      if (next.hidden !== state.hidden) {
        if (next.hidden && scroller) {
          hiddenHeight = topHeightOver(scroller);
          root.style.setProperty('--top-hide', `${hiddenHeight}px`);
        }
        root.dataset['top'] = next.hidden ? 'hidden' : 'shown';
        settleUntil = performance.now() + SETTLE_MS;
      }
      state = next;
    };

    const byHand = (): void => {
      byHandUntil = performance.now() + BY_HAND_MS;
    };
    const onKey = (event: KeyboardEvent): void => {
      // In a field these keys type or move the caret; they do not scroll the text.
      const t = event.target;
      const typing =
        t instanceof HTMLElement && (t.isContentEditable || t.matches('input, textarea, select'));
      if (SCROLL_KEYS.has(event.key) && !typing) byHand();
    };
    let installed = true;
    const showAtStart = (scroller: HTMLElement): void => {
      const now = performance.now();
      if (!installed || !state.hidden || scroller.scrollTop > hiddenHeight) return;
      if (now >= settleUntil) apply(TOP_SHOWN);
      // The top is still moving: look again once it has settled, as no other scroll event may come.
      else window.setTimeout(() => showAtStart(scroller), settleUntil - now);
    };
    const onScroll = (event: Event): void => {
      const scroller = event.target;
      if (!(scroller instanceof HTMLElement) || !scroller.classList.contains(PANE_SCROLL)) return;
      const scrollTop = scroller.scrollTop;
      // A pane not seen scrolling before is at its start: every change of an element's scroll
      // position fires a scroll event. (Reading the position at the wheel event is too late: the
      // compositor has already scrolled by then, so a pane's first notch measured as no step.)
      const delta = scrollTop - (lastTop.get(scroller) ?? 0);
      lastTop.set(scroller, scrollTop);
      const now = performance.now();
      // Back at the text's start, by any means (a jump to the title, a link to a first paragraph),
      // the top returns: there, scrolling up, the reader's way of calling it back, does nothing.
      if (state.hidden && scrollTop <= hiddenHeight) {
        showAtStart(scroller);
        return;
      }
      if (!narrow.matches || now >= byHandUntil || now < settleUntil) return;
      byHandUntil = now + BY_HAND_MS;
      apply(
        nextTopCollapse(state, { scrollTop, delta, topHeight: topHeightOver(scroller) }),
        scroller,
      );
    };
    const onFocus = (event: FocusEvent): void => {
      if (event.target instanceof Element && event.target.closest(TOP_PARTS)) apply(TOP_SHOWN);
    };
    const onWidth = (): void => {
      if (!narrow.matches) apply(TOP_SHOWN);
    };

    const passive = { passive: true } as const;
    window.addEventListener('wheel', byHand, passive);
    window.addEventListener('touchmove', byHand, passive);
    window.addEventListener('keydown', onKey, passive);
    // Scroll events do not bubble: caught on the way down, for whichever pane element is there.
    root.addEventListener('scroll', onScroll, { capture: true, passive: true });
    root.addEventListener('focusin', onFocus);
    narrow.addEventListener('change', onWidth);
    return () => {
      installed = false;
      window.removeEventListener('wheel', byHand);
      window.removeEventListener('touchmove', byHand);
      window.removeEventListener('keydown', onKey);
      root.removeEventListener('scroll', onScroll, { capture: true });
      root.removeEventListener('focusin', onFocus);
      narrow.removeEventListener('change', onWidth);
      delete root.dataset['top'];
      root.style.removeProperty('--top-hide');
    };
  }, [app]);
}
