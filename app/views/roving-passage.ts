/**
 * A pane's text as one composite widget in the Tab order (WAI-ARIA
 * Authoring Practices, "Managing focus within components using a roving
 * tabindex": https://www.w3.org/WAI/ARIA/apg/practices/keyboard-interface/#kbd_roving_tabindex).
 *
 * - One Tab stop per pane: the pane's current passage (`tabIndex` 0); every
 *   other block and note has -1.
 * - A passage's own controls (its margin number, footnote markers, links,
 *   comparison marks, Related, Copy link, Cite; a note's back links and Cite)
 *   are in the Tab order only while the focus is inside that passage's block
 *   or note, so Tab and Shift+Tab walk through them from the focused passage
 *   and then leave the pane. Elsewhere they have `tabIndex` -1: still
 *   clickable, programmatically focusable (a dialog hands focus back to its
 *   opener) and in the accessibility tree, so a screen reader's browse mode
 *   finds every one of them.
 * - Up/Down move between passages (`nextPassage` in `commands/commands.ts`),
 *   j/k between numbered paragraphs; the focus moving makes its passage the
 *   pane's Tab stop.
 * - In the Aligned view, the row of a run of paragraphs with no counterpart
 *   (`aligned-gap-view.tsx`) is one of those stops too: Up/Down reach it
 *   between the passages around it, and while focused it holds the pane's
 *   Tab stop (`runStop`) instead of a passage; it is no extra Tab stop.
 * - The Tab stop follows the reader's scrolling while the focus is elsewhere:
 *   when the pane comes to rest with its stop out of sight, the first passage
 *   at the top of the pane becomes the stop, so Tab lands where the reader is
 *   reading, not back at where they last were.
 *
 * What it is not for: the prerendered page and the hydration render (before
 * `interactive`), which keep the attributes they always had (the pane's
 * scrolling area a Tab stop of its own, every control in the Tab order): no
 * script, no arrow keys, so nothing there may leave the Tab order.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type FocusEvent,
  type RefObject,
} from 'react';
import type { Address, Edition } from '../../sources/edition.ts';
import { passageOrder, type PaneIndex } from '../state/reader-state.ts';

/**
 * The `tabIndex` the controls inside a passage take: -1 out of the Tab order,
 * `undefined` (their own: links and buttons are in it) while the focus is in
 * their passage, and outside any passage (the default: a footnote or link
 * rendered in the sidebar or a dialog is an ordinary control there).
 */
export const PassageControlTabIndex = createContext<-1 | undefined>(undefined);

/** The `tabIndex` for a control inside a block or note (see `PassageControlTabIndex`). */
export function usePassageControlTabIndex(): -1 | undefined {
  return useContext(PassageControlTabIndex);
}

/** A passage's element: a block's text or a note's text (each holds `data-address`). */
const PASSAGE = ':scope > .block-text[data-address], :scope > .note-text[data-address]';
/** What holds a passage and its controls. */
const HOLDER = '.block, .note';

/** The address of the block or note whose holder contains `node`, if any. */
function passageOf(node: EventTarget | null): Address | null {
  if (!(node instanceof Element)) return null;
  const el = node.closest(HOLDER)?.querySelector<HTMLElement>(PASSAGE);
  return (el?.dataset.address as Address | undefined) ?? null;
}

/** The pane's current passage element, or run row: its Tab stop. */
function stopElement(pane: ParentNode): HTMLElement | null {
  return pane.querySelector<HTMLElement>(
    'article.edition [data-address][tabindex="0"], article.edition .aligned-run[tabindex="0"]',
  );
}

/** The first paragraph of the run whose row is `node`, if it is one. */
function runOf(node: EventTarget | null): Address | null {
  if (!(node instanceof HTMLElement) || !node.classList.contains('aligned-run')) return null;
  return (node.dataset.run as Address | undefined) ?? null;
}

/** Whether part of `el` shows inside the scrolling area `scroller`. */
function inView(el: HTMLElement, scroller: HTMLElement): boolean {
  const box = el.getBoundingClientRect();
  const view = scroller.getBoundingClientRect();
  return el.getClientRects().length > 0 && box.bottom > view.top && box.top < view.bottom;
}

/** The first block or note shown at the top of the scrolling area. */
function topPassage(scroller: HTMLElement): Address | null {
  const top = scroller.getBoundingClientRect().top;
  for (const el of scroller.querySelectorAll<HTMLElement>(
    '.block > .block-text[data-address], .note > .note-text[data-address]',
  )) {
    if (el.getClientRects().length === 0) continue;
    if (el.getBoundingClientRect().bottom > top + 4) return el.dataset.address as Address;
  }
  return null;
}

const NO_RUNS: ReadonlySet<string> = new Set();

/** How long a pane's scrolling must pause before its Tab stop follows it. */
const SETTLE_MS = 150;

/** What `useRovingPassage` gives a pane. */
export interface RovingPassage {
  /** The passage holding the pane's one Tab stop; null before the app is interactive or while a run row holds it. */
  readonly stop: Address | null;
  /** The first paragraph of the run whose row holds the pane's one Tab stop, if one does. */
  readonly runStop: Address | null;
  /** The block or note the focus is in: its controls are in the Tab order. */
  readonly within: Address | null;
  /** For the pane's scrolling area: follows the focus into and out of passages. */
  readonly onFocus: (e: FocusEvent<HTMLElement>) => void;
  readonly onBlur: (e: FocusEvent<HTMLElement>) => void;
}

/** The roving Tab stop of one pane (see the module comment). */
export function useRovingPassage(
  edition: Edition,
  showChrome: boolean,
  scrollRef: RefObject<HTMLElement | null>,
  interactive: boolean,
  runRows: ReadonlySet<string> = NO_RUNS,
): RovingPassage {
  const order = useMemo(() => passageOrder(edition, showChrome), [edition, showChrome]);
  const shown = useMemo(() => new Set<string>(order), [order]);
  const [chosen, setChosen] = useState<Address | null>(null);
  // The run row focused last, while it is the stop (a passage chosen since clears it).
  const [chosenRun, setChosenRun] = useState<Address | null>(null);
  const [within, setWithin] = useState<Address | null>(null);
  const runStop = interactive && chosenRun !== null && runRows.has(chosenRun) ? chosenRun : null;
  // A stop that is not a passage of this text (another text now, or site navigation hidden again)
  // gives way to the first passage: the pane always has exactly one.
  const stop =
    !interactive || runStop !== null
      ? null
      : chosen !== null && shown.has(chosen)
        ? chosen
        : (order[0] ?? null);

  const onFocus = useCallback((e: FocusEvent<HTMLElement>) => {
    const passage = passageOf(e.target);
    const run = runOf(e.target);
    setWithin(passage);
    if (passage !== null) setChosen(passage);
    if (passage !== null || run !== null) setChosenRun(run);
  }, []);
  const onBlur = useCallback((e: FocusEvent<HTMLElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setWithin(null);
  }, []);

  useEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller || !interactive) return;
    let timer = 0;
    const settle = (): void => {
      if (scroller.contains(document.activeElement)) return;
      const current = stopElement(scroller);
      if (current && inView(current, scroller)) return;
      const top = topPassage(scroller);
      if (top !== null) {
        setChosen(top);
        setChosenRun(null);
      }
    };
    const onScroll = (): void => {
      window.clearTimeout(timer);
      timer = window.setTimeout(settle, SETTLE_MS);
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.clearTimeout(timer);
      scroller.removeEventListener('scroll', onScroll);
    };
  }, [scrollRef, interactive]);

  return { stop, runStop, within, onFocus, onBlur };
}

/**
 * Focuses a pane's Tab stop once it can take the focus: the skip links and
 * `p` use it. On a narrow screen the pane is shown by the render that follows
 * the state change, so this waits up to a few frames for it to be displayed.
 */
export function focusPaneStop(pane: PaneIndex, frames = 6): void {
  requestAnimationFrame(() => {
    const section = document.querySelector(`.pane[data-pane="${pane}"]`);
    const el = section && stopElement(section);
    if (el && el.getClientRects().length > 0) el.focus();
    else if (frames > 1) focusPaneStop(pane, frames - 1);
  });
}

/** Keys of the panes' widget that are not commands (the shortcuts dialog lists them). */
export const PASSAGE_KEYS: readonly { readonly keys: readonly string[]; readonly label: string }[] =
  [
    {
      keys: ['Tab', 'Shift+Tab'],
      label:
        'Into a text (one stop per pane, on its current passage); from a focused passage, through its own controls (footnote markers, comparison marks, Related, Copy link, Cite), then on to the next pane',
    },
  ];
