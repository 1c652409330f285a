/**
 * Renders an edition's `Inline` union as React elements.
 *
 * Security: this renders text from the source files (and, through
 * footnotes, text with links). It never uses `dangerouslySetInnerHTML`: text
 * is React text, so markup in a source shows as characters. Links are
 * rendered only for http(s) and mailto URLs (the pipeline guarantees this;
 * checked again here because it costs nothing), open in a new tab with
 * `rel="noopener noreferrer"`; anything else renders as its text.
 *
 * Not for: deciding sentence boundaries (see `app/state/inline-segments.ts`).
 */
import type { ReactNode } from 'react';
import type { Inline } from '../../sources/edition.ts';
import { LONG_RUN, LongTextRun } from './long-text-run.tsx';
import { usePassageControlTabIndex } from './roving-passage.ts';

/** How to render a footnote reference; the caller knows the footnotes. */
export type RenderFootnoteRef = (
  ref: Extract<Inline, { type: 'footnoteRef' }>,
  key: string,
) => ReactNode;

const SAFE_URL = /^(?:https?:|mailto:)/i;

/** Whether a URL may become a link. */
export function isSafeUrl(url: string): boolean {
  return SAFE_URL.test(url);
}

/** Props of `InlineView`. */
export interface InlineViewProps {
  /** The inline content. */
  readonly inlines: readonly Inline[];
  /** Footnote references; without it they render as a plain superscript number. */
  readonly renderRef?: RenderFootnoteRef;
  /** Key prefix, so sibling segments get distinct keys. */
  readonly keyPrefix?: string;
}

/** Inline content as React elements. */
export function InlineView({ inlines, renderRef, keyPrefix = 'i' }: InlineViewProps): ReactNode {
  // A link inside a passage is one of its controls (`roving-passage.ts`).
  const linkTabIndex = usePassageControlTabIndex();
  return inlines.map((node, i) => renderInline(node, `${keyPrefix}.${i}`, renderRef, linkTabIndex));
}

function renderInline(
  node: Inline,
  key: string,
  renderRef: RenderFootnoteRef | undefined,
  linkTabIndex: -1 | undefined,
): ReactNode {
  switch (node.type) {
    case 'text': {
      // A huge run is laid out near the viewport only (long-text-run.tsx).
      const text =
        node.value.length > LONG_RUN ? <LongTextRun key={key} value={node.value} /> : node.value;
      // Plain text needs no element (fewer nodes: the prerendered page paints sooner).
      return node.lang ? (
        <span key={key} lang={node.lang}>
          {text}
        </span>
      ) : (
        text
      );
    }
    case 'emphasis':
      return (
        <em key={key}>
          <InlineView inlines={node.children} renderRef={renderRef} keyPrefix={key} />
        </em>
      );
    case 'strong':
      return (
        <strong key={key}>
          <InlineView inlines={node.children} renderRef={renderRef} keyPrefix={key} />
        </strong>
      );
    case 'delete':
      return (
        <del key={key}>
          <InlineView inlines={node.children} renderRef={renderRef} keyPrefix={key} />
        </del>
      );
    case 'link':
      return isSafeUrl(node.url) ? (
        <a
          key={key}
          href={node.url}
          target="_blank"
          rel="noopener noreferrer"
          tabIndex={linkTabIndex}
        >
          <InlineView inlines={node.children} renderRef={renderRef} keyPrefix={key} />
        </a>
      ) : (
        <span key={key}>
          <InlineView inlines={node.children} renderRef={renderRef} keyPrefix={key} />
        </span>
      );
    case 'footnoteRef':
      return renderRef ? (
        renderRef(node, key)
      ) : (
        <sup key={key} data-anchor-ignore="">
          {node.n}
        </sup>
      );
  }
}
