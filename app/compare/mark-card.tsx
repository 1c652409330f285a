/**
 * The card a comparison mark shows while it is hovered or focused: what the
 * comparison is about before the reader jumps — its topic, the relation in
 * words from this passage's side ("Lankov contradicts this"), what the other
 * text claims (its paraphrase, or a reader's own link's quote), and a button
 * that goes to the counterpart, as activating the mark does.
 *
 * What it is for: pointer and keyboard readers who see the card. Screen
 * reader users hear the same text as the mark's accessible description
 * (`CompareMark.description`, set in `compare-marks.tsx`), so the card is
 * `aria-hidden` and its button out of the Tab order (Enter on the mark is
 * the keyboard's jump); the card adds nothing they would miss.
 *
 * A lazy chunk (`compare-overlays.tsx`): the marks only call `previewMark`
 * through the chunk's import, so the card, its store and its timers weigh
 * nothing on the initial JavaScript. Placed by Floating UI (`useFloating`):
 * flipped and shifted to stay in the window, also at 420 px.
 *
 * Security: renders the topic, the paraphrase or quote (a reader's own text
 * for their links) and passage names as React text; no HTML.
 */
import { useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { useFloating } from '../floating/use-floating.ts';
import type { PaneIndex } from '../state/reader-state.ts';
import type { CompareMark } from './marks-for.ts';

/** The mark a card is asked for, where it is, and the pane it is in. */
export interface MarkPreview {
  /** The pane showing the mark (the counterpart opens in the other). */
  readonly pane: PaneIndex;
  /** The comparison as seen from that pane. */
  readonly mark: CompareMark;
  /** The mark's button: what the card floats beside. */
  readonly anchor: HTMLElement;
}

/**
 * How long the card stays after the pointer or focus leaves its mark, in ms: long enough to move
 * the pointer from the mark onto the card (to reach its button), short enough not to linger.
 */
const LINGER_MS = 250;

let shown: MarkPreview | null = null;
let overCard = false;
let hideTimer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

function set(next: MarkPreview | null): void {
  clearTimeout(hideTimer);
  hideTimer = undefined;
  if (next === shown) return;
  shown = next;
  for (const l of listeners) l();
}

/**
 * Shows the card for a mark at once, or (null) hides it after `LINGER_MS` unless the pointer is
 * on the card by then. Called by the marks on pointer enter/leave and focus/blur.
 */
export function previewMark(preview: MarkPreview | null): void {
  if (preview) {
    set(preview);
    return;
  }
  clearTimeout(hideTimer);
  hideTimer = setTimeout(() => {
    if (!overCard) set(null);
  }, LINGER_MS);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Props of `MarkCard`. */
export interface MarkCardProps {
  /** Goes to the mark's counterpart (what activating the mark does). */
  readonly onGo: (pane: PaneIndex, mark: CompareMark) => void;
}

/** The card of the hovered or focused mark, if any. */
export function MarkCard({ onGo }: MarkCardProps): ReactNode {
  const preview = useSyncExternalStore(
    subscribe,
    () => shown,
    () => null,
  );
  const card = useRef<HTMLDivElement>(null);
  useFloating(preview?.anchor ?? null, card, { placement: 'left-start', gap: 6 });
  useEffect(() => {
    if (!preview) return;
    // Escape hides the card and nothing else (a dialog behind it stays open).
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      overCard = false;
      set(null);
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [preview]);
  if (!preview) return null;
  const { mark, pane } = preview;
  return (
    <div
      ref={card}
      className={`mark-card mark-card--${mark.relation}`}
      aria-hidden="true"
      data-compare={mark.id}
      onPointerEnter={() => {
        overCard = true;
        clearTimeout(hideTimer);
      }}
      onPointerLeave={() => {
        overCard = false;
        previewMark(null);
      }}
    >
      <p className="mark-card-topic">{mark.topic}</p>
      <p className="mark-card-says">
        {mark.curated ? '' : 'Your comparison: '}
        {mark.says}:
      </p>
      <p className="mark-card-claim">{mark.there.claim}</p>
      <button
        type="button"
        className="mark-card-go"
        tabIndex={-1}
        onClick={() => {
          overCard = false;
          set(null);
          onGo(pane, mark);
        }}
      >
        Go to {mark.thereName} →
      </button>
    </div>
  );
}
