/**
 * Where the first-run welcome (`welcome-card.tsx`) may sit: a bottom corner
 * of the window, the end one (right in a left-to-right page) first, and
 * never over the passage the reader was sent to (a deep link,
 * `#lankov-2007:13`) or has marked as the current location, nor over a
 * notice (a message, the "Linking from …" chip). When neither corner is
 * clear, it waits (`null`) until scrolling moves the passage out of the way
 * or the notice goes.
 *
 * What it is for: the choice, from boxes measured by the card; pure, so it
 * is tested in Node. Not for measuring or moving anything.
 */

import type { Box, Size } from '../floating/box.ts';

/** A bottom corner of the window. */
export type WelcomeCorner = 'end' | 'start';

/** The gap between the card and the window's edges, in CSS pixels (welcome.css's 1rem). */
export const WELCOME_MARGIN = 16;

/** The card's box in `corner` of a window `width` × `height`. */
export function cornerBox(corner: WelcomeCorner, card: Size, window: Size): Box {
  const left = corner === 'end' ? window.width - WELCOME_MARGIN - card.width : WELCOME_MARGIN;
  const top = window.height - WELCOME_MARGIN - card.height;
  return { left, top, right: left + card.width, bottom: top + card.height };
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/**
 * The first corner where the card covers none of `avoid` (the current passage's boxes, the
 * notices'), or `null` if it would cover one in both.
 */
export function welcomeCorner(
  card: Size,
  window: Size,
  avoid: readonly Box[],
): WelcomeCorner | null {
  for (const corner of ['end', 'start'] as const) {
    const box = cornerBox(corner, card, window);
    if (!avoid.some((a) => overlaps(box, a))) return corner;
  }
  return null;
}
