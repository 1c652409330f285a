/**
 * The toolbar: swap the texts, show the sources' site navigation (menus,
 * sign-up prompts: the role `chrome` in the editions), lay the texts out
 * aligned, scroll the panes together, list the shortcuts. Toggles are buttons
 * with `aria-pressed`. "Scroll both" was "Sync panes": beside **Sync**
 * (annotations with a server) readers took one for the other.
 */
import type { ReactNode } from 'react';

/** Props of `Toolbar`. */
export interface ToolbarProps {
  readonly showChrome: boolean;
  readonly sync: boolean;
  /** The Aligned view is on (`app/align/`). */
  readonly aligned: boolean;
  readonly onSwap: () => void;
  readonly onToggleChrome: () => void;
  readonly onToggleSync: () => void;
  readonly onToggleAligned: () => void;
  readonly onShowShortcuts: () => void;
}

/** The toolbar. */
export function Toolbar(props: ToolbarProps): ReactNode {
  return (
    <div className="toolbar" role="toolbar" aria-label="Reader">
      <button type="button" onClick={props.onSwap} title="Swap the two texts (s)">
        Swap
      </button>
      <button
        type="button"
        aria-pressed={props.showChrome}
        onClick={props.onToggleChrome}
        title="Show the web page's menus and prompts, greyed (c)"
      >
        Site navigation
      </button>
      <button
        type="button"
        aria-pressed={props.aligned}
        onClick={props.onToggleAligned}
        title="Lay both texts out in rows: aligned paragraphs level, a gap where a text has nothing aligned"
      >
        Aligned
      </button>
      <button
        type="button"
        aria-pressed={props.sync}
        onClick={props.onToggleSync}
        title="Scroll both panes together: the other pane keeps to the related passage"
      >
        Scroll both
      </button>
      <button
        type="button"
        className="shortcuts-button"
        onClick={props.onShowShortcuts}
        aria-keyshortcuts="?"
        title="Keyboard shortcuts (?)"
      >
        <span aria-hidden="true">?</span>
        <span className="visually-hidden">Keyboard shortcuts</span>
      </button>
    </div>
  );
}
