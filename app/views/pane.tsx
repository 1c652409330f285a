/**
 * One reading pane: a labelled region with its own scroll, a source picker,
 * the edition's blocks and its notes. Below the narrow breakpoint only the
 * active pane is displayed (CSS, `app/styles.css`).
 *
 * Once the app is interactive the text is one composite widget in the Tab
 * order, with one Tab stop on its current passage (`roving-passage.ts`); the
 * scrolling area itself is then no Tab stop (a click still focuses it, so the
 * page keys scroll it).
 */
import { Fragment, Suspense, useMemo, type ReactNode, type RefObject } from 'react';
import type { Address, Block, Edition, Footnote, SourceId } from '../../sources/edition.ts';
import { sourceMetadata } from '../../sources/metadata.ts';
import type { AlignedGap, AlignedHold } from '../align/aligned-gaps.ts';
import type { PaneIndex } from '../state/reader-state.ts';
import { AlignedGapView, HeldRow } from './aligned-gap-view.tsx';
import { BlockView } from './block-view.tsx';
import { FootnoteList } from './footnote-list.tsx';
import { useRovingPassage } from './roving-passage.ts';
import { PANE_TEXT_ID } from './skip-links.tsx';
import { lazyWithPreload } from './lazy-with-preload.ts';
import { VIRTUALIZE_ABOVE } from './virtualize-above.ts';

/** The virtualiser, loaded only when a pane shows a text long enough to need it (a reader's own). */
const LazyVirtualBlocks = lazyWithPreload(() =>
  import('./virtual-blocks.tsx').then((m) => m.VirtualBlocks),
);

/** Props of `Pane`. */
export interface PaneProps {
  readonly index: PaneIndex;
  readonly edition: Edition;
  /** All editions, for the source picker. */
  readonly editions: readonly Edition[];
  /** Addresses marked current. */
  readonly marked: ReadonlySet<string>;
  readonly showChrome: boolean;
  /** This pane has focus (j/k move here; shown on narrow screens). */
  readonly active: boolean;
  readonly scrollRef: RefObject<HTMLDivElement | null>;
  readonly onSelectSource: (pane: PaneIndex, source: SourceId) => void;
  readonly onActivate: (pane: PaneIndex) => void;
  readonly onCopyLink: (address: Address) => void;
  /** Opens the Cite panel on a paragraph or footnote (app/citations/). */
  readonly onCite?: (address: Address) => void;
  /** Extra margin content of a block (comparison marks, the Related tool; see `app/compare/`): the same element each time for the same block. */
  readonly extras?: (block: Block) => ReactNode;
  /** Hydrated: render the controls that need script. */
  readonly interactive: boolean;
  /** The Aligned view's room before blocks, by address (`app/align/`). */
  readonly gaps?: ReadonlyMap<string, AlignedGap>;
  /** Parts of rows the Aligned view holds in sight, by their first block (`app/align/`). */
  readonly holds?: ReadonlyMap<string, AlignedHold>;
  /** Blocks the Aligned view hides (collapsed runs of paragraphs with no counterpart). */
  readonly collapsed?: ReadonlySet<string>;
  /** Expands or collapses a run of paragraphs with no counterpart (by its first paragraph). */
  readonly onToggleRun?: (first: string) => void;
}

const EMPTY: ReadonlySet<string> = new Set();

/** The short label of a source (author, year), or its title. */
export function sourceLabel(edition: Edition): string {
  return sourceMetadata(edition.id)?.label ?? edition.title;
}

/** The blocks one by one, but each held part's blocks (`holds`) as one group. */
function heldGroups(
  blocks: readonly Block[],
  holds: ReadonlyMap<string, AlignedHold> | undefined,
): { blocks: readonly Block[]; hold?: AlignedHold }[] {
  const out: { blocks: readonly Block[]; hold?: AlignedHold }[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const hold = holds?.get(blocks[i]!.address);
    const end = hold ? blocks.findIndex((b, j) => j >= i && b.address === hold.last) : -1;
    if (!hold || end === -1) out.push({ blocks: [blocks[i]!] });
    else {
      out.push({ blocks: blocks.slice(i, end + 1), hold });
      i = end;
    }
  }
  return out;
}

/** A pane. */
export function Pane(props: PaneProps): ReactNode {
  const { index, edition, editions, marked, showChrome, active, scrollRef } = props;
  const footnotes = useMemo(
    () => new Map<string, Footnote>(edition.footnotes.map((f) => [f.address, f])),
    [edition],
  );
  const firstNumbered = edition.blocks.find((b) => b.n !== undefined)?.address;
  // The rows of runs of paragraphs with no counterpart: stops of Up/Down, as passages are.
  const runRows = useMemo(() => {
    const out = new Set<string>();
    for (const gap of props.gaps?.values() ?? []) if (gap.run) out.add(gap.run.paragraphs[0]!);
    return out;
  }, [props.gaps]);
  const roving = useRovingPassage(edition, showChrome, scrollRef, props.interactive, runRows);
  // A long text renders only the chunks near the viewport and those of marked passages: the Tab
  // stop's chunk too, so the pane never loses its one Tab stop.
  const forced = useMemo(
    () =>
      roving.stop === null || marked.has(roving.stop) ? marked : new Set([...marked, roving.stop]),
    [marked, roving.stop],
  );
  const label = sourceLabel(edition);
  // Blocks get the shared set only if it concerns them, so memoized blocks skip re-rendering.
  const markedFor = (address: string): ReadonlySet<string> =>
    [...marked].some((m) => m === address || m.startsWith(`${address}.`)) ? marked : EMPTY;
  const renderBlock = (block: Block): ReactNode => (
    <BlockView
      key={block.address}
      block={block}
      sourceLabel={label}
      footnotes={footnotes}
      marked={markedFor(block.address)}
      showChrome={showChrome}
      onCopyLink={props.onCopyLink}
      onCite={props.onCite}
      extras={props.extras?.(block)}
      timing={index === 0 && block.address === firstNumbered}
      interactive={props.interactive}
      tabStop={roving.stop === block.address}
      focusWithin={roving.within === block.address}
      collapsed={props.collapsed?.has(block.address)}
    />
  );
  const side = index === 0 ? 'left' : 'right';
  return (
    <section
      className="pane"
      data-pane={index}
      data-source={edition.id}
      data-active={active ? 'true' : 'false'}
      aria-label={`${label} (${side} pane)`}
    >
      <div className="pane-head">
        <label className="source-pick">
          <span className="visually-hidden">Text in the {side} pane</span>
          {props.interactive ? (
            <select
              value={edition.id}
              onChange={(e) => props.onSelectSource(index, e.currentTarget.value as SourceId)}
            >
              {editions.map((e) => (
                <option key={e.id} value={e.id}>
                  {sourceLabel(e)}
                </option>
              ))}
            </select>
          ) : (
            // Before the app runs, a placeholder that looks like the picker: a `<select>` is costly
            // to build before the first paint (docs/first-paint.md) and cannot work without script.
            // Every source's label in one grid cell, the others invisible: as wide as the picker.
            <span className="source-pick-placeholder" aria-hidden="true">
              {editions.map((e) => (
                <span key={e.id} className={e.id === edition.id ? undefined : 'source-pick-other'}>
                  {sourceLabel(e)}
                </span>
              ))}
            </span>
          )}
        </label>
      </div>
      <div
        className="pane-scroll"
        ref={scrollRef}
        id={props.interactive ? PANE_TEXT_ID[index] : undefined}
        tabIndex={props.interactive ? -1 : 0}
        aria-label={`${label}, text`}
        role="group"
        onFocus={(e) => {
          props.onActivate(index);
          roving.onFocus(e);
        }}
        onBlur={roving.onBlur}
        onPointerDown={() => props.onActivate(index)}
      >
        {/* Keyed by the text: another text in the pane replaces the article in one DOM removal,
            where removing the old text's blocks one by one cost the render that shows a newly
            added long text a long task (issue 12). */}
        <article key={edition.id} className="edition" lang={edition.lang}>
          {edition.blocks.length > VIRTUALIZE_ABOVE ? (
            // Not laid out aligned: only part of a long text is rendered (see use-aligned-view.ts).
            <Suspense fallback={<p>Preparing the text…</p>}>
              <LazyVirtualBlocks
                key={edition.id}
                blocks={edition.blocks}
                marked={forced}
                scrollRef={scrollRef}
                render={renderBlock}
              />
            </Suspense>
          ) : (
            // One keyed fragment per block, gap or not, so toggling the view keeps the blocks mounted
            // (but those of a held part, which move into its row).
            heldGroups(edition.blocks, props.holds).map(({ blocks, hold }) => (
              <Fragment key={hold ? `held:${blocks[0]!.address}` : blocks[0]!.address}>
                {props.gaps?.has(blocks[0]!.address) && (
                  <AlignedGapView
                    gap={props.gaps.get(blocks[0]!.address)!}
                    editions={editions}
                    onToggleRun={props.onToggleRun}
                    runStop={roving.runStop}
                  />
                )}
                {hold ? (
                  <HeldRow hold={hold} editions={editions}>
                    {blocks.map(renderBlock)}
                  </HeldRow>
                ) : (
                  renderBlock(blocks[0]!)
                )}
              </Fragment>
            ))
          )}
          <FootnoteList
            edition={edition}
            sourceLabel={label}
            marked={marked}
            onCite={props.onCite}
            interactive={props.interactive}
            stop={roving.stop}
            within={roving.within}
          />
        </article>
      </div>
    </section>
  );
}
