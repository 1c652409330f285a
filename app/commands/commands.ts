/**
 * The reader's user commands, one small named object each (Excalidraw's
 * `actions/`): a name, the keys shown in the shortcuts dialog, a key test,
 * and a `perform` that returns the new state plus at most one effect for the
 * views to carry out. This is the ONE place for the reader's keyboard
 * shortcuts, annotation ones included (one listener, `use-commands.ts`); the
 * shortcuts dialog is generated from this list. The only keys handled
 * elsewhere are those of a transient widget while it is open (the selection
 * toolbar's action keys and Tab, a footnote popover's Escape); the toolbar's
 * are listed in the dialog from its own action list.
 *
 * What it is for: keyboard behaviour as pure functions (tested in
 * tests/app/commands.test.ts). What it is not for: reading the DOM — what a
 * command needs to know about the page (the paragraph at the top of a pane)
 * comes in through `CommandContext`.
 */
import { sourceOfAddress } from '../../sources/address.ts';
import type { Address, Edition } from '../../sources/edition.ts';
import {
  moveTo,
  paneEdition,
  paneOfSource,
  stepParagraph,
  swapPanes,
  type PaneIndex,
  type ReaderState,
} from '../state/reader-state.ts';
import { stepStop, type PaneRun, type PassageStop } from '../state/passage-stops.ts';

/** The parts of a keyboard event a key test looks at. */
export interface KeyInput {
  /** `KeyboardEvent.key`. */
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
  /** The event comes from a text field (shortcuts that are letters must not fire there). */
  readonly inEditable: boolean;
  /** The address of the passage (block, note or sentence in a pane's text) that has the focus (the event's target), if any. */
  readonly passage: Address | null;
  /** The Aligned view's focused run row (the run's first paragraph), if one has the focus. */
  readonly runRow?: Address | null;
}

/** What a command may need to know beyond the state. */
export interface CommandContext {
  /** Both editions. */
  readonly editions: readonly Edition[];
  /** The first numbered paragraph visible at the top of a pane, read from the page by the caller. */
  readonly topOf: (pane: PaneIndex) => Address | null;
  /** The Aligned view's run rows shown in a pane (none when the view is off). */
  readonly runsOf?: (pane: PaneIndex) => readonly PaneRun[];
}

/** Something only the views can do. */
export type CommandEffect =
  | { readonly type: 'focusSearch' }
  /** Put the address in the URL without a new history entry. */
  | { readonly type: 'replaceHash'; readonly address: Address }
  /** Undo the last annotation change (the annotation store keeps the undo stack). */
  | { readonly type: 'undoAnnotation' }
  /** Open the first annotation on this passage in the sidebar, if it has one. */
  | { readonly type: 'openAnnotationAt'; readonly address: Address }
  /** Give this passage the keyboard focus again once the panes have re-rendered. */
  | { readonly type: 'focusPassage'; readonly address: Address }
  /** Give the keyboard focus to a pane's current passage (its one Tab stop) once it is shown. */
  | { readonly type: 'focusPane'; readonly pane: PaneIndex }
  /** Give the keyboard focus to the Aligned view's row of the run starting at `run`. */
  | { readonly type: 'focusRun'; readonly run: Address };

/** A command's outcome. */
export interface CommandResult {
  /** The new state (may be the same object). */
  readonly state: ReaderState;
  /** What the views should do after rendering it. */
  readonly effect?: CommandEffect;
}

/** A user command. */
export interface Command {
  /** Stable identifier. */
  readonly name: string;
  /** What it does, for the shortcuts dialog. */
  readonly label: string;
  /** The keys as shown to the reader. */
  readonly keys: readonly string[];
  /** Whether this key press triggers the command in this state. */
  readonly keyTest: (input: KeyInput, state: ReaderState) => boolean;
  /** The new state, and an effect for the views (`input` is the key press that triggered it, if any). */
  readonly perform: (
    state: ReaderState,
    context: CommandContext,
    input?: KeyInput,
  ) => CommandResult;
}

const plain = (input: KeyInput): boolean => !input.ctrlKey && !input.metaKey && !input.altKey;
const letter = (key: string) => (input: KeyInput, state: ReaderState) =>
  plain(input) && !input.inEditable && !state.shortcutsOpen && input.key === key;

function step(direction: 1 | -1) {
  return (state: ReaderState, context: CommandContext): CommandResult => {
    const pane = state.activePane;
    const edition = paneEdition(state, context.editions, pane);
    const inPane = state.current?.startsWith(`${edition.id}:`) ? state.current : null;
    const from = inPane ?? context.topOf(pane);
    // Nothing current yet: the first j goes to the paragraph at the top, not past it.
    const target =
      inPane === null && from !== null && direction === 1
        ? from
        : stepParagraph(edition, from, direction);
    if (target === null) return { state };
    return { state: moveTo(state, pane, target), effect: { type: 'replaceHash', address: target } };
  };
}

/** j: next paragraph in the focused pane. */
export const nextParagraph: Command = {
  name: 'nextParagraph',
  label: 'Next paragraph in the focused pane',
  keys: ['j'],
  keyTest: letter('j'),
  perform: step(1),
};

/** k: previous paragraph in the focused pane. */
export const previousParagraph: Command = {
  name: 'previousParagraph',
  label: 'Previous paragraph in the focused pane',
  keys: ['k'],
  keyTest: letter('k'),
  perform: step(-1),
};

/**
 * Up/Down on a focused passage: the passage before or after it (every block
 * and note, headings and captions included, unlike j/k), made current as j/k
 * make theirs (marked, focused, the URL replaced). In the Aligned view a run
 * row is a stop too (`passage-stops.ts`): it gets the focus, and Enter or
 * Space on it (it is a button) shows its paragraphs. Not claimed anywhere
 * else: on the pane's scrolling area, in a field or on a control the arrows
 * keep their own meaning.
 */
function arrowStep(direction: 1 | -1) {
  return (state: ReaderState, context: CommandContext, input?: KeyInput): CommandResult => {
    const from: PassageStop | null = input?.passage
      ? { kind: 'passage', address: input.passage }
      : input?.runRow
        ? { kind: 'run', run: input.runRow }
        : null;
    const address = from && (from.kind === 'run' ? from.run : from.address);
    const source = address ? sourceOfAddress(address) : null;
    const pane = source === null ? null : paneOfSource(state, source);
    if (!from || pane === null) return { state };
    const edition = paneEdition(state, context.editions, pane);
    const target = stepStop(
      edition,
      from,
      direction,
      state.showChrome,
      context.runsOf?.(pane) ?? [],
    );
    if (target === null) return { state };
    if (target.kind === 'run')
      return {
        state: { ...state, activePane: pane },
        effect: { type: 'focusRun', run: target.run },
      };
    if (from.kind === 'passage' && target.address === from.address) return { state };
    return {
      state: moveTo(state, pane, target.address),
      effect: { type: 'replaceHash', address: target.address },
    };
  };
}

const arrow = (key: string) => (input: KeyInput, state: ReaderState) =>
  plain(input) &&
  !input.shiftKey &&
  (input.passage !== null || (input.runRow ?? null) !== null) &&
  !state.shortcutsOpen &&
  input.key === key;

/** Down arrow: the next passage in the focused text. */
export const nextPassage: Command = {
  name: 'nextPassage',
  label: 'On a focused passage: the next one (paragraph, heading, caption or note)',
  keys: ['↓'],
  keyTest: arrow('ArrowDown'),
  perform: arrowStep(1),
};

/** Up arrow: the previous passage in the focused text. */
export const previousPassage: Command = {
  name: 'previousPassage',
  label: 'On a focused passage: the previous one',
  keys: ['↑'],
  keyTest: arrow('ArrowUp'),
  perform: arrowStep(-1),
};

/** /: focus the search box. */
export const focusSearch: Command = {
  name: 'focusSearch',
  label: 'Search all texts',
  keys: ['/'],
  keyTest: letter('/'),
  perform: (state) => ({ state, effect: { type: 'focusSearch' } }),
};

/** ?: list the shortcuts. */
export const showShortcuts: Command = {
  name: 'showShortcuts',
  label: 'Show these shortcuts',
  keys: ['?'],
  keyTest: (input, state) =>
    !input.ctrlKey &&
    !input.metaKey &&
    !input.inEditable &&
    !state.shortcutsOpen &&
    input.key === '?',
  perform: (state) => ({ state: { ...state, shortcutsOpen: true } }),
};

/** p: focus the other pane's current passage (on a narrow screen, show that pane first). */
export const otherPane: Command = {
  name: 'otherPane',
  label: 'Switch to the other pane (the focus goes to its current passage)',
  keys: ['p'],
  keyTest: letter('p'),
  perform: (state) => {
    const pane: PaneIndex = state.activePane === 0 ? 1 : 0;
    return { state: { ...state, activePane: pane }, effect: { type: 'focusPane', pane } };
  },
};

/** s: swap the two sources. */
export const swap: Command = {
  name: 'swapPanes',
  label: 'Swap the two texts',
  keys: ['s'],
  keyTest: letter('s'),
  // The focused passage's pane is rendered anew on the other side, and the keyboard focus would
  // fall to the page's body: it goes back to the same passage, now in the other pane.
  perform: (state, _context, input) => ({
    state: swapPanes(state),
    ...(input?.passage ? { effect: { type: 'focusPassage', address: input.passage } } : {}),
  }),
};

/** c: show or hide site chrome. */
export const toggleChrome: Command = {
  name: 'toggleChrome',
  label: 'Show or hide the site navigation (menus, sign-up prompts)',
  keys: ['c'],
  keyTest: letter('c'),
  perform: (state) => ({ state: { ...state, showChrome: !state.showChrome } }),
};

/** Escape: close the dialog or dismiss the notice (footnote popovers close themselves). */
export const dismiss: Command = {
  name: 'dismiss',
  label: 'Close a dialog, popover or notice',
  keys: ['Escape'],
  keyTest: (input, state) =>
    input.key === 'Escape' && (state.shortcutsOpen || state.notice !== null),
  perform: (state) => ({
    state: state.shortcutsOpen ? { ...state, shortcutsOpen: false } : { ...state, notice: null },
  }),
};

/** Ctrl/⌘+Z outside a text field: undo the last annotation change (a field's own undo wins inside it). */
export const undoAnnotation: Command = {
  name: 'undoAnnotation',
  label: 'Undo the last annotation change',
  keys: ['Ctrl+Z', '⌘Z'],
  keyTest: (input) =>
    (input.ctrlKey || input.metaKey) &&
    !input.altKey &&
    !input.shiftKey &&
    !input.inEditable &&
    input.key.toLowerCase() === 'z',
  perform: (state) => ({ state, effect: { type: 'undoAnnotation' } }),
};

/** Enter on a focused passage: open its annotation. */
export const openAnnotation: Command = {
  name: 'openAnnotation',
  label: 'Open the annotation in the focused paragraph',
  keys: ['Enter'],
  keyTest: (input) => input.key === 'Enter' && plain(input) && input.passage !== null,
  perform: (state, _context, input) =>
    input?.passage
      ? { state, effect: { type: 'openAnnotationAt', address: input.passage } }
      : { state },
};

/** Every command, in the order the shortcuts dialog lists them. */
export const COMMANDS: readonly Command[] = [
  nextParagraph,
  previousParagraph,
  nextPassage,
  previousPassage,
  focusSearch,
  showShortcuts,
  otherPane,
  swap,
  toggleChrome,
  undoAnnotation,
  openAnnotation,
  dismiss,
];

/** The first command whose key test accepts this key press, if any. */
export function commandForKey(input: KeyInput, state: ReaderState): Command | undefined {
  return COMMANDS.find((c) => c.keyTest(input, state));
}
