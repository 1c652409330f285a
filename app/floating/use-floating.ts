/**
 * One way to place every floating thing in the reader (the selection
 * toolbar, footnote popovers, the Related panel): Floating UI's
 * `computePosition` with `flip` (above ↔ below), `shift` (slide along the
 * edge) and `size` (cap the width and height to the room there is, so a
 * toolbar wraps and a popover scrolls rather than leave the window), kept up
 * to date by `autoUpdate` while it is shown.
 *
 * What it is for: keeping floating elements inside the viewport. What it is
 * not for: when they open or close (their components decide), or dialogs
 * (modal `<dialog>`s are laid out by the browser).
 *
 * The element is positioned `fixed`, so a pane's `overflow` never clips it.
 * Until the first position is computed it is `visibility: hidden`, so it
 * never flashes at the wrong place. Floating UI itself is a lazy chunk,
 * fetched when the first floating thing opens (bench/reader.ts: initial JS).
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';
import type { Placement, ReferenceElement } from '@floating-ui/dom';

/** Floating UI, loaded when the first floating thing opens (it is not needed to read). */
let floatingUi: Promise<typeof import('@floating-ui/dom')> | undefined;
const loadFloatingUi = (): Promise<typeof import('@floating-ui/dom')> =>
  (floatingUi ??= import('@floating-ui/dom').catch((error: unknown) => {
    // Tried again next time (offline for now), not refused for the rest of the page's life.
    floatingUi = undefined;
    throw error;
  }));

/** How a floating element sits against its reference. */
export interface FloatingOptions {
  /** Preferred side and alignment ("top-start": above, left edges aligned). */
  readonly placement: Placement;
  /** Distance from the reference, in px. */
  readonly gap?: number;
  /** Room kept free at the viewport's edges, in px. */
  readonly padding?: number;
  /**
   * Never over the reference: when neither side has room for the element as it is, it stays on
   * the side of `placement` (no flip to the side with less overflow, no shift across the
   * reference) and `size` caps it to the room there. For a panel about a paragraph, whose text
   * it must not cover; the caller picks a side with room enough (app/compare/related-placement.ts).
   */
  readonly keepClear?: boolean;
  /**
   * Called once the element is first shown where it belongs (again after each new reference):
   * for what must wait until it is visible, such as taking the focus, which a `visibility:
   * hidden` element cannot (the Related panel's heading stayed unfocused when it opened at once).
   */
  readonly onPlaced?: () => void;
}

/** Writes inline styles (mutates `el`). */
function setStyle(
  el: HTMLElement,
  styles: Partial<Record<'position' | 'visibility' | 'left' | 'top', string>>,
): void {
  Object.assign(el.style, styles);
}

/** Room kept free at the viewport's edges unless told otherwise. */
export const VIEWPORT_PADDING = 8;

/**
 * Positions `floating` against `reference` while both exist; `key` names the
 * reference's identity (a new key recomputes at once). Mutates only the
 * floating element's inline `position`, `top`, `left`, `visibility` and the
 * custom properties `--available-width` and `--available-height` (the room
 * left on the chosen side, for the element's CSS to cap its size with); the
 * first four are cleared again once `reference` is null or the element goes.
 */
export function useFloating(
  reference: ReferenceElement | null,
  floating: RefObject<HTMLElement | null>,
  { placement, gap = 8, padding = VIEWPORT_PADDING, keepClear = false, onPlaced }: FloatingOptions,
): void {
  // The latest callback, read when the element is placed: a new function each render must not
  // place the element again.
  const placedCallback = useRef(onPlaced);
  useLayoutEffect(() => {
    placedCallback.current = onPlaced;
  });
  useLayoutEffect(() => {
    const el = floating.current;
    if (!reference || !el) return;
    setStyle(el, { position: 'fixed', visibility: 'hidden' });
    let live = true;
    let placed = false;
    const shown = (): void => {
      if (placed) return;
      placed = true;
      placedCallback.current?.();
    };
    let stop: (() => void) | undefined;
    loadFloatingUi()
      .then(({ autoUpdate, computePosition, flip, offset, shift, size }) => {
        if (!live) return;
        const update = (): void => {
          void computePosition(reference, el, {
            strategy: 'fixed',
            placement,
            middleware: [
              offset(gap),
              flip({
                padding,
                crossAxis: false,
                ...(keepClear ? { fallbackStrategy: 'initialPlacement' as const } : {}),
              }),
              shift({ padding, crossAxis: !keepClear }),
              size({
                padding,
                apply({ availableWidth, availableHeight, elements }) {
                  // As custom properties: each element's CSS decides how it uses the room (max-height: min(55vh, …)).
                  const s = elements.floating.style;
                  s.setProperty(
                    '--available-width',
                    `${Math.max(0, Math.floor(availableWidth))}px`,
                  );
                  s.setProperty(
                    '--available-height',
                    `${Math.max(0, Math.floor(availableHeight))}px`,
                  );
                },
              }),
            ],
          }).then(({ x, y }) => {
            if (!live) return;
            setStyle(el, { left: `${Math.round(x)}px`, top: `${Math.round(y)}px`, visibility: '' });
            shown();
          });
        };
        stop = autoUpdate(reference, el, update);
      })
      .catch(() => {
        // The chunk did not load (offline after an update): show it where the CSS puts it.
        if (!live) return;
        setStyle(el, { position: '', visibility: '' });
        shown();
      });
    return () => {
      live = false;
      stop?.();
      // Back where its CSS puts it: an element that stays mounted once it no longer floats (the
      // Sync badge's sentence, the folded tools) must not keep a stale fixed position.
      setStyle(el, { position: '', visibility: '', left: '', top: '' });
    };
  }, [reference, floating, placement, gap, padding, keepClear]);
}

/** A reference for Floating UI from a fixed rectangle (a selection's box, a rect remembered at a click). */
export function rectReference(rect: {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}): ReferenceElement {
  const r = {
    x: rect.left,
    y: rect.top,
    left: rect.left,
    top: rect.top,
    right: rect.right,
    bottom: rect.bottom,
    width: rect.right - rect.left,
    height: rect.bottom - rect.top,
  };
  return { getBoundingClientRect: () => r };
}
