/**
 * Tracks the reader's DOM selection inside a reading pane and turns it into a
 * `PaneSelection` (offsets into the pane's edition text) plus the selection's
 * on-screen box, for placing the toolbar.
 *
 * What it is for: the one place the app reads `document.getSelection()`.
 * The DOM-to-offset conversion is `offsetsFromRange` from
 * `annotations/anchoring/dom-range.ts` (the only DOM bridge); this hook only
 * finds the pane and its `article.edition` root. What it is not for:
 * acting on the selection (`SelectionAction`s) or drawing the toolbar.
 *
 * A selection that starts in one pane and ends outside it, but not in the
 * other pane, is clipped to the pane where it starts (dom-range leaves out
 * what lies outside the root). One that runs into the other pane is a
 * `CrossingSelection`, which no action takes: clipped, a drag from the left
 * text into the right one became the whole rest of the left text, hidden site
 * navigation included (6,477 characters from Winstanley-Chesters 4), and the
 * right text's part was silently dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { offsetsFromRange } from '../../annotations/anchoring/dom-range.ts';
import type { Edition } from '../../sources/edition.ts';
import type { PaneIndex } from '../state/reader-state.ts';
import type { PaneSelection } from './selection-action.ts';

/** Where the selection is on screen (viewport coordinates). */
export interface SelectionBox {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** The current selection and its box, or `null` when nothing is selected in a pane. */
export interface TrackedSelection {
  readonly selection: PaneSelection;
  readonly box: SelectionBox;
}

/** A selection that runs from one pane's text into the other pane: the toolbar says why it offers nothing. */
export interface CrossingSelection {
  /** Tells it from a `TrackedSelection`. */
  readonly crossing: true;
  /** Where it starts on screen, to place the explanation there. */
  readonly box: SelectionBox;
}

/** What the hook tracks: a pane selection, one across both panes, or nothing. */
export type ReaderSelection = TrackedSelection | CrossingSelection | null;

/** Where a range is on screen: its first line's box, and the bottom of its last line. */
function boxOf(range: Range): SelectionBox {
  const rects = range.getClientRects();
  const first = rects[0];
  const last = rects[rects.length - 1];
  const whole = range.getBoundingClientRect();
  return {
    top: first ? first.top : whole.top,
    bottom: last ? last.bottom : whole.bottom,
    left: first ? first.left : whole.left,
    right: first ? first.right : whole.right,
  };
}

function elementOf(node: Node): Element | null {
  return node.nodeType === 1 ? (node as Element) : node.parentElement;
}

/** Reads the DOM selection; `null` unless it holds text of a pane's edition. */
export function readSelection(editionOf: (pane: PaneIndex) => Edition): ReaderSelection {
  const sel = document.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  const pane = elementOf(range.startContainer)?.closest<HTMLElement>('.pane[data-pane]');
  const root = pane?.querySelector('article.edition');
  if (!pane || !root) return null;
  const endPane = elementOf(range.endContainer)?.closest<HTMLElement>('.pane[data-pane]');
  if (endPane && endPane !== pane) return { crossing: true, box: boxOf(range) };
  const index: PaneIndex = pane.dataset.pane === '1' ? 1 : 0;
  const edition = editionOf(index);
  const offsets = offsetsFromRange(root, edition, range);
  if (!offsets) return null;
  let { start, end } = offsets;
  const text = edition.text;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (start >= end) return null;
  const box = boxOf(range);
  return {
    selection: {
      source: edition.id,
      pane: index,
      start,
      end,
      quote: text.slice(start, end),
      edition,
      box,
    },
    box,
  };
}

/**
 * The current pane selection, kept up to date on `selectionchange` and
 * scroll (coalesced to one read per frame), and `clear`, which removes the
 * DOM selection (the toolbar then disappears).
 */
export function usePaneSelection(
  editionOf: (pane: PaneIndex) => Edition,
): readonly [ReaderSelection, () => void] {
  const [tracked, setTracked] = useState<ReaderSelection>(null);
  const latest = useRef(editionOf);
  useEffect(() => {
    latest.current = editionOf;
  });
  useEffect(() => {
    let frame = 0;
    const schedule = (): void => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const next = readSelection(latest.current);
        setTracked((prev) => (sameTracked(prev, next) ? prev : next));
      });
    };
    document.addEventListener('selectionchange', schedule);
    window.addEventListener('scroll', schedule, true);
    window.addEventListener('resize', schedule);
    // A selection made before this hook mounted (the toolbar is a lazy chunk: selection-toolbar-slot.tsx).
    schedule();
    return () => {
      if (frame) cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', schedule);
      window.removeEventListener('scroll', schedule, true);
      window.removeEventListener('resize', schedule);
    };
  }, []);
  const clear = useCallback(() => {
    document.getSelection()?.removeAllRanges();
    setTracked(null);
  }, []);
  return [tracked, clear] as const;
}

function sameTracked(a: ReaderSelection, b: ReaderSelection): boolean {
  if (a === null || b === null) return a === b;
  if ('crossing' in a || 'crossing' in b)
    return 'crossing' in a && 'crossing' in b && sameBox(a.box, b.box);
  return (
    a.selection.source === b.selection.source &&
    a.selection.pane === b.selection.pane &&
    a.selection.start === b.selection.start &&
    a.selection.end === b.selection.end &&
    sameBox(a.box, b.box)
  );
}

function sameBox(a: SelectionBox, b: SelectionBox): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom;
}
