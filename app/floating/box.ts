/**
 * The rectangles the pure placement decisions take (where the Related panel goes,
 * `compare/related-placement.ts`; which corner the welcome card takes, `views/welcome-corner.ts`):
 * measured by their callers from the DOM, so the decisions are tested in Node.
 */

/** A box in the window's coordinates (a `DOMRect`'s fields). */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** A width and a height in CSS pixels (a floating thing's, or the window's). */
export interface Size {
  readonly width: number;
  readonly height: number;
}
