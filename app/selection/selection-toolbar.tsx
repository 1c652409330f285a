/**
 * The floating toolbar at the reader's selection: one button per
 * `SelectionAction` (see `selection-action.ts` for how features add theirs).
 *
 * Keyboard: while a selection is shown, each action's `shortcut` key runs it
 * (outside text fields, without modifiers), Escape dismisses the toolbar
 * (and the selection), and Tab moves focus from the selection into the
 * toolbar (a `role="toolbar"`; arrow keys move between its buttons, Tab
 * continues past it, Escape returns to the pane). A mouse
 * press on the toolbar does not take the selection away.
 *
 * A selection that runs from one text into the other gets no actions: the
 * toolbar says instead, in a status, to select within one text (see
 * `use-pane-selection.ts`).
 *
 * Renders only action labels (app strings), never the selected text as HTML.
 */
import {
  useEffect,
  useMemo,
  useRef,
  type KeyboardEvent as ReactKeyboardEvent,
  type ReactNode,
} from 'react';
import type { Edition } from '../../sources/edition.ts';
import { rectReference, useFloating } from '../floating/use-floating.ts';
import type { PaneIndex } from '../state/reader-state.ts';
import type { PaneSelection, SelectionAction } from './selection-action.ts';
import { useCopyPassage } from './use-copy-passage.ts';
import { usePaneSelection, type SelectionBox } from './use-pane-selection.ts';

/** Props of `SelectionToolbar`. */
export interface SelectionToolbarProps {
  /** The edition shown in a pane. */
  readonly editionOf: (pane: PaneIndex) => Edition;
  /** The actions, in the order shown. */
  readonly actions: readonly SelectionAction[];
  /**
   * Where the toolbar hears keys: subscribes its handler, returns the unsubscribe. By default
   * the window's `keydown`; `selection-toolbar-slot.tsx` passes the listener it added when the
   * reader hydrated, so that the toolbar, loaded later, still hears keys before the reader's
   * shortcuts (`use-commands.ts`, whose Escape closes a notice and would leave the toolbar up).
   */
  readonly listenKeys?: ListenKeys;
}

/** Subscribes a `keydown` handler; returns the unsubscribe. */
export type ListenKeys = (onKey: (e: KeyboardEvent) => void) => () => void;

const listenOnWindow: ListenKeys = (onKey) => {
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
};

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The selection toolbar; renders nothing while no pane text is selected. */
export function SelectionToolbar({
  editionOf,
  actions,
  listenKeys = listenOnWindow,
}: SelectionToolbarProps): ReactNode {
  const [tracked, clear] = usePaneSelection(editionOf);
  // Copying what is selected gives the passage text only (the same offsets the actions get).
  useCopyPassage(editionOf);
  const bar = useRef<HTMLDivElement>(null);
  const box: SelectionBox | null = tracked?.box ?? null;
  // Above the selection's first line, else below its last; shifted and wrapped to stay on screen.
  const reference = useMemo(
    () => (box ? rectReference(box) : null),
    // A new reference only when the box moves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [box?.top, box?.bottom, box?.left, box?.right],
  );
  useFloating(reference, bar, { placement: 'top-start' });
  const latest = useRef({ tracked, actions, clear });
  useEffect(() => {
    latest.current = { tracked, actions, clear };
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const { tracked, actions, clear } = latest.current;
      if (!tracked || e.defaultPrevented) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        const inBar = bar.current?.contains(document.activeElement) ?? false;
        clear();
        if (inBar && !('crossing' in tracked))
          document
            .querySelector<HTMLElement>(`.pane[data-pane="${tracked.selection.pane}"] .pane-scroll`)
            ?.focus();
        return;
      }
      if ('crossing' in tracked) return;
      if (
        e.key === 'Tab' &&
        !e.shiftKey &&
        !(bar.current?.contains(document.activeElement) ?? true)
      ) {
        // Tab from the selection goes to its toolbar first (it sits at the selection, not in tab order).
        const first = bar.current?.querySelector('button');
        if (first && !isEditable(e.target)) {
          e.preventDefault();
          first.focus();
          return;
        }
      }
      if (e.ctrlKey || e.metaKey || e.altKey || isEditable(e.target)) return;
      const action = actions.find((a) => a.shortcut !== undefined && a.shortcut === e.key);
      if (!action) return;
      e.preventDefault();
      runFromPassage(action, tracked.selection, clear);
    };
    return listenKeys(onKey);
  }, [listenKeys]);

  if (!tracked || actions.length === 0) return null;
  if ('crossing' in tracked)
    return (
      <div ref={bar} className="selection-toolbar selection-toolbar--crossing" role="status">
        This selection runs into the other text: select within one text.
      </div>
    );
  const onArrows = (e: ReactKeyboardEvent<HTMLDivElement>): void => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const buttons = [...(bar.current?.querySelectorAll('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    e.preventDefault();
    const next = buttons[(at + (e.key === 'ArrowRight' ? 1 : buttons.length - 1)) % buttons.length];
    next?.focus();
  };
  return (
    <div
      ref={bar}
      className="selection-toolbar"
      role="toolbar"
      aria-label="Selected text"
      onMouseDown={(e) => e.preventDefault()}
      onKeyDown={onArrows}
    >
      {actions.map((action) => (
        <button
          key={action.id}
          type="button"
          data-action={action.id}
          aria-keyshortcuts={action.shortcut}
          title={action.shortcut ? `${action.label} (${action.shortcut})` : action.label}
          onClick={() => runFromPassage(action, tracked.selection, clear)}
        >
          {action.label}
        </button>
      ))}
    </div>
  );
}

/**
 * Runs a toolbar action with focus on the passage the selection starts in.
 * The toolbar and the selection go as the action starts, and a click on the
 * toolbar leaves focus where it was (it keeps the selection by not taking
 * focus on mousedown): usually the page's body. A dialog or panel the action
 * opens then had nothing to hand focus back to on close, and a keyboard
 * reader lost their place; from the passage, they are back in the text where
 * they selected.
 */
function runFromPassage(
  action: SelectionAction,
  selection: PaneSelection,
  clear: () => void,
): void {
  const anchor = document.getSelection()?.anchorNode ?? null;
  const from = anchor instanceof Element ? anchor : (anchor?.parentElement ?? null);
  from?.closest<HTMLElement>('[data-address][tabindex]')?.focus({ preventScroll: true });
  clear();
  action.run(selection);
}
