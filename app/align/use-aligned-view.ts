/**
 * The Aligned view (issue 17): while on, the two panes' paragraphs are laid
 * out in the rows of their alignment — each row's paragraphs start level,
 * and where one text has nothing aligned, its pane leaves a visible gap —
 * and Scroll both follows the alignment: with both panes shown, the panes
 * scroll level (the same offset is the same row); with one pane shown,
 * Scroll both uses the alignment's links instead of proportional position.
 * (The tool was called "Sync panes"; **Sync** is the annotation sync, so the
 * notice below names the tool by its button's label.)
 *
 * The alignment is computed on demand (`align-engine.ts`, loaded on first
 * use, with the measuring and layout code) for the two panes' texts, built-in or the reader's own, anchored on
 * the comparisons between them. The layout is measured from the DOM: each
 * pane's blocks' tops without the gaps, turned into gaps by the pure
 * `alignedGaps`, re-measured when a text's size changes (a resize, a font,
 * another text).
 *
 * A text long enough to be virtualised (`views/virtual-blocks.tsx`) is
 * only partly rendered, so it cannot be measured: the panes are then not
 * levelled, and Scroll both follows the alignment's links.
 *
 * Not for: the alignment's maths (`sources/align/`), rendering the gaps
 * (`views/pane.tsx` draws what this returns).
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Annotation } from '../../annotations/model/annotation.ts';
import type { Alignment } from '../../sources/align/index.ts';
import type { Address, Edition } from '../../sources/edition.ts';
import { scrollToTop, topParagraph } from '../hooks/top-paragraph.ts';
import type { PaneRun } from '../state/passage-stops.ts';
import type { PaneIndex } from '../state/reader-state.ts';
import type { SyncLink } from '../sync/sync-targets.ts';
import type { AlignedGaps, AlignedHolds, AlignedLayout, UnmatchedRun } from './aligned-gaps.ts';
import { alignmentLinks } from './alignment-links.ts';

/** What the hook needs from the app. */
export interface AlignedViewInput {
  readonly editionOf: (pane: PaneIndex) => Edition;
  readonly scrollOf: (pane: PaneIndex) => HTMLElement | null;
  /** Curated and the reader's own comparisons (anchors of the alignment). */
  readonly comparisons: readonly Annotation[];
  /** Tells the reader something (an alignment that failed). */
  readonly notify: (message: string) => void;
  /** The addresses marked as the current location (a collapsed run holding one is expanded). */
  readonly marked: readonly string[];
}

/** The Aligned view's state, for the toolbar, the panes and Sync. */
export interface AlignedViewUi {
  /** The toggle's state. */
  readonly aligned: boolean;
  readonly toggle: () => void;
  /** Gaps to leave before blocks, per pane (empty when off or not measured). */
  readonly gaps: AlignedGaps;
  /** Parts of rows held in view beside the other side's longer part, per pane (`AlignedHold`). */
  readonly holds: AlignedHolds;
  /** Both panes are laid out level: Sync copies the scroll offset. */
  readonly level: boolean;
  /** Blocks hidden per pane: those of the collapsed runs of paragraphs with no counterpart. */
  readonly hidden: readonly [ReadonlySet<string>, ReadonlySet<string>];
  /** Expands or collapses the run whose first paragraph is `first`. */
  readonly toggleRun: (first: string) => void;
  /** The rows of runs shown in a pane while levelled, for Up/Down (`commands.ts`); else none. */
  readonly runsOf: (pane: PaneIndex) => readonly PaneRun[];
  /** Sync links from the alignment while on (else null: Sync's own links apply). */
  readonly syncLinks: readonly SyncLink[] | null;
}

/** `align-engine.ts`, loaded on first use. */
type AlignEngine = typeof import('./align-engine.ts');

const NO_GAPS: AlignedGaps = [new Map(), new Map()];
const NO_LAYOUT: AlignedLayout = { gaps: NO_GAPS, holds: [new Map(), new Map()] };
const NONE_HIDDEN: readonly [ReadonlySet<string>, ReadonlySet<string>] = [new Set(), new Set()];
const NO_RUNS: readonly UnmatchedRun[] = [];

/** The hook. */
export function useAlignedView({
  editionOf,
  scrollOf,
  comparisons,
  notify,
  marked,
}: AlignedViewInput): AlignedViewUi {
  const [aligned, setAligned] = useState(false);
  const alignedRef = useRef(false);
  const [alignment, setAlignment] = useState<Alignment | null>(null);
  // The alignment and layout code, loaded with the first alignment (outside the initial bundle).
  const [engine, setEngine] = useState<AlignEngine | null>(null);
  // The gaps, and the alignment they were measured for (null: the normal layout).
  const [laidOut, setLaidOut] = useState<{ layout: AlignedLayout; for: Alignment | null }>(() => ({
    layout: NO_LAYOUT,
    for: null,
  }));
  const a = editionOf(0);
  const b = editionOf(1);
  // The paragraph the active pane showed at its top when the view changed: kept in view.
  const keep = useRef<{ pane: PaneIndex; address: string } | null>(null);
  // The runs of paragraphs with no counterpart shown in full (by first paragraph); others collapsed.
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const toggleRun = useCallback((first: string) => {
    setExpanded((e) => {
      const next = new Set(e);
      if (!next.delete(first)) next.add(first);
      return next;
    });
  }, []);

  const toggle = useCallback(() => {
    const active = document.querySelector<HTMLElement>('.pane[data-active="true"]');
    const pane: PaneIndex = active?.dataset.pane === '1' ? 1 : 0;
    const top = topParagraph(scrollOf(pane));
    keep.current = top ? { pane, address: top } : null;
    const turningOn = !alignedRef.current;
    alignedRef.current = turningOn;
    setAligned(turningOn);
    // One text at a time (a narrow screen): say what the toggle does here.
    if (turningOn && [0, 1].some((p) => scrollOf(p as PaneIndex)?.offsetParent === null))
      notify(
        'Aligned: one text is shown at a time on this screen, so the texts are not laid out level; Scroll both follows the alignment instead. Widen the window to see aligned paragraphs side by side.',
      );
  }, [scrollOf, notify]);

  // The alignment of the two panes' texts, computed off the initial bundle.
  useEffect(() => {
    if (!aligned) return;
    let live = true;
    import('./align-engine.ts')
      .then((loaded) => {
        if (!live) return;
        setEngine(loaded);
        setAlignment(loaded.alignPanes(a, b, comparisons));
      })
      .catch(() => {
        if (!live) return;
        alignedRef.current = false;
        setAligned(false);
        notify(
          'The texts could not be aligned: part of Diptych could not be loaded. Reload the page.',
        );
      });
    return () => {
      live = false;
    };
  }, [aligned, a, b, comparisons, notify]);

  const current =
    aligned && alignment && alignment.a === a.id && alignment.b === b.id ? alignment : null;
  const runs = useMemo(
    () =>
      current && engine
        ? engine.unmatchedRuns(current.rows, [
            a.blocks.map((x) => x.address),
            b.blocks.map((x) => x.address),
          ])
        : NO_RUNS,
    [current, a, b, engine],
  );

  // Measure and level; again whenever a text's size changes.
  useLayoutEffect(() => {
    if (!current || !engine) return;
    let frame = 0;
    const relayout = () => {
      const layouts = [
        engine.measurePane(scrollOf(0), a),
        engine.measurePane(scrollOf(1), b),
      ] as const;
      const maxHeight = Math.min(scrollOf(0)?.clientHeight ?? 0, scrollOf(1)?.clientHeight ?? 0);
      // One pane shown (a narrow screen): nothing to level; Scroll both follows the alignment's links.
      const next =
        layouts[0] && layouts[1]
          ? engine.alignedLayout(
              current.rows,
              [layouts[0], layouts[1]],
              { runs, expanded },
              { maxHeight },
            )
          : NO_LAYOUT;
      // Whole pixels already (aligned-gaps.ts), so a re-measure that moved nothing is the same gaps.
      setLaidOut((l) =>
        l.for === current && (l.layout === next || engine.sameLayout(l.layout, next))
          ? l
          : { layout: next, for: current },
      );
    };
    relayout();
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(relayout);
    });
    for (const pane of [0, 1] as const) {
      const article = scrollOf(pane)?.querySelector('article.edition');
      if (article) observer.observe(article);
      // The panes' height too: it bounds what is held in view.
      const scroll = scrollOf(pane);
      if (scroll) observer.observe(scroll);
    }
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [current, a, b, scrollOf, runs, expanded, engine]);

  const layout = current !== null && laidOut.for === current ? laidOut.layout : NO_LAYOUT;
  const { gaps, holds } = layout;
  const level = current !== null && layout !== NO_LAYOUT;
  // Collapsed runs hide their blocks only while the panes are levelled (both shown and measured).
  const hidden = useMemo(
    () => (level && engine ? engine.hiddenBlocks(runs, expanded) : NONE_HIDDEN),
    [level, runs, expanded, engine],
  );
  // A passage marked current inside a collapsed run (a link, a search hit, j/k, back) expands the
  // run, and comes into view once laid out; once per location (collapsing that run again is the
  // reader's choice). In the next frame, after the reader's own reveal has run.
  const seen = useRef<readonly string[] | null>(null);
  useEffect(() => {
    if (!level || marked === seen.current) return;
    const blockOf = (m: string) => m.replace(/\.\d+$/, '');
    const frame = requestAnimationFrame(() => {
      seen.current = marked;
      for (const m of marked) {
        const block = blockOf(m);
        const run = runs.find((r) => hidden[r.side].has(block) && r.blocks.includes(block));
        if (!run) continue;
        keep.current = { pane: run.side, address: block };
        setExpanded((e) => new Set([...e, run.paragraphs[0]!]));
        return;
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [marked, runs, hidden, level]);
  // Once laid out (or back to normal), bring back the paragraph the reader was at; level the other pane.
  useLayoutEffect(() => {
    const k = keep.current;
    // On: wait until the alignment is loaded and laid out. Off: the gaps are gone already.
    if (!k || (aligned && (current === null || laidOut.for !== current))) return;
    keep.current = null;
    const scroll = scrollOf(k.pane);
    const el = scroll?.querySelector<HTMLElement>(`[data-address="${CSS.escape(k.address)}"]`);
    // A paragraph of a collapsed run: its run's row stands in for it.
    const run = el?.getClientRects().length === 0 && runs.find((r) => r.blocks.includes(k.address));
    const row = run
      ? scroll?.querySelector<HTMLElement>(`[data-run="${CSS.escape(run.paragraphs[0]!)}"]`)
      : el;
    if (scroll && row) scrollToTop(scroll, row);
    const other = scrollOf(k.pane === 0 ? 1 : 0);
    if (level && scroll && other) other.scrollTop = scroll.scrollTop;
  }, [aligned, level, current, laidOut, scrollOf, runs]);

  const syncLinks = useMemo(() => (current ? alignmentLinks(current.rows) : null), [current]);
  const runsOf = useCallback(
    (pane: PaneIndex): readonly PaneRun[] =>
      level
        ? runs
            .filter((r) => r.side === pane)
            .map((r) => ({
              first: r.paragraphs[0]! as Address,
              blocks: r.blocks as readonly Address[],
              expanded: expanded.has(r.paragraphs[0]!),
            }))
        : [],
    [level, runs, expanded],
  );
  return { aligned, toggle, gaps, holds, level, hidden, toggleRun, runsOf, syncLinks };
}
