/**
 * Where the Related panel goes around the paragraph it is about, so that it
 * does not cover that paragraph's text, in this order: below it with room
 * for the whole panel; above it likewise; below or above, whichever has more
 * room, the panel capped to that room by `useFloating`'s `size` (it
 * scrolls), if that is at least `MIN_CLEAR_HEIGHT`; beside it (the side with
 * more room); and only when there is no room anywhere (a paragraph about as
 * tall as the window), below or above and over the paragraph as before,
 * rather than a sliver of a panel.
 *
 * Decided once, when the panel opens, from the panel's largest size (its CSS
 * caps it at 55 % of the window's height): Floating UI's `flip` alone cannot
 * decide it, because `size` shrinks the panel to the room on the side first
 * tried, after which it always "fits" there, over the paragraph's neighbours
 * or, below a paragraph tall for the window, over the paragraph itself.
 * Above or below come before beside: beside, on a wide screen, is over the
 * other text, where a chosen passage opens.
 *
 * Pure: rectangles in, a placement out (tests/app/compare/related-placement.test.ts).
 */
import type { Placement } from '@floating-ui/dom';
import type { Box, Size } from '../floating/box.ts';

/** The least height, in px, worth keeping the panel clear of the paragraph for (a heading and a passage or two). */
export const MIN_CLEAR_HEIGHT = 180;

/** Where the panel goes, and whether it must stay clear of the paragraph (`useFloating`'s `keepClear`). */
export interface RelatedPlacement {
  readonly placement: Placement;
  readonly keepClear: boolean;
}

/**
 * The placement against `passage` for a panel of `panel` size in a window of
 * `view` size, keeping `gap` px from the passage and `padding` px from the
 * window's edges.
 */
export function relatedPlacement(
  passage: Box,
  panel: Size,
  view: Size,
  gap: number,
  padding: number,
): RelatedPlacement {
  const below = view.height - padding - (passage.bottom + gap);
  const above = passage.top - gap - padding;
  const right = view.width - padding - (passage.right + gap);
  const left = passage.left - gap - padding;
  if (below >= panel.height) return { placement: 'bottom-end', keepClear: true };
  if (above >= panel.height) return { placement: 'top-end', keepClear: true };
  const vertical = below >= above ? 'bottom-end' : 'top-end';
  if (Math.max(below, above) >= MIN_CLEAR_HEIGHT) return { placement: vertical, keepClear: true };
  if (Math.max(right, left) >= panel.width)
    return { placement: right >= left ? 'right-start' : 'left-start', keepClear: true };
  return { placement: vertical, keepClear: false };
}
