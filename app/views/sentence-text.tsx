/**
 * The text of a block or footnote, one `<span data-address>` per sentence.
 * The spans' text, in order, is exactly the block's `text` (markers aside,
 * which carry `data-anchor-ignore`). Renders source text as React text only.
 *
 * `plain` renders the same text without the sentence spans: the prerendered
 * page (and the hydration render, which must equal it) leaves them out, since
 * a no-JS reader has no use for them and its first paint waits for every
 * element of the page to be parsed; the app adds them in its first render
 * after hydration (`interactive` in app.tsx), with the paragraph tools.
 */
import { useMemo, type ReactNode } from 'react';
import type { Inline, Sentence } from '../../sources/edition.ts';
import { segmentInlines } from '../state/inline-segments.ts';
import { InlineView, type RenderFootnoteRef } from './inline-view.tsx';

/** Props of `SentenceText`. */
export interface SentenceTextProps {
  readonly inlines: readonly Inline[];
  readonly sentences: readonly Sentence[];
  /** Addresses marked `aria-current="location"`. */
  readonly marked: ReadonlySet<string>;
  readonly renderRef?: RenderFootnoteRef;
  /** The text alone, without a span per sentence (the prerendered page: see above). */
  readonly plain?: boolean;
}

/** Sentences as spans, with the gaps between them as plain text. */
export function SentenceText({
  inlines,
  sentences,
  marked,
  renderRef,
  plain = false,
}: SentenceTextProps): ReactNode {
  const segments = useMemo(
    () => (plain ? [] : segmentInlines(inlines, sentences)),
    [plain, inlines, sentences],
  );
  if (plain) return <InlineView inlines={inlines} renderRef={renderRef} />;
  return segments.map((segment, i) =>
    segment.sentence ? (
      <span
        key={i}
        className="s"
        data-address={segment.sentence.address}
        aria-current={marked.has(segment.sentence.address) ? 'location' : undefined}
        tabIndex={marked.has(segment.sentence.address) ? -1 : undefined}
      >
        <InlineView inlines={segment.inlines} renderRef={renderRef} keyPrefix={`s${i}`} />
      </span>
    ) : (
      <InlineView key={i} inlines={segment.inlines} renderRef={renderRef} keyPrefix={`g${i}`} />
    ),
  );
}
