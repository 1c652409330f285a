/**
 * The text of a block or footnote, one `<span data-address>` per sentence.
 * The spans' text, in order, is exactly the block's `text` (markers aside,
 * which carry `data-anchor-ignore`). Renders source text as React text only.
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
}

/** Sentences as spans, with the gaps between them as plain text. */
export function SentenceText({
  inlines,
  sentences,
  marked,
  renderRef,
}: SentenceTextProps): ReactNode {
  const segments = useMemo(() => segmentInlines(inlines, sentences), [inlines, sentences]);
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
