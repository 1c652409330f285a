/**
 * Copy (Ctrl/Cmd+C, the context menu) of a selection in a reading pane puts
 * exactly the passage text on the clipboard (`passage-text.ts`), not the
 * interface the selection crossed (margin numbers, "Copy link", "Related",
 * comparison marks). A selection dragged from one pane into the other gives
 * each pane's passage text, left then right, with a blank line between them.
 * Selections elsewhere (a dialog, a popover's own text)
 * are left to the browser.
 *
 * The tools also carry `user-select: none` (styles.css), so they are not
 * painted as selected; this handler is what makes the copied text exact.
 */
import { useEffect, useRef } from 'react';
import { offsetsFromRange } from '../../annotations/anchoring/dom-range.ts';
import { BLOCK_SEPARATOR, type Edition } from '../../sources/edition.ts';
import type { PaneIndex } from '../state/reader-state.ts';
import { passageText } from './passage-text.ts';

/** Installs the copy handler for the panes. */
export function useCopyPassage(editionOf: (pane: PaneIndex) => Edition): void {
  const latest = useRef(editionOf);
  useEffect(() => {
    latest.current = editionOf;
  });
  useEffect(() => {
    const onCopy = (e: ClipboardEvent): void => {
      const sel = document.getSelection();
      if (!sel || sel.rangeCount === 0 || sel.isCollapsed || !e.clipboardData) return;
      const range = sel.getRangeAt(0);
      const elementOf = (n: Node): Element | null => (n instanceof Element ? n : n.parentElement);
      // A selection wholly inside a popover or a tool is the browser's to copy.
      if (elementOf(range.commonAncestorContainer)?.closest('[data-anchor-ignore]')) return;
      // A selection that starts outside the panes is the browser's to copy.
      if (!elementOf(range.startContainer)?.closest('.pane[data-pane]')) return;
      // Each pane the selection covers gives its own passages (offsetsFromRange leaves out what
      // lies outside its root), left then right, a blank line between them.
      const parts: string[] = [];
      for (const pane of document.querySelectorAll<HTMLElement>('.pane[data-pane]')) {
        const root = pane.querySelector('article.edition');
        if (!root || !range.intersectsNode(root)) continue;
        const edition = latest.current(pane.dataset.pane === '1' ? 1 : 0);
        const offsets = offsetsFromRange(root, edition, range);
        if (!offsets) continue;
        const part = passageText(
          edition,
          offsets.start,
          offsets.end,
          (address) => root.querySelector(`[data-address="${CSS.escape(address)}"]`) !== null,
        );
        if (part !== '') parts.push(part);
      }
      const text = parts.join(BLOCK_SEPARATOR);
      if (text === '') return;
      e.preventDefault();
      e.clipboardData.setData('text/plain', text);
    };
    document.addEventListener('copy', onCopy);
    return () => document.removeEventListener('copy', onCopy);
  }, []);
}
