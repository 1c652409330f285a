/**
 * One block of an edition: the paragraph number in the margin, the text
 * element (with `data-address`, containing exactly the block's text), and
 * the block's tools (its address and "Copy link", shown on hover or focus).
 *
 * The line shows the paragraph's address (`lankov-2007:12`; for a text of
 * the reader's own, its id: a name and a hash), as a link uses it; the
 * buttons' accessible names say the paragraph in words ("Copy link to
 * Lankov (2007) ¶12", an own text named by its title).
 *
 * Roles map to elements: title → h2, heading → h3, everything else → p, with
 * a class per role for the typography (epigraph, attribution, caption,
 * credit, standfirst, byline). Chrome blocks are rendered `hidden` unless the
 * reader asks to see them, then greyed and labelled.
 *
 * Once the app is interactive, the block takes part in its pane's roving
 * Tab stop (`roving-passage.ts`): its text is the pane's one Tab stop or
 * not (`tabStop`), and its controls are in the Tab order only while the
 * focus is inside the block (`focusWithin`).
 *
 * Renders source text through `SentenceText`/`InlineView` (no HTML).
 */
import { memo, type ReactNode } from 'react';
import type { Address, Block, Footnote } from '../../sources/edition.ts';
import { FootnoteMarker } from './footnote-marker.tsx';
import { passageInWords } from './passage-in-words.ts';
import { PassageControlTabIndex } from './roving-passage.ts';
import type { RenderFootnoteRef } from './inline-view.tsx';
import { SentenceText } from './sentence-text.tsx';

/** Props of `BlockView`. */
export interface BlockViewProps {
  readonly block: Block;
  /** The short label of the block's text ("Lankov (2007)", an own text's title): names the paragraph in words. */
  readonly sourceLabel: string;
  /** Footnotes of the edition by address, for the markers. */
  readonly footnotes: ReadonlyMap<string, Footnote>;
  /** Addresses marked current (this block's or its sentences'). */
  readonly marked: ReadonlySet<string>;
  /** Whether chrome blocks are shown. */
  readonly showChrome: boolean;
  /** Copies the link to an address; the app reports the result. */
  readonly onCopyLink: (address: Address) => void;
  /** Opens the Cite panel on a paragraph or footnote (app/citations/); keep its identity stable. */
  readonly onCite?: (address: Address) => void;
  /** Margin content from features (comparison marks…): must carry `data-anchor-ignore`; keep its identity stable, the block is memoized. */
  readonly extras?: ReactNode;
  /** Marks the first paragraph for Element Timing (see bench/reader.ts). */
  readonly timing?: boolean;
  /**
   * Script is running: render the tools ("Copy link" needs it) and the
   * sentences' spans. The prerendered page leaves them out — a hundred inert
   * buttons and two hundred spans would only delay its first paint.
   */
  readonly interactive: boolean;
  /** The block's text is its pane's one Tab stop (`roving-passage.ts`; interactive only). */
  readonly tabStop?: boolean;
  /** The focus is inside the block: its controls are in the Tab order (interactive only). */
  readonly focusWithin?: boolean;
  /** Hidden by the Aligned view: in a collapsed run of paragraphs with no counterpart. */
  readonly collapsed?: boolean;
}

/** Human names of unnumbered roles, for screen readers and the label on site navigation. */
const ROLE_LABEL: Partial<Record<Block['role'], string>> = {
  caption: 'Caption',
  credit: 'Credit',
  chrome: 'Site navigation',
};

function BlockViewImpl({
  block,
  sourceLabel,
  footnotes,
  marked,
  showChrome,
  onCopyLink,
  onCite,
  timing,
  interactive,
  extras,
  tabStop = false,
  focusWithin = false,
  collapsed = false,
}: BlockViewProps): ReactNode {
  // Before the app is interactive (the prerendered page), every control keeps its own place in the
  // Tab order and the text none: there are no arrow keys without script.
  const controlTabIndex = interactive && !focusWithin ? -1 : undefined;
  const renderRef: RenderFootnoteRef = (ref, key) => {
    const footnote = footnotes.get(ref.address);
    return footnote ? (
      <FootnoteMarker key={key} footnote={footnote} onCite={onCite} />
    ) : (
      <sup key={key} data-anchor-ignore="">
        {ref.n}
      </sup>
    );
  };
  const current = marked.has(block.address);
  const textProps = {
    'data-address': block.address,
    'aria-current': current ? ('location' as const) : undefined,
    tabIndex: interactive && tabStop ? 0 : -1,
    className: 'block-text',
    ...(timing ? { elementtiming: 'first-paragraph' } : {}),
  };
  const text = (
    <SentenceText
      inlines={block.inlines}
      sentences={block.sentences}
      marked={marked}
      renderRef={renderRef}
      plain={!interactive}
    />
  );
  const element =
    block.role === 'title' ? (
      <h2 {...textProps}>{text}</h2>
    ) : block.role === 'heading' ? (
      <h3 {...textProps}>{text}</h3>
    ) : (
      <p {...textProps}>{text}</p>
    );
  const numbered = block.n !== undefined;
  const label = ROLE_LABEL[block.role];
  const inWords = passageInWords(block.address, sourceLabel);
  return (
    <div
      className={`block block--${block.role}${numbered ? ' block--numbered' : ''}`}
      hidden={(block.role === 'chrome' && !showChrome) || collapsed}
    >
      {numbered && (
        <a
          className="pnum"
          href={`#${block.address}`}
          data-anchor-ignore=""
          aria-label={`Paragraph ${block.n}`}
          tabIndex={controlTabIndex}
        >
          {block.n}
        </a>
      )}
      {label && (
        <span className="role-label" data-anchor-ignore="">
          {label}
        </span>
      )}
      <PassageControlTabIndex.Provider value={controlTabIndex}>
        {element}
        {extras}
      </PassageControlTabIndex.Provider>
      {numbered && interactive && (
        <span className="tools" data-anchor-ignore="">
          {/* The address itself (issue 4: "shows its address"), what a link or a citation uses. */}
          <span className="addr">{block.address}</span>
          <button
            type="button"
            className="copy"
            tabIndex={controlTabIndex}
            onClick={() => onCopyLink(block.address)}
          >
            Copy link<span className="visually-hidden"> to {inWords}</span>
          </button>
          {onCite && (
            <button
              type="button"
              className="copy"
              aria-haspopup="dialog"
              tabIndex={controlTabIndex}
              onClick={() => onCite(block.address)}
            >
              Cite<span className="visually-hidden"> {inWords}</span>
            </button>
          )}
        </span>
      )}
    </div>
  );
}

/** A block; memoized, since a pane re-renders on every location change. */
export const BlockView = memo(BlockViewImpl);
