/**
 * The highlight colours as the app offers them, with their names for
 * buttons. A copy of the model's `COLORS` (annotations/model/annotation.ts)
 * kept here so the selection toolbar can show them before the lazily loaded
 * model arrives; tests/app/annotations/palette.test.ts checks the two agree.
 */
import type { Color } from '../../annotations/model/annotation.ts';

/** The palette, in the order the toolbar and the editor show it; the first is the default. */
export const PALETTE: readonly Color[] = ['yellow', 'green', 'blue', 'pink', 'purple'];

/** The default highlight colour. */
export const DEFAULT_COLOR: Color = 'yellow';

/** A colour's name, capitalized, for labels. */
export function colorName(color: Color): string {
  return color.charAt(0).toUpperCase() + color.slice(1);
}
