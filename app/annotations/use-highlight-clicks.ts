/**
 * A click on a highlight opens its annotation. The highlights are not
 * elements (`use-highlights.ts`), so the click is hit-tested against their
 * ranges; the end of a drag (a selection) and clicks on links, buttons and
 * anything marked `data-anchor-ignore` are left alone.
 *
 * What it is for: the one pointer gesture on the panes' text. What it is not
 * for: the annotations' state (`use-annotation-ui.ts`) or keys (`commands.ts`).
 */
import { useEffect, type RefObject } from 'react';
import { annotationAtPoint, pointAt } from './use-highlights.ts';

/** Opens the annotation under a click on a pane's text. */
export function useHighlightClicks(
  ranges: RefObject<Map<string, StaticRange>>,
  open: (id: string) => void,
): void {
  useEffect(() => {
    const onClick = (e: MouseEvent): void => {
      if (!(e.target instanceof Element) || !e.target.closest('.pane article.edition')) return;
      if (e.target.closest('a, button, [data-anchor-ignore]')) return;
      if (document.getSelection()?.isCollapsed === false) return;
      const point = pointAt(e.clientX, e.clientY);
      const id = point ? annotationAtPoint(ranges.current, point.node, point.offset) : null;
      if (id) open(id);
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, [ranges, open]);
}
