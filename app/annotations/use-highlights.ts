/**
 * Paints placed annotations in the panes with the CSS Custom Highlight API
 * (`CSS.highlights`, one `Highlight` per colour plus one for the annotation
 * the reader opened), and finds the annotation under a click.
 *
 * Why highlights rather than `<mark>` elements: they change nothing in the
 * DOM, so the `data-address` text contract that `dom-range.ts` relies on
 * holds by construction, memoized blocks are not re-rendered, and 10,000
 * annotations cost 10,000 `Range`s rather than 10,000 elements. The price:
 * a highlight is not an element, so it cannot take focus. Keyboard readers
 * open annotations from the sidebar, or press Enter on a focused passage
 * (j/k or a link focus it) to open the first annotation in it
 * (`use-annotation-ui.ts`). Where the API is missing (older browsers), the
 * text is unmarked but the sidebar works.
 *
 * Ranges are rebuilt when the list changes and when a pane's text is
 * re-rendered (a MutationObserver; changes inside `data-anchor-ignore`
 * content, such as footnote popovers, are ignored).
 */
import { useEffect, useRef, type RefObject } from 'react';
import { rangeFromOffsets } from '../../annotations/anchoring/dom-range.ts';
import type { PlacedAnnotation } from './anchored-list.ts';
import { DEFAULT_COLOR, PALETTE } from './palette.ts';

/** The highlight name for a colour (styled by `::highlight(<name>)` in annotations.css). */
export const highlightName = (color: string): string => `diptych-${color}`;
/** The highlight name of the opened annotation. */
export const ACTIVE_HIGHLIGHT = 'diptych-active';

interface HighlightRegistry {
  set(name: string, value: unknown): void;
  delete(name: string): void;
}

function registry(): HighlightRegistry | null {
  const css = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  return css?.highlights && typeof (globalThis as { Highlight?: unknown }).Highlight === 'function' ? css.highlights : null;
}

/** The reading roots by source id. */
function rootsBySource(): Map<string, Element> {
  const roots = new Map<string, Element>();
  for (const pane of document.querySelectorAll<HTMLElement>('.pane[data-source]')) {
    const root = pane.querySelector('article.edition');
    if (root && pane.dataset.source) roots.set(pane.dataset.source, root);
  }
  return roots;
}

/**
 * Paints `placed`; returns a ref to the ranges by annotation id (for hit
 * testing and scrolling).
 */
export function useHighlights(placed: readonly PlacedAnnotation[], activeId: string | null): RefObject<Map<string, Range>> {
  const ranges = useRef(new Map<string, Range>());
  useEffect(() => {
    const highlights = registry();
    const Highlight = (globalThis as unknown as { Highlight: new (...r: Range[]) => unknown }).Highlight;
    let frame = 0;
    const paint = (): void => {
      frame = 0;
      const roots = rootsBySource();
      const byColor = new Map<string, Range[]>(PALETTE.map((c) => [c, []]));
      const next = new Map<string, Range>();
      for (const p of placed) {
        const root = roots.get(p.edition.id);
        if (!root) continue;
        const range = rangeFromOffsets(root, p.edition, p.start, p.end);
        if (!range) continue;
        next.set(p.annotation.id, range);
        byColor.get(p.annotation.color ?? DEFAULT_COLOR)?.push(range);
      }
      ranges.current = next;
      if (!highlights) return;
      for (const [color, list] of byColor) highlights.set(highlightName(color), new Highlight(...list));
      const active = activeId === null ? undefined : next.get(activeId);
      if (active) highlights.set(ACTIVE_HIGHLIGHT, new Highlight(active));
      else highlights.delete(ACTIVE_HIGHLIGHT);
    };
    paint();
    const observer = new MutationObserver((records) => {
      const relevant = records.some((r) => {
        const el = r.target.nodeType === 1 ? (r.target as Element) : r.target.parentElement;
        return !el?.closest('[data-anchor-ignore]');
      });
      if (relevant && !frame) frame = requestAnimationFrame(paint);
    });
    for (const root of document.querySelectorAll('.pane article.edition')) {
      observer.observe(root, { childList: true, subtree: true, characterData: true });
    }
    return () => {
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [placed, activeId]);
  useEffect(
    () => () => {
      const highlights = registry();
      if (!highlights) return;
      for (const c of PALETTE) highlights.delete(highlightName(c));
      highlights.delete(ACTIVE_HIGHLIGHT);
    },
    [],
  );
  return ranges;
}

/** The DOM point under viewport coordinates, if any. */
export function pointAt(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  const pos = doc.caretPositionFromPoint?.(x, y);
  if (pos) return { node: pos.offsetNode, offset: pos.offset };
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** The id of the shortest painted annotation containing the point, or `null`. */
export function annotationAtPoint(ranges: ReadonlyMap<string, Range>, node: Node, offset: number): string | null {
  let best: string | null = null;
  let bestLength = Infinity;
  for (const [id, range] of ranges) {
    let inside: boolean;
    try {
      inside = range.isPointInRange(node, offset) && !(range.endContainer === node && range.endOffset === offset);
    } catch {
      continue; // the node is in another document or was detached
    }
    if (!inside) continue;
    const length = range.toString().length;
    if (length < bestLength) {
      best = id;
      bestLength = length;
    }
  }
  return best;
}
