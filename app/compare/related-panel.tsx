/**
 * "Related in the other text": a panel listing the passages of the other
 * pane's source most related to a paragraph or a selection, each named by its
 * place in that text ("¶13", "caption 1": the heading names the text), its strength in words and as a bar (absolute, from the words it
 * shares: `related-strength.ts`; when every passage is weak, the panel says
 * there is no close match), why it is related, in words a student reads —
 * "Both speak of: railway, Rajin" (the shared words, filler left out, marked
 * in its text), "Related words: “support” and “aid”" (words of the query that
 * meet other words of the passage through word vectors, general words left
 * out), "Both date something to 2000" — and choosing one opens it in the
 * other pane.
 *
 * Opened on a paragraph, it is placed around that paragraph, not over it
 * (`related-placement.ts`), and its heading names it in words ("Related in
 * Winstanley-Chesters (2015) to Lankov (2007) ¶13"), not by its address.
 *
 * The ranking is `sources/related/` (BM25 over stemmed, stop-word-filtered,
 * alias-canonical terms, fused with SIF sentence-embedding similarity),
 * loaded on first use with its word vectors (`load-compare.ts`). Security:
 * passage text is rendered as React text, cut at the highlight offsets into
 * `<mark>` elements — never as HTML.
 */
import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type ReactNode,
} from 'react';
import type { Address, Edition, SourceId } from '../../sources/edition.ts';
import type { ReferenceElement } from '@floating-ui/dom';
import { useFloating, VIEWPORT_PADDING } from '../floating/use-floating.ts';
import { sourceLabel } from '../views/pane.tsx';
import { passageInWords } from '../views/passage-in-words.ts';
import { sourceOfAddress } from '../../sources/address.ts';
import { relatedPlacement } from './related-placement.ts';
import { loadRelatedEngine } from './load-compare.ts';
import { relatedStrength } from './related-strength.ts';
import type { RelatedPassage, RelatedQueryInput } from './related-engine.ts';
import { LanguageText } from '../views/language-text.tsx';

/** What the panel is asked for. */
export interface RelatedRequest {
  /** A paragraph address, or a selection's text in its source. */
  readonly query: RelatedQueryInput;
  /** How a selection query is named in the heading ("your selection"); a paragraph is named from its address. */
  readonly label: string;
  /** The source to rank (the other pane's). */
  readonly within: SourceId;
  /** What the panel floats beside (the Related button, the selection); kept on screen by Floating UI. */
  readonly anchor?: ReferenceElement;
}

/** Without an anchor: the bottom-right corner of the window (the panel then sits above-left of it). */
const DOCK: ReferenceElement = {
  getBoundingClientRect: () => {
    const x = window.innerWidth - 16;
    const y = window.innerHeight - 16;
    return { x, y, left: x, top: y, right: x, bottom: y, width: 0, height: 0 };
  },
};

/** The gap between the panel and what it floats beside, in px (`useFloating`'s default). */
const GAP = 8;

/** The panel's largest size in this window: its CSS width, and its height cap (55vh). */
function panelSize(): { width: number; height: number } {
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  return {
    width: Math.min(34 * rem, window.innerWidth - 2 * VIEWPORT_PADDING),
    height: 0.55 * window.innerHeight,
  };
}

/**
 * The paragraph a paragraph query is about, in the pane of the button that opened the panel, or
 * `null` (a selection, or no such element).
 */
function passageOf(request: RelatedRequest): Element | null {
  if (typeof request.query !== 'string' || !(request.anchor instanceof Element)) return null;
  const pane = request.anchor.closest('.pane-scroll') ?? document;
  return pane.querySelector(`[data-address="${CSS.escape(request.query)}"]`);
}

/** How many matched concepts a passage shows (the strongest; more reads as noise). */
const SHOWN_CONCEPTS = 4;

/** How many passages the panel lists (issue 7: the five most related). */
export const RELATED_COUNT = 5;

/** Props of `RelatedPanel`. */
export interface RelatedPanelProps {
  readonly request: RelatedRequest;
  readonly editions: readonly Edition[];
  /** Opens a passage in the pane showing `request.within`. */
  readonly onOpen: (address: Address) => void;
  readonly onClose: () => void;
}

/** Splits `text` at sorted, non-overlapping ranges into plain and marked pieces. */
export function markRanges(
  text: string,
  ranges: readonly { readonly start: number; readonly end: number }[],
): { readonly text: string; readonly marked: boolean }[] {
  const out: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const r of ranges) {
    const start = Math.max(at, Math.min(r.start, text.length));
    const end = Math.max(start, Math.min(r.end, text.length));
    if (start > at) out.push({ text: text.slice(at, start), marked: false });
    if (end > start) out.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at), marked: false });
  return out;
}

type Outcome =
  | { readonly kind: 'loading' }
  | {
      readonly kind: 'done';
      readonly passages: readonly RelatedPassage[];
      /** False when the word vectors failed to load (ranked by shared words only). */
      readonly semantic: boolean;
    }
  | { readonly kind: 'error'; readonly message: string };

/** The panel. */
export function RelatedPanel({ request, editions, onOpen, onClose }: RelatedPanelProps): ReactNode {
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const panel = useRef<HTMLElement>(null);
  // Around the paragraph asked about, measured when the panel opens (see related-placement.ts).
  const place = useMemo(() => {
    const passage = passageOf(request);
    if (!passage)
      return {
        reference: request.anchor ?? DOCK,
        placement: 'bottom-end' as const,
        keepClear: false,
      };
    const view = { width: window.innerWidth, height: window.innerHeight };
    const box = passage.getBoundingClientRect();
    return {
      reference: passage,
      ...relatedPlacement(box, panelSize(), view, GAP, VIEWPORT_PADDING),
    };
  }, [request]);
  useFloating(place.reference, panel, {
    placement: place.placement,
    gap: GAP,
    keepClear: place.keepClear,
    // The heading takes the focus once the panel is shown: hidden while it is placed, it cannot.
    onPlaced: () => heading.current?.focus(),
  });
  // Escape closes it from anywhere, as it does a pinned footnote popover: a reader whose focus
  // went back to the text need not find the panel first. (From within, its own handler closes it
  // and stops the key there; a modal dialog above it keeps its Escape for itself.)
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      if (document.querySelector('dialog[open]')) return;
      onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  // The outcome remembers its request, so a new request reads as loading without a reset in the effect.
  const [answer, setAnswer] = useState<{
    readonly request: RelatedRequest;
    readonly outcome: Outcome;
  } | null>(null);
  const outcome: Outcome = answer?.request === request ? answer.outcome : { kind: 'loading' };
  useEffect(() => {
    let live = true;
    const settle = (o: Outcome): void => {
      if (live) setAnswer({ request, outcome: o });
    };
    loadRelatedEngine()
      .then((engine) => engine.relatedIn(editions, request.query, request.within, RELATED_COUNT))
      .then(
        (answer) => settle({ kind: 'done', ...answer }),
        (error: unknown) =>
          settle({
            kind: 'error',
            message:
              error instanceof Error && error.name === 'RelatedQueryError'
                ? error.message
                : 'The related-passage index could not be loaded.',
          }),
      );
    return () => {
      live = false;
    };
  }, [editions, request]);

  const within = editions.find((e) => e.id === request.within);
  const name = within ? sourceLabel(within) : request.within;
  const queried = typeof request.query === 'string' ? request.query : null;
  const queriedEdition = queried && editions.find((e) => e.id === sourceOfAddress(queried));
  const asked = queried
    ? passageInWords(
        queried,
        queriedEdition ? sourceLabel(queriedEdition) : (sourceOfAddress(queried) ?? queried),
      )
    : request.label;
  return (
    <section
      ref={panel}
      className="related-panel"
      role="region"
      aria-labelledby={titleId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="related-head">
        <h2 id={titleId} ref={heading} tabIndex={-1}>
          Related in {name} to {asked}
        </h2>
        <button type="button" onClick={onClose}>
          Close<span className="visually-hidden"> related passages</span>
        </button>
      </div>
      {outcome.kind === 'loading' && <p>Finding related passages…</p>}
      {outcome.kind === 'error' && <p role="alert">{outcome.message}</p>}
      {outcome.kind === 'done' && !outcome.semantic && (
        <p className="related-note">
          Ranked by shared words only: the word vectors could not be loaded.
        </p>
      )}
      {outcome.kind === 'done' && outcome.passages.length === 0 && (
        <p>No passage of {name} shares a content word with it.</p>
      )}
      {outcome.kind === 'done' &&
        outcome.passages.length > 0 &&
        outcome.passages.every((p) => relatedStrength(p.evidence, p.meaning).words === 'weak') && (
          <p className="related-note related-none">
            No close match in {name}: every passage below is a weak match (it shares few or only
            common words with {asked}, and is not close to it in meaning).
          </p>
        )}
      {outcome.kind === 'done' && outcome.passages.length > 0 && (
        <ol className="related-list">
          {outcome.passages.map((p) => {
            const strength = relatedStrength(p.evidence, p.meaning);
            return (
              <li key={p.address} className="related-item" data-address-ref={p.address}>
                <div className="related-meta">
                  <button type="button" className="related-go" onClick={() => onOpen(p.address)}>
                    {passageInWords(p.address, '').trim()}
                    <span className="visually-hidden"> in {name} (open in the other pane)</span>
                  </button>
                  <span className="related-strength" data-strength={strength.words}>
                    <span
                      className="related-bar"
                      aria-hidden="true"
                      style={{ '--strength': strength.ratio } as CSSProperties}
                    />
                    {strength.words} match
                  </span>
                </div>
                {(p.terms.length > 0 || p.concepts.length > 0 || p.period !== undefined) && (
                  <p className="related-why">
                    {p.terms.length > 0 && (
                      <span className="related-terms">Both speak of: {p.terms.join(', ')}</span>
                    )}
                    {p.concepts.length > 0 && (
                      <span className="related-concepts">
                        Related words:{' '}
                        {p.concepts
                          .slice(0, SHOWN_CONCEPTS)
                          .map(
                            (c) =>
                              `“${c.query}” and ${c.matches.map((m) => `“${m}”`).join(' or ')}`,
                          )
                          .join('; ')}
                      </span>
                    )}
                    {p.period !== undefined && (
                      <span className="related-period">Both date something to {p.period}</span>
                    )}
                  </p>
                )}
                <p className="related-text">
                  {markRanges(p.text, p.highlights).map((piece, i) =>
                    piece.marked ? (
                      <mark key={i}>
                        <LanguageText text={piece.text} />
                      </mark>
                    ) : (
                      <span key={i}>
                        <LanguageText text={piece.text} />
                      </span>
                    ),
                  )}
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
