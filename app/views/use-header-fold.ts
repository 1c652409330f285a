/**
 * Whether the header's first tools (the Reader toolbar) go behind **Tools** from 700 px up: they
 * do where the header with every tool in sight would take more than two lines. Between 700 and
 * about 760 px it took three, and both texts started 33 px lower; changes waiting to sync widen
 * the tools (the counts on Annotations and Library do not: they are badges on the buttons'
 * corners, count-badge.tsx), so where that happens moves with the state, and no breakpoint could
 * say it. Below 700 px every tool is
 * behind Tools anyway and the header is one line (styles.css): nothing folds there.
 *
 * The header is measured as it would be unfolded (the attribute taken off, its rows counted,
 * then set as they say), before the browser paints: at the first render, on a resize, and when a
 * tool's label changes. A better design would lay out each tool by priority (the "priority+"
 * pattern, one tool at a time behind a "More" menu); folding one group keeps the panel one box
 * and the tools' order and tab order as they were.
 *
 * What it is not for: opening or closing the panel (`header-tools.tsx`). Renders nothing.
 */
import { useLayoutEffect, useState, type RefObject } from 'react';

/** The attribute on the panel that folds its first tools behind Tools (styles.css). */
const FOLD = 'data-fold';

/** More lines than this and the first tools fold. */
const MAX_LINES = 2;

/**
 * The lines the header's own controls take: its name, search box and visible buttons, not what
 * hangs below it (an open panel, the search results) nor the adding progress, a passing line of
 * its own. A control starts a line when it is wholly below the line before.
 */
export function headerLines(header: Element): number {
  const bottom = header.getBoundingClientRect().bottom;
  const boxes = [...header.querySelectorAll('h1, input, button')]
    .filter((el) => !el.closest('.adding-progress'))
    .map((el) => el.getBoundingClientRect())
    .filter((r) => r.height > 0 && r.bottom <= bottom)
    .sort((a, b) => a.top - b.top);
  let lines = 0;
  let lineBottom = -Infinity;
  for (const r of boxes) {
    if (r.top >= lineBottom) {
      lines += 1;
      lineBottom = r.bottom;
    } else lineBottom = Math.max(lineBottom, r.bottom);
  }
  return lines;
}

/** Whether `node` is inside a dialog (a text node by its parent). */
function inDialog(node: Node): boolean {
  return (node instanceof Element ? node : node.parentElement)?.closest('dialog') != null;
}

/**
 * Folds `panel`'s first tools while the header (its parent) would take more than two lines with
 * them in sight; returns whether they are folded. Mutates the panel's `data-fold` attribute (not
 * rendered by React, so that measuring never waits for a render).
 */
export function useHeaderFold(panel: RefObject<HTMLElement | null>): boolean {
  const [folded, setFolded] = useState(false);
  useLayoutEffect(() => {
    const el = panel.current;
    const header = el?.parentElement;
    if (!el || !header) return;
    const measure = (): void => {
      el.removeAttribute(FOLD);
      const fold = headerLines(header) > MAX_LINES;
      el.toggleAttribute(FOLD, fold);
      setFolded(fold);
    };
    // A label that changes (Library (1), Annotations (3), the Sync badge) may change the lines;
    // what the tools' dialogs, rendered in the panel, do inside them cannot.
    const labels = new MutationObserver((records) => {
      if (records.some((r) => !inDialog(r.target))) measure();
    });
    measure();
    labels.observe(el, { childList: true, characterData: true, subtree: true });
    window.addEventListener('resize', measure);
    return () => {
      labels.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [panel]);
  return folded;
}
