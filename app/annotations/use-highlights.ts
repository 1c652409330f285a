/**
 * `useHighlights`: paints the placed annotations in the panes (CSS Custom
 * Highlight API) through `highlight-painter.ts`, which says how and why; and
 * hit-tests a point against the painted ranges (`annotationAtPoint`), for
 * `use-highlight-clicks.ts`.
 *
 * The painter and the DOM bridge it uses (`annotations/anchoring/dom-range.ts`)
 * are a chunk of their own: nothing is painted before the stored annotations
 * are placed (their runtime is a lazy chunk too: `annotation-runtime.ts`), so
 * they are no part of the reader's initial JavaScript (issue 15's budget,
 * bench/reader.ts). The chunk is requested in idle time once the hook has
 * mounted, or as soon as there is something to paint; where it
 * cannot be fetched (offline without the service worker), the text is left
 * unmarked and the sidebar still works, as in a browser without the API.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { whenIdle } from '../views/when-idle.ts';
import type { PlacedAnnotation } from './anchored-list.ts';

type Painter = typeof import('./highlight-painter.ts');

let painter: Painter | undefined;
let loadingPainter: Promise<Painter> | undefined;
/** The painter's chunk (once; a failed fetch is tried again on the next call). */
function loadPainter(): Promise<Painter> {
  loadingPainter ??= import('./highlight-painter.ts').then(
    (m) => (painter = m),
    (error: unknown) => {
      loadingPainter = undefined;
      throw error;
    },
  );
  return loadingPainter;
}

/**
 * Paints `placed`; returns a ref to the ranges by annotation id (for hit
 * testing and scrolling).
 */
export function useHighlights(
  placed: readonly PlacedAnnotation[],
  activeId: string | null,
): RefObject<Map<string, StaticRange>> {
  const ranges = useRef(new Map<string, StaticRange>());
  // Fetched ahead in idle time, not while the reader hydrates; sooner if there is something to paint.
  useEffect(
    () =>
      whenIdle(() => {
        loadPainter().catch(() => {
          // Tried again when there is something to paint.
        });
      }),
    [],
  );
  useEffect(() => {
    if (painter) return painter.paintHighlights(placed, activeId, ranges);
    // Nothing painted yet, and nothing to paint: no need to wait for the painter.
    if (placed.length === 0) {
      ranges.current = new Map();
      return;
    }
    let stop: (() => void) | undefined;
    let cancelled = false;
    loadPainter().then(
      (loaded) => {
        if (!cancelled) stop = loaded.paintHighlights(placed, activeId, ranges);
      },
      () => {
        // Unpainted (see the module comment).
      },
    );
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [placed, activeId]);
  useEffect(() => () => painter?.clearHighlights(), []);
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
export function annotationAtPoint(
  ranges: ReadonlyMap<string, StaticRange>,
  node: Node,
  offset: number,
): string | null {
  let best: string | null = null;
  let bestLength = Infinity;
  const range = document.createRange(); // one live range, reused: see the note on StaticRange in highlight-painter.ts
  for (const [id, fixed] of ranges) {
    let inside: boolean;
    try {
      range.setStart(fixed.startContainer, fixed.startOffset);
      range.setEnd(fixed.endContainer, fixed.endOffset);
      inside =
        range.isPointInRange(node, offset) &&
        !(range.endContainer === node && range.endOffset === offset);
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
