/**
 * A footnote marker: a real control in the running text. Hover or focus shows
 * the footnote in a popover; click or Enter pins it; Escape (or a click
 * elsewhere) closes it. The popover links to the note in the list.
 *
 * The whole marker carries `data-anchor-ignore`: its text is not part of the
 * block's text (contract with annotations/anchoring/dom-range.ts).
 * Inside a passage it takes the passage's control `tabIndex`
 * (`roving-passage.ts`): in the Tab order only while the focus is in its block.
 * Renders footnote text through `InlineView` (no HTML injection).
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { Address, Footnote } from '../../sources/edition.ts';
import { useFloating } from '../floating/use-floating.ts';
import { InlineView } from './inline-view.tsx';
import { usePassageControlTabIndex } from './roving-passage.ts';

/** Props of `FootnoteMarker`. */
export interface FootnoteMarkerProps {
  /** The footnote the marker refers to. */
  readonly footnote: Footnote;
  /** Opens the Cite panel on the note (app/citations/); offered in the popover. */
  readonly onCite?: (address: Address) => void;
}

type Open = 'closed' | 'preview' | 'pinned';

/** Delay before a hover preview closes, so the pointer can travel into the popover. */
const HOVER_CLOSE_MS = 200;

/** The marker and its popover. */
export function FootnoteMarker({ footnote, onCite }: FootnoteMarkerProps): ReactNode {
  const [open, setOpen] = useState<Open>('closed');
  const wrapper = useRef<HTMLSpanElement>(null);
  const marker = useRef<HTMLAnchorElement>(null);
  // The marker as state too: the popover is placed against it (Floating UI needs the element, not
  // the ref). Set when the popover opens, not when the marker mounts: a state update from every
  // marker's ref made hydration end in a second, synchronous render of all of them.
  const [markerEl, setMarkerEl] = useState<HTMLAnchorElement | null>(null);
  const reveal = (next: (o: Open) => Open): void => {
    setMarkerEl(marker.current);
    setOpen(next);
  };
  const popover = useRef<HTMLSpanElement>(null);
  const closeTimer = useRef<number | undefined>(undefined);
  const id = useId();
  const tabIndex = usePassageControlTabIndex();

  const cancelClose = (): void => window.clearTimeout(closeTimer.current);
  useEffect(() => cancelClose, []);

  // While pinned, Escape anywhere or a click outside closes it.
  useEffect(() => {
    if (open !== 'pinned') return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') setOpen('closed');
    };
    const onDown = (e: PointerEvent): void => {
      if (!wrapper.current?.contains(e.target as Node)) setOpen('closed');
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onDown);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onDown);
    };
  }, [open]);

  // Below the marker, or above it when there is more room there; never off screen.
  useFloating(open === 'closed' ? null : markerEl, popover, { placement: 'bottom', gap: 4 });

  const label = `Footnote ${footnote.n}`;
  return (
    <span
      ref={wrapper}
      className="fn"
      data-anchor-ignore=""
      onMouseEnter={() => {
        cancelClose();
        reveal((o) => (o === 'closed' ? 'preview' : o));
      }}
      onMouseLeave={() => {
        cancelClose();
        closeTimer.current = window.setTimeout(
          () => setOpen((o) => (o === 'preview' ? 'closed' : o)),
          HOVER_CLOSE_MS,
        );
      }}
      onFocus={() => reveal((o) => (o === 'closed' ? 'preview' : o))}
      onBlur={(e) => {
        if (!wrapper.current?.contains(e.relatedTarget as Node | null))
          setOpen((o) => (o === 'preview' ? 'closed' : o));
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open !== 'closed') {
          e.stopPropagation();
          setOpen('closed');
          marker.current?.focus();
        }
      }}
    >
      {/*
        The control is a link to the note (it works before hydration, and
        without script) that JavaScript turns into a popover toggle. Not a
        <button>: a button is an atomic inline, and Chromium wraps it onto the
        next line alone, away from the word it annotates.
      */}
      <sup>
        <a
          ref={marker}
          href={`#${footnote.address}`}
          className="fn-marker"
          aria-label={label}
          aria-expanded={open !== 'closed'}
          aria-controls={open === 'closed' ? undefined : id}
          data-footnote={footnote.address}
          tabIndex={tabIndex}
          onClick={(e) => {
            e.preventDefault();
            reveal((o) => (o === 'pinned' ? 'closed' : 'pinned'));
          }}
        >
          {footnote.n}
        </a>
      </sup>
      {open !== 'closed' && (
        <span
          ref={popover}
          id={id}
          className="fn-pop"
          role="group"
          aria-label={label}
          data-state={open}
        >
          <span className="fn-pop-text">
            <span className="fn-pop-n">{footnote.n}.</span>{' '}
            <InlineView inlines={footnote.inlines} />
          </span>
          <a
            className="fn-pop-link"
            href={`#${footnote.address}`}
            tabIndex={tabIndex}
            onClick={() => setOpen('closed')}
          >
            Go to note {footnote.n} in the notes
          </a>
          {onCite && (
            <button
              type="button"
              className="copy fn-pop-cite"
              data-cite-intent=""
              aria-haspopup="dialog"
              tabIndex={tabIndex}
              onClick={() => {
                // Focus the marker first: the Cite panel hands focus back to it when it closes.
                marker.current?.focus();
                setOpen('closed');
                onCite(footnote.address);
              }}
            >
              Cite<span className="visually-hidden"> note {footnote.n}</span>
            </button>
          )}
        </span>
      )}
    </span>
  );
}
