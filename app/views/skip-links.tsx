/**
 * Skip links: the page's first Tab stops, out of sight until one has the
 * focus (WCAG 2.4.1, Bypass Blocks). Each puts the focus on a pane's current
 * passage, its one Tab stop (`roving-passage.ts`), past the header's dozen
 * tools; "Skip to the annotations" is offered while the Annotations sidebar
 * is open, and goes to its heading. Below the narrow breakpoint, where one
 * pane shows at a time, the link for the hidden pane shows it first (as its
 * switch button would), so the focus never goes to something out of sight.
 *
 * Rendered only once the app is interactive: they need script, and the
 * prerendered page gets no element more (docs/first-paint.md). Each link's
 * `href` names its target's `id`, for what reads links without running them;
 * the click is handled here, so the URL's hash (the reader's location) is
 * not changed. Renders fixed labels only.
 */
import type { MouseEvent, ReactNode } from 'react';
import type { PaneIndex } from '../state/reader-state.ts';
import { focusPaneStop } from './roving-passage.ts';

/** The `id` of each pane's scrolling area, the skip links' targets (`Pane`). */
export const PANE_TEXT_ID: Readonly<Record<PaneIndex, string>> = {
  0: 'left-text',
  1: 'right-text',
};

/** The Annotations sidebar's `id` (`app/annotations/annotation-sidebar.tsx`). */
const SIDEBAR_ID = 'annotations-sidebar';

/** Props of `SkipLinks`. */
export interface SkipLinksProps {
  /** Makes a pane the active one: on a narrow screen, the one shown. */
  readonly onShowPane: (pane: PaneIndex) => void;
  /** The Annotations sidebar is open (the link to it is offered only then). */
  readonly annotationsOpen: boolean;
}

/** The skip links. */
export function SkipLinks({ onShowPane, annotationsOpen }: SkipLinksProps): ReactNode {
  const toPane = (pane: PaneIndex) => (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    onShowPane(pane);
    focusPaneStop(pane);
  };
  const toAnnotations = (e: MouseEvent<HTMLAnchorElement>): void => {
    e.preventDefault();
    document.querySelector<HTMLElement>(`#${SIDEBAR_ID} h2`)?.focus();
  };
  return (
    <div className="skip-links">
      <a className="skip-link" href={`#${PANE_TEXT_ID[0]}`} onClick={toPane(0)}>
        Skip to the left text
      </a>
      <a className="skip-link" href={`#${PANE_TEXT_ID[1]}`} onClick={toPane(1)}>
        Skip to the right text
      </a>
      {annotationsOpen && (
        <a className="skip-link" href={`#${SIDEBAR_ID}`} onClick={toAnnotations}>
          Skip to the annotations
        </a>
      )}
    </div>
  );
}
