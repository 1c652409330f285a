/**
 * The reader's view state and the pure transitions on it.
 *
 * What it is for: which source each pane shows, which pane has focus (and is
 * the one shown on a narrow screen), the current location (the passage marked
 * `aria-current="location"`), chrome visibility, pane sync, the shortcuts
 * dialog and the one-line notice. Every transition is a function from state
 * (and the editions) to a new state, so commands and tests need no browser.
 *
 * What it is not for: annotations (their store lives in `annotations/`) or
 * anything that touches the DOM — scrolling and focus are requested through
 * `reveal` and carried out by the views.
 */
import { containingPassage } from '../../sources/address.ts';
import type { Address, Edition, SourceId } from '../../sources/edition.ts';
import { resolveLocation } from './resolve-location.ts';

/** Index of a pane: 0 left, 1 right. */
export type PaneIndex = 0 | 1;

/** A request to scroll an address into view and focus it; `seq` makes a repeated request distinct. */
export interface Reveal {
  /** The element (`data-address`) to scroll to and focus. */
  readonly address: Address;
  /** Increases on every request, so revealing the same address twice still scrolls. */
  readonly seq: number;
}

/** Everything the views need to know that is not in the editions. */
export interface ReaderState {
  /** Source shown in the left and the right pane; never the same twice. */
  readonly panes: readonly [SourceId, SourceId];
  /** Pane that j/k move in, and the one shown below the narrow breakpoint. */
  readonly activePane: PaneIndex;
  /** The address of the current location (as visited), or null. */
  readonly current: Address | null;
  /** The `data-address` elements marked `aria-current="location"` (several for a range). */
  readonly marked: readonly Address[];
  /** Pending scroll-and-focus request. */
  readonly reveal: Reveal | null;
  /** Show chrome blocks (greyed) instead of hiding them. */
  readonly showChrome: boolean;
  /** Keep the other pane at a related position when one scrolls. */
  readonly sync: boolean;
  /** The keyboard shortcuts dialog is open. */
  readonly shortcutsOpen: boolean;
  /** A short message for the reader (e.g. an unknown address), or null. */
  readonly notice: string | null;
  /**
   * The text of a notice that asks the reader to act (copy a link by hand…): while it is the
   * notice shown, it stays until dismissed (`noticeStays`). The text, not a flag, so that it cannot
   * outlive its message: a flag had to be cleared by every transition that sets a notice, and one
   * left set by Escape made the next notice (a bad link's) stay too.
   */
  readonly stayingNotice?: string | null;
}

/** Whether the notice shown asks the reader to act, and so stays until dismissed. */
export function noticeStays(state: ReaderState): boolean {
  return state.notice !== null && state.notice === state.stayingNotice;
}

/** The state before any URL is read: first edition left, second right. */
export function initialReaderState(editions: readonly Edition[]): ReaderState {
  const [left, right] = editions;
  if (!left || !right) throw new Error('The reader needs two editions.');
  return {
    panes: [left.id, right.id],
    activePane: 0,
    current: null,
    marked: [],
    reveal: null,
    showChrome: false,
    sync: false,
    shortcutsOpen: false,
    notice: null,
  };
}

/** The edition with this id, if any. */
export function editionById(editions: readonly Edition[], id: SourceId): Edition | undefined {
  return editions.find((e) => e.id === id);
}

/** The edition shown in a pane. */
export function paneEdition(
  state: ReaderState,
  editions: readonly Edition[],
  pane: PaneIndex,
): Edition {
  const edition = editionById(editions, state.panes[pane]);
  if (edition) return edition;
  // A text deleted from the library while a pane showed it: that pane falls back to
  // the first text the other pane does not show.
  const other = state.panes[pane === 0 ? 1 : 0];
  const fallback = editions.find((e) => e.id !== other) ?? editions[0];
  if (!fallback) throw new Error(`No edition ${state.panes[pane]}`);
  return fallback;
}

/** The pane showing a source, or null. */
export function paneOfSource(state: ReaderState, source: SourceId): PaneIndex | null {
  if (state.panes[0] === source) return 0;
  if (state.panes[1] === source) return 1;
  return null;
}

/**
 * Shows `source` in `pane`. Choosing the source the other pane shows swaps
 * the panes, so one source is never on screen twice (addresses stay unique in
 * the page).
 */
export function setPaneSource(state: ReaderState, pane: PaneIndex, source: SourceId): ReaderState {
  if (state.panes[pane] === source) return state;
  const other: PaneIndex = pane === 0 ? 1 : 0;
  if (state.panes[other] === source) return swapPanes(state);
  const panes: [SourceId, SourceId] = [state.panes[0], state.panes[1]];
  panes[pane] = source;
  return { ...state, panes };
}

/** Swaps the two panes' sources; focus follows its source. */
export function swapPanes(state: ReaderState): ReaderState {
  return {
    ...state,
    panes: [state.panes[1], state.panes[0]],
    activePane: state.activePane === 0 ? 1 : 0,
  };
}

/**
 * Goes to the passage at `rawAddress` (as read from the URL hash): loads its
 * source into the focused pane if no pane shows it, focuses that pane, marks
 * the passage and asks for it to be revealed. An address that does not
 * resolve leaves the panes alone and sets a notice instead.
 */
export function openAddress(
  state: ReaderState,
  editions: readonly Edition[],
  rawAddress: string,
): ReaderState {
  const resolved = resolveLocation(editions, rawAddress);
  if (!resolved.ok) return { ...state, notice: resolved.notice, marked: [], current: null };
  let next = state;
  let pane = paneOfSource(next, resolved.source);
  if (pane === null) {
    next = setPaneSource(next, next.activePane, resolved.source);
    pane = next.activePane;
  }
  return {
    ...next,
    activePane: pane,
    current: resolved.address,
    marked: resolved.marked,
    notice: null,
    reveal: { address: resolved.marked[0] ?? resolved.address, seq: (state.reveal?.seq ?? 0) + 1 },
  };
}

/** The addresses of a pane's numbered blocks, in reading order (what j/k step through). */
export function numberedAddresses(edition: Edition): readonly Address[] {
  return edition.blocks.filter((b) => b.n !== undefined).map((b) => b.address);
}

/**
 * The paragraph after (`+1`) or before (`-1`) `from` in the edition's
 * numbered blocks (what j/k step through). `from` may be a sentence address
 * (it counts as its paragraph) or an unnumbered block's (a heading, a
 * caption: the numbered block after or before it in reading order, null if
 * there is none). A footnote, or null, starts before the first paragraph
 * (going forward) or after the last (going back). Stops at the ends.
 */
export function stepParagraph(
  edition: Edition,
  from: Address | null,
  direction: 1 | -1,
): Address | null {
  const list = numberedAddresses(edition);
  if (list.length === 0) return null;
  const base = from === null ? null : containingPassage(from);
  const i = base === null ? -1 : list.indexOf(base);
  if (i !== -1) return list[Math.min(list.length - 1, Math.max(0, i + direction))]!;
  const at = base === null ? -1 : edition.blocks.findIndex((b) => b.address === base);
  if (at === -1) return direction === 1 ? list[0]! : list[list.length - 1]!;
  for (let k = at + direction; k >= 0 && k < edition.blocks.length; k += direction) {
    if (edition.blocks[k]!.n !== undefined) return edition.blocks[k]!.address;
  }
  return null;
}

/**
 * Every passage a pane shows, in reading order: its blocks (site navigation
 * only while shown) and then its notes. What the arrow keys step through and
 * what can hold a pane's one Tab stop (`app/views/roving-passage.ts`).
 */
export function passageOrder(edition: Edition, showChrome: boolean): readonly Address[] {
  const blocks = edition.blocks.filter((b) => showChrome || b.role !== 'chrome');
  return [...blocks.map((b) => b.address), ...edition.footnotes.map((f) => f.address)];
}

/**
 * The passage after (`+1`) or before (`-1`) `from` in `passageOrder`: every
 * block and note, not only the numbered paragraphs. A sentence counts as its
 * block or note; an address not in the order starts from the first passage
 * (going forward) or the last (going back). Stops at the ends (returns the
 * same passage).
 */
export function stepPassage(
  edition: Edition,
  from: Address,
  direction: 1 | -1,
  showChrome: boolean,
): Address | null {
  const order = passageOrder(edition, showChrome);
  if (order.length === 0) return null;
  const i = order.indexOf(containingPassage(from));
  if (i === -1) return direction === 1 ? order[0]! : order[order.length - 1]!;
  return order[Math.min(order.length - 1, Math.max(0, i + direction))]!;
}

/**
 * Marks `address` as the current location and reveals it, without touching
 * the history (j/k use this; the URL is replaced, not pushed).
 */
export function moveTo(state: ReaderState, pane: PaneIndex, address: Address): ReaderState {
  return {
    ...state,
    activePane: pane,
    current: address,
    marked: [address],
    notice: null,
    reveal: { address, seq: (state.reveal?.seq ?? 0) + 1 },
  };
}
