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
 * The painted ranges are `StaticRange`s: Chromium updates every live
 * `Range` of a document on every DOM insertion and removal, so 10,000 live
 * ranges made each change anywhere in the page (a page of the sidebar list)
 * cost hundreds of milliseconds (bench/annotations-sidebar.ts). Static
 * ranges cost nothing until painted; they do not follow DOM changes, hence
 * the repaint below.
 *
 * Offsets become ranges through the bridge (`domRangeMapper` in
 * `annotations/anchoring/dom-range.ts`), one mapper per pane per paint: it
 * finds the rendered passages once (skipping `data-anchor-ignore` content,
 * such as a footnote popover's copy of a note) and caches each passage's
 * text nodes, so painting does not search the article per annotation.
 *
 * Each colour's highlight holds the union of its annotations' ranges
 * (`staticRangesCovering`: overlapping ones merged, the same text painted):
 * 10,000 annotations on the two short texts lie dozens deep, and Chromium
 * validates and paints every range of a highlight on each change: from a
 * scroll to the end of its second frame took a median 60 ms (41–107) with one
 * range per annotation, 45 ms (36–50) with the unions, faster in 6 pairs of 6
 * (bench/ab-highlight-repaint.ts, load 8–13). The ranges by id, for
 * clicks and for revealing an annotation, are kept one per annotation.
 *
 * Only the annotations near each pane's viewport are painted
 * (`visibleWindow`). Ranges are rebuilt when the list changes, on scroll,
 * and when a pane's text is re-rendered (a MutationObserver; changes inside `data-anchor-ignore`
 * content, such as footnote popovers, are ignored).
 *
 * This module is a chunk of its own, loaded by `use-highlights.ts` (the hook)
 * when there is something to paint: none of it is needed before the stored
 * annotations are placed, and with the DOM bridge it was 2.4 KB of the
 * reader's initial JavaScript (issue 15's budget; bench/reader.ts).
 */
import type { RefObject } from 'react';
import {
  domRangeMapper,
  renderedPassages,
  type DomRangeMapper,
  type RenderedPassage,
} from '../../annotations/anchoring/dom-range.ts';
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
  return css?.highlights && typeof (globalThis as { Highlight?: unknown }).Highlight === 'function'
    ? css.highlights
    : null;
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
 * The text offsets of the passages on screen in a pane, widened by one
 * screen above and below: only annotations there are painted. Chromium
 * recomputes every custom highlight range on each layout anywhere in the
 * page, so 10,000 painted ranges made every change (a page of the sidebar
 * list, a popover) cost ~400 ms; the passages near the viewport hold a few
 * dozen. Scrolling repaints.
 */
function visibleWindow(
  root: Element,
  spans: readonly RenderedPassage[],
): readonly [number, number] | null {
  const view = (root.closest('.pane-scroll') ?? root).getBoundingClientRect();
  const top = view.top - view.height;
  const bottom = view.bottom + view.height;
  let lo = Infinity;
  let hi = -Infinity;
  for (const span of spans) {
    const r = span.element.getBoundingClientRect();
    if (r.height === 0 || r.bottom < top || r.top > bottom) continue;
    lo = Math.min(lo, span.start);
    hi = Math.max(hi, span.end);
  }
  return lo <= hi ? [lo, hi] : null;
}

/**
 * Paints `placed` (and `activeId`, the opened annotation) and keeps the
 * painting up to date on scroll, resize and re-rendered text; writes the
 * ranges by annotation id into `ranges` (for hit testing and scrolling).
 * Returns what stops that (the painting stays until the next `paintHighlights`
 * or `clearHighlights`).
 */
export function paintHighlights(
  placed: readonly PlacedAnnotation[],
  activeId: string | null,
  ranges: RefObject<Map<string, StaticRange>>,
): () => void {
  const highlights = registry();
  const Highlight = (globalThis as unknown as { Highlight: new (...r: AbstractRange[]) => unknown })
    .Highlight;
  let frame = 0;
  const paint = (): void => {
    frame = 0;
    const roots = rootsBySource();
    const panes = new Map<
      string,
      {
        mapper: DomRangeMapper;
        window: readonly [number, number] | null;
        /** The painted annotations' offsets by colour. */
        spans: Map<string, PlacedAnnotation[]>;
      }
    >();
    const next = new Map<string, StaticRange>();
    for (const p of placed) {
      let pane = panes.get(p.edition.id);
      if (!pane) {
        const root = roots.get(p.edition.id);
        if (!root) continue;
        const spans = renderedPassages(root, p.edition);
        pane = {
          mapper: domRangeMapper(root, p.edition, spans),
          window: visibleWindow(root, spans),
          spans: new Map(),
        };
        panes.set(p.edition.id, pane);
      }
      if (!pane.window || p.end <= pane.window[0] || p.start >= pane.window[1]) continue;
      // Static from the start: a live Range per annotation, only to copy it, made every paint
      // allocate (and the document track) thousands of live ranges.
      const fixed = pane.mapper.staticRangeFromOffsets(p.start, p.end);
      if (!fixed) continue;
      next.set(p.annotation.id, fixed);
      const color = p.annotation.color ?? DEFAULT_COLOR;
      const list = pane.spans.get(color);
      if (list) list.push(p);
      else pane.spans.set(color, [p]);
    }
    ranges.current = next;
    if (!highlights) return;
    // Each colour paints the union of its annotations' ranges (why: the head comment).
    const byColor = new Map<string, StaticRange[]>(PALETTE.map((c) => [c, []]));
    for (const pane of panes.values()) {
      for (const [color, list] of pane.spans)
        byColor.get(color)?.push(...pane.mapper.staticRangesCovering(list));
    }
    for (const [color, list] of byColor)
      highlights.set(highlightName(color), new Highlight(...list));
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
    if (relevant) schedule();
  });
  for (const root of document.querySelectorAll('.pane article.edition')) {
    observer.observe(root, { childList: true, subtree: true, characterData: true });
  }
  const schedule = (): void => {
    if (!frame) frame = requestAnimationFrame(paint);
  };
  const onScroll = (e: Event): void => {
    if (e.target instanceof Element && e.target.classList.contains('pane-scroll')) schedule();
  };
  document.addEventListener('scroll', onScroll, { capture: true, passive: true });
  window.addEventListener('resize', schedule);
  return () => {
    document.removeEventListener('scroll', onScroll, { capture: true });
    window.removeEventListener('resize', schedule);
    observer.disconnect();
    if (frame) cancelAnimationFrame(frame);
  };
}

/** Removes every highlight this module paints (the hook's unmount). */
export function clearHighlights(): void {
  const highlights = registry();
  if (!highlights) return;
  for (const c of PALETTE) highlights.delete(highlightName(c));
  highlights.delete(ACTIVE_HIGHLIGHT);
}
