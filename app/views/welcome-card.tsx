/**
 * The first-run welcome: a short card in a bottom corner of the window that
 * says what Diptych is for and how to start, with **Start reading**. Shown
 * once the reader is ready, until dismissed (`welcome-slot.tsx` decides, and
 * loads this module as a lazy chunk: none of it is in the initial script,
 * nor in the prerendered page, whose bytes the first-paint benchmark holds).
 *
 * Non-modal on purpose: it overlays a corner (`position: fixed`), so the
 * texts do not move when it appears; it takes no focus (a deep link keeps
 * its passage focused, and Tab order is unchanged until a reader reaches
 * it: a labelled region, found among the landmarks); and it never covers the
 * passage the page was opened at or the current location
 * (`welcome-corner.ts`: the other corner, or it waits until that passage is
 * scrolled away). **Start reading** (or Escape inside it) dismisses it and
 * puts the focus on the reading position: the active pane's current passage.
 *
 * It gives way to the reader's own work: while words are selected in a pane,
 * or where it would cover a notice (a message, the "Linking from …" chip), it
 * waits out of sight, as it does for the passage. It says what is true where
 * it is read: one text at a time with tabs below 900 px, and the `?`
 * shortcuts only where a keyboard is likely (welcome.css).
 *
 * What it is not for: teaching every tool (the shortcuts dialog, `?`, lists
 * them) or the marks' meanings (the legend above the texts says them).
 * Renders fixed app strings only.
 */
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { focusPaneStop } from './roving-passage.ts';
import type { Box } from '../floating/box.ts';
import { welcomeCorner, type WelcomeCorner } from './welcome-corner.ts';
import './welcome.css';

/** Props of `WelcomeCard`. */
export interface WelcomeCardProps {
  /** Remembers that the welcome was dismissed (and so unmounts the card). */
  readonly onDismiss: () => void;
}

/** The boxes of the current location in the panes on screen (a deep link's passage). */
function currentPassageBoxes(): Box[] {
  return [...document.querySelectorAll('.pane [aria-current="location"]')].flatMap((el) => [
    ...el.getClientRects(),
  ]);
}

/**
 * The boxes of what the notice stack shows (views/notice.tsx: a message, an offer, the "Linking
 * from …" chip): each answers something the reader just did, and it sits over the same bottom
 * edge as the card. At 420 px the three stacked over each other and over the text.
 */
function noticeBoxes(): Box[] {
  return [...document.querySelectorAll('.notice-region > *')].map((el) =>
    el.getBoundingClientRect(),
  );
}

/**
 * Whether the reader is acting on the text: words selected in a pane. The selection toolbar
 * floats above or below them wherever there is room (floating/use-floating.ts), a place the
 * card cannot know before it is drawn; so the card gives way while a selection lasts.
 */
function selectingInPane(): boolean {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return false;
  const node = selection.getRangeAt(0).commonAncestorContainer;
  return (node instanceof Element ? node : node.parentElement)?.closest('.pane') != null;
}

/** The welcome card. */
export function WelcomeCard({ onDismiss }: WelcomeCardProps): ReactNode {
  const card = useRef<HTMLElement>(null);
  // Measured before the first paint, so it never shows over the passage even for a frame.
  const [corner, setCorner] = useState<WelcomeCorner | null>(null);
  useLayoutEffect(() => {
    const el = card.current;
    if (!el) return;
    let frame = 0;
    const place = (): void => {
      frame = 0;
      const size = { width: el.offsetWidth, height: el.offsetHeight };
      const view = { width: window.innerWidth, height: window.innerHeight };
      // The reader's own work first: while they select or a notice answers them, the card waits.
      setCorner(
        selectingInPane()
          ? null
          : welcomeCorner(size, view, [...currentPassageBoxes(), ...noticeBoxes()]),
      );
    };
    const later = (): void => {
      frame ||= requestAnimationFrame(place);
    };
    place();
    // The panes scroll on their own (scroll does not bubble: captured), a deep link is revealed
    // after the reader is ready, and the window may be resized.
    document.addEventListener('scroll', later, { capture: true, passive: true });
    window.addEventListener('resize', later);
    window.addEventListener('hashchange', later);
    document.addEventListener('selectionchange', later);
    const resized = new ResizeObserver(later);
    resized.observe(el);
    // A notice comes, changes or goes (the region is always in the page: app.tsx renders it).
    const notices = new MutationObserver(later);
    const region = document.querySelector('.notice-region');
    if (region) notices.observe(region, { childList: true, subtree: true, characterData: true });
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', later);
      notices.disconnect();
      document.removeEventListener('scroll', later, { capture: true });
      window.removeEventListener('resize', later);
      window.removeEventListener('hashchange', later);
      resized.disconnect();
    };
  }, []);
  const start = (): void => {
    onDismiss();
    // The active pane as the reader's layout shows it (app.tsx renders it on the panes): read
    // here rather than passed down, which kept a prop in the initial script for one click.
    const active = document.querySelector<HTMLElement>('.panes')?.dataset['active'];
    focusPaneStop(active === '1' ? 1 : 0);
  };
  return (
    <section
      ref={card}
      className="welcome"
      // While it waits, kept in the layout (measured) but not seen, heard nor focusable
      // (`visibility: hidden`, welcome.css): `hidden` would leave it no size to measure.
      data-corner={corner ?? 'none'}
      aria-labelledby="welcome-title"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        start();
      }}
    >
      <h2 id="welcome-title" className="welcome-title">
        Welcome to Diptych
      </h2>
      {/* What is true at this width (welcome.css): side by side from 900 px, one at a time below. */}
      <p className="welcome-wide">
        Diptych is for reading two texts closely, side by side: here two authors on Russia and North
        Korea.
      </p>
      <p className="welcome-narrow">
        Diptych is for reading two texts closely: here two authors on Russia and North Korea. The
        tabs above the text switch between them.
      </p>
      <ul>
        <li>
          Select words in a text to highlight them, add a note, link them to the other text or cite
          them.
        </li>
        <li>
          The marks in the margins show where the two authors agree, contradict, qualify or
          complement each other; the legend above the texts gives each mark.
        </li>
        {/* Only where a keyboard is likely (a fine pointer that hovers: welcome.css). */}
        <li className="welcome-keys">
          Press <kbd>?</kbd> for the keyboard shortcuts.
        </li>
      </ul>
      <button type="button" className="welcome-start" onClick={start}>
        Start reading
      </button>
    </section>
  );
}
