/**
 * Measures a pane's blocks for the Aligned view's layout (`aligned-gaps.ts`):
 * where each block starts with the view's own room taken out — its gaps, the
 * labels of held parts of rows, and how far a held part (sticky) is drawn
 * below where it lies while the pane is scrolled. Loaded with the alignment
 * (`align-engine.ts`), as it only runs once there is one.
 *
 * Reads the DOM, writes nothing. Not for: the layout itself (pure, in
 * `aligned-gaps.ts`).
 */
import type { Edition } from '../../sources/edition.ts';
import type { PaneLayout } from './aligned-gaps.ts';

/** The blocks of a pane as laid out without gaps, or null if the pane is not shown. */
export function measurePane(scroll: HTMLElement | null, edition: Edition): PaneLayout | null {
  const article = scroll?.querySelector<HTMLElement>('article.edition');
  if (!article || article.offsetParent === null) return null;
  const origin = article.getBoundingClientRect().top;
  const tops: (number | null)[] = [];
  let gapsSoFar = 0;
  let end = 0;
  // `shift`: how far a held part (sticky) is stuck below where it lies, while the pane is scrolled.
  const walk = (parent: Element, shift: number): void => {
    for (const child of parent.children) {
      if (!(child instanceof HTMLElement)) continue;
      const list = child.classList;
      if (list.contains('aligned-gap') || list.contains('aligned-face')) {
        gapsSoFar += child.getBoundingClientRect().height;
      } else if (list.contains('aligned-row')) {
        walk(child, 0);
      } else if (list.contains('aligned-hold')) {
        // First in its row: unstuck, its top is the row's.
        const row = child.parentElement!.getBoundingClientRect().top;
        walk(child, child.getBoundingClientRect().top - row);
      } else if (list.contains('block')) {
        const rect = child.getBoundingClientRect();
        // Hidden blocks (site chrome) take no room: they get the next shown block's top.
        tops.push(child.hidden || rect.height === 0 ? null : rect.top - shift - origin - gapsSoFar);
        if (!child.hidden && rect.height > 0) end = rect.bottom - shift - origin - gapsSoFar;
      }
    }
  };
  walk(article, 0);
  if (tops.length !== edition.blocks.length) return null;
  let next = end;
  const filled = new Array<number>(tops.length);
  for (let i = tops.length - 1; i >= 0; i--) next = filled[i] = tops[i] ?? next;
  return { addresses: edition.blocks.map((b) => b.address), tops: filled, end };
}
