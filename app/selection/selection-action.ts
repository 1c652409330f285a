/**
 * What the selection toolbar offers: a list of actions, each run on the
 * reader's current selection in a pane. This is the ONE registration point
 * for things a reader can do with selected text.
 *
 * How to add an action (citations: "Cite"; comparisons: "Link passages"):
 * 1. In your own folder, write a hook that returns your actions, memoized
 *    (e.g. `useCiteActions(...)`: `useMemo(() => [citeAction], [deps])`).
 *    Each action is a `SelectionAction`: a stable `id`, a `label` (the
 *    button's accessible name), an optional one-letter `shortcut` (pressed
 *    while a selection is shown, outside text fields; pick one no other
 *    action or reader command uses — taken: h, n, and the reader's j k p s c
 *    / ?) and `run(selection)`.
 * 2. In `app/app.tsx`, append them to the `selectionActions` list passed to
 *    `<SelectionToolbar>` (one line). The toolbar shows them in list order.
 * `run` gets the selection already converted to `Edition.text` offsets (by
 * `annotations/anchoring/dom-range.ts`), with its quote and edition, so an
 * action never reads the DOM selection itself. After `run`, the toolbar
 * closes and the DOM selection is cleared.
 *
 * What it is not for: describing the selection as annotation selectors (an
 * action calls `describe` from `annotations/anchoring/` if it needs them) or
 * rendering (`selection-toolbar.tsx`).
 */
import type { Edition, SourceId } from '../../sources/edition.ts';
import type { PaneIndex } from '../state/reader-state.ts';

/** A reader's selection in one pane, as offsets into its edition's text. */
export interface PaneSelection {
  /** The source shown in the pane. */
  readonly source: SourceId;
  /** The pane it was made in. */
  readonly pane: PaneIndex;
  /** Offset of the first selected character in `edition.text` (white space at the ends trimmed). */
  readonly start: number;
  /** Offset just after the last selected character. */
  readonly end: number;
  /** `edition.text.slice(start, end)`: what the reader selected, without footnote markers or numbers. */
  readonly quote: string;
  /** The edition shown in the pane. */
  readonly edition: Edition;
  /** Where the selection was on screen (viewport px), to place what an action opens beside it. */
  readonly box?: {
    readonly top: number;
    readonly bottom: number;
    readonly left: number;
    readonly right: number;
  };
}

/** One thing a reader can do with a selection. */
export interface SelectionAction {
  /** Stable identifier (also the button's `data-action`, for styling and tests). */
  readonly id: string;
  /** The button's text and accessible name. */
  readonly label: string;
  /** A single key that runs it while the toolbar is shown (shown as `aria-keyshortcuts`). */
  readonly shortcut?: string;
  /** Does it. Errors are the action's to report (e.g. through the reader's notice). */
  readonly run: (selection: PaneSelection) => void;
}

/** A shortcut as the shortcuts dialog lists it. */
export interface ShortcutEntry {
  readonly keys: readonly string[];
  readonly label: string;
}

/** The actions' shortcuts, for the shortcuts dialog (so it lists every registered action's key). */
export function selectionShortcuts(actions: readonly SelectionAction[]): ShortcutEntry[] {
  return [
    // The toolbar's own key (selection-toolbar.tsx), whatever the actions.
    { keys: ['Tab'], label: 'From selected text, move into its toolbar' },
    ...actions
      .filter((a) => a.shortcut !== undefined)
      .map((a) => ({ keys: [a.shortcut!], label: `${a.label} (with text selected)` })),
  ];
}
