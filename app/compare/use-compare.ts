/**
 * The comparisons in the reader, as data: it loads the curated comparisons
 * (lazily), joins them with the reader's own linking annotations from the
 * store, anchors both sides, and returns what the views need — the pane-sync
 * links, the margin marks per block, the state of the overlays (Compare
 * view, Related panel, the pending link, the Link passages dialog) with
 * their callbacks, and the selection-toolbar actions ("Link passages",
 * "Related"). It renders nothing: `compare-overlays.tsx` does.
 *
 * What it is for: state and wiring. What it is not for: deciding anything —
 * placement is `place-comparisons.ts`, labels `marks-for.ts`, rows and exports
 * `annotations/comparisons/`, the new annotation `linkPassages`, saving the
 * annotation store — or rendering.
 */
import { useRef, useCallback, useEffect, useMemo, useState } from 'react';
import { afterStoredAnnotations } from '../annotations/after-stored-annotations.ts';
import type { Address, Block, Edition, SourceId } from '../../sources/edition.ts';
import type { Annotation } from '../../annotations/model/annotation.ts';
import { loadAnnotationRuntime, useAnnotations } from '../annotations/use-annotations.ts';
import { replaceHash } from '../hooks/use-hash-location.ts';
import type { PaneSelection, SelectionAction } from '../selection/selection-action.ts';
import type { PaneIndex, ReaderState } from '../state/reader-state.ts';
import type { SyncLink } from '../sync/sync-targets.ts';
import { rectReference } from '../floating/use-floating.ts';
import type { LinkChoice } from './link-dialog.tsx';
import { loadCompareEngine, type CompareEngine } from './load-compare.ts';
import type { CompareMark } from './marks-for.ts';
import { passageAt, syncLinksOf, type PlacedComparison } from './place-comparisons.ts';
import type { RelatedRequest } from './related-panel.tsx';
import { showInPane } from './show-in-pane.ts';
import { useCompareHighlights } from './use-compare-highlights.ts';
import { useSameItems } from '../hooks/use-same-items.ts';
import { passageAmong } from '../views/passage-in-words.ts';
import { sourceMetadata } from '../../sources/metadata.ts';
import { firstIssue } from '../../sources/util/zod-issue.ts';
import type { ZodError } from 'zod';

/** Said when the annotation code could not be loaded (offline before it was ever cached, or a new version deployed). */
const RUNTIME_UNAVAILABLE =
  'Not saved: part of Diptych could not be loaded. Check your connection and reload the page.';

/** What the hook needs from the app. */
export interface CompareInput {
  readonly editions: readonly Edition[];
  /** The sources in the left and right panes. */
  readonly panes: readonly [SourceId, SourceId];
  readonly editionOf: (pane: PaneIndex) => Edition;
  readonly scrollOf: (pane: PaneIndex) => HTMLElement | null;
  readonly setState: (update: (s: ReaderState) => ReaderState) => void;
}

/** A side of a link in progress. */
export interface PendingSide {
  readonly selection: PaneSelection;
  /** The passage in words ("Lankov (2007) ¶12"), for the chip, the dialog and the notice. */
  readonly name: string;
}

/** What one block's margin shows. */
export interface BlockMargin {
  /** The block's compared passages (may be empty). */
  readonly marks: readonly CompareMark[];
  /** The block, when it can be a Related query (numbered paragraphs). */
  readonly relatedFor?: RelatedFor;
}

/** A paragraph the Related button asks about. */
export interface RelatedFor {
  /** Its address, the query. */
  readonly address: Address;
  /** It in words ("Lankov (2007) ¶12"), for the button's name: the raw address means nothing to a reader. */
  readonly name: string;
}

/**
 * A pane's margins: what a block's margin shows, or undefined for nothing. A function, asked
 * only for the blocks rendered: a 100,000-paragraph text renders a window of them.
 */
export type PaneMargins = (block: Block) => BlockMargin | undefined;

/** The comparisons' state and callbacks, for the views. */
export interface CompareUi {
  /** Pane-sync links: the comparisons', curated and the reader's own (with the nearest-link fallback). */
  readonly syncLinks: readonly SyncLink[];
  /** Per pane, each block's margin; none until the engine is loaded (stable between unrelated renders). */
  readonly margins: readonly [PaneMargins, PaneMargins];
  /** Goes to a mark's counterpart in the other pane. */
  readonly activateMark: (pane: PaneIndex, mark: CompareMark) => void;
  /** Opens "Related in the other text" for a block of a pane. */
  readonly relatedTo: (pane: PaneIndex, address: Address, opener?: HTMLElement) => void;
  /** "Link passages" and "Related" for the selection toolbar. */
  readonly selectionActions: readonly SelectionAction[];
  /** Every edition (the Related panel searches them). */
  readonly editions: readonly Edition[];
  /** The loaded engine, or `null` while it loads. */
  readonly engine: CompareEngine | null;
  /** Why the comparisons could not be loaded, or `null`. */
  readonly error: string | null;
  /** Curated and own comparisons. */
  readonly annotations: readonly Annotation[];
  /** The editions of the two panes, the Compare view's columns. */
  readonly columns: readonly [Edition, Edition];
  /** The topics in use, offered in the Link passages dialog. */
  readonly topics: readonly string[];
  /** The Compare view: whether it is open, and mounted (from the first opening on, so its filters survive closing it). */
  readonly view: { readonly open: boolean; readonly mounted: boolean };
  /** Opens the Compare view. */
  readonly openView: () => void;
  /** Closes the Compare view. */
  readonly closeView: () => void;
  /** What the Related panel shows, or `null` when closed. */
  readonly related: RelatedRequest | null;
  /** Opens a Related result in the pane that shows its text. */
  readonly openRelatedResult: (address: Address) => void;
  /** Closes the Related panel and returns focus to where it was. */
  readonly closeRelated: () => void;
  /** The first side of a link in progress, or `null`. */
  readonly pending: PendingSide | null;
  /** Abandons the link in progress. */
  readonly cancelPending: () => void;
  /** The two sides being linked (the Link passages dialog is open), or `null`. */
  readonly linking: readonly [PendingSide, PendingSide] | null;
  /** Saves the link; returns an error to show in the dialog, or `null`. */
  readonly saveLink: (choice: LinkChoice) => string | null;
  /** Closes the Link passages dialog without saving. */
  readonly cancelLink: () => void;
  /** Deletes one of the reader's own comparisons. */
  readonly deleteOwn: (id: string) => void;
}

const NO_PLACED: readonly PlacedComparison[] = [];
const NO_ANNOTATIONS: readonly Annotation[] = [];
const NO_MARGINS: PaneMargins = () => undefined;
const NO_MARKS: readonly CompareMark[] = [];

/**
 * One side of a link in words, for the pending chip, the Link passages dialog and the notice:
 * "Lankov (2007) ¶7", "Rail and ports ¶2" for a text of the reader's own. Not `passageName`
 * ("Lankov 7"), the margin marks' short form, which named a reader's own text by its raw id
 * ("linked-rail-3fa94c02d1 2") since only the built-in texts have an author's short name.
 */
function nameOf(selection: PaneSelection): string {
  const block = passageAt(selection.edition, selection.start);
  return block
    ? passageAmong(block, [selection.edition])
    : (sourceMetadata(selection.source)?.label ?? selection.edition.title);
}

/** The comparisons UI. */
export function useCompare({
  editions,
  panes,
  editionOf,
  scrollOf,
  setState,
}: CompareInput): CompareUi {
  const [engine, setEngine] = useState<CompareEngine | null>(null);
  const [curated, setCurated] = useState<readonly Annotation[]>(NO_ANNOTATIONS);
  const [error, setError] = useState<string | null>(null);
  const [viewOpen, setViewOpen] = useState(false);
  // Mounted from the first opening on, so its filters survive closing it.
  const [viewMounted, setViewMounted] = useState(false);
  const [relatedRequest, setRelatedRequest] = useState<RelatedRequest | null>(null);
  const [pending, setPending] = useState<PendingSide | null>(null);
  // The pending side as the selection action reads it (the action object outlives renders).
  const pendingRef = useRef<PendingSide | null>(null);
  const choosePending = useCallback((side: PendingSide | null) => {
    pendingRef.current = side;
    setPending(side);
  }, []);
  const [linking, setLinking] = useState<readonly [PendingSide, PendingSide] | null>(null);
  const { snapshot } = useAnnotations();
  // Where focus was when Related opened, to return it there on close.
  const relatedOpener = useRef<HTMLElement | null>(null);
  const openRelated = useCallback((request: RelatedRequest) => {
    relatedOpener.current =
      document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setRelatedRequest(request);
  }, []);

  // The curated set targets the built-in texts: a text the reader adds does not reload it.
  const builtins = useSameItems(
    useMemo(() => editions.filter((e) => sourceMetadata(e.id) !== undefined), [editions]),
  );
  useEffect(() => {
    let live = true;
    afterStoredAnnotations()
      .then(loadCompareEngine)
      .then(
        async (e) => {
          let list: Annotation[] | null = null;
          let problem: string | null = null;
          try {
            list = await e.curatedComparisons(builtins);
          } catch (err) {
            problem = err instanceof Error ? err.message : String(err);
          }
          if (!live) return;
          if (list) setCurated(list);
          if (problem !== null) setError(problem);
          setEngine(e);
        },
        () => live && setError('The comparisons could not be loaded.'),
      );
    return () => {
      live = false;
    };
  }, [builtins]);

  const own = useMemo(
    () => snapshot?.annotations.filter((a) => a.motivation === 'linking') ?? NO_ANNOTATIONS,
    [snapshot],
  );
  const all = useMemo(() => [...curated, ...own], [curated, own]);
  // Only the editions some comparison targets: adding an unrelated text re-anchors nothing.
  const targeted = useSameItems(
    useMemo(() => {
      const sources = new Set<string>(all.flatMap((a) => a.targets.map((t) => t.source)));
      return editions.filter((e) => sources.has(e.id));
    }, [all, editions]),
  );
  const placed = useMemo(
    () => (engine ? engine.anchorComparisons(all, targeted) : NO_PLACED),
    [engine, all, targeted],
  );
  useCompareHighlights(engine, placed, editionOf, scrollOf);

  const syncLinks = useMemo(() => syncLinksOf(placed, targeted), [placed, targeted]);

  const notify = useCallback((notice: string) => setState((s) => ({ ...s, notice })), [setState]);
  const open = useCallback(
    (pane: PaneIndex, address: Address) => {
      setState((s) => showInPane(s, editions, pane, address));
      replaceHash(address);
    },
    [editions, setState],
  );

  const [left, right] = panes;
  const margins = useMemo(() => {
    // Nothing until the engine is loaded: the prerendered page and the first client render stay identical and light.
    if (!engine) return [NO_MARGINS, NO_MARGINS] as const;
    const forPane = (source: SourceId): PaneMargins => {
      const marks = engine.marksFor(placed, source, editions);
      return (block) => {
        const m = marks.get(block.address) ?? NO_MARKS;
        if (block.n !== undefined)
          return {
            marks: m,
            relatedFor: { address: block.address, name: passageAmong(block.address, editions) },
          };
        return m.length ? { marks: m } : undefined;
      };
    };
    return [forPane(left), forPane(right)] as const;
  }, [engine, placed, left, right, editions]);
  const activateMark = useCallback(
    (pane: PaneIndex, m: CompareMark) => open(pane === 0 ? 1 : 0, m.there.address),
    [open],
  );
  const relatedTo = useCallback(
    (pane: PaneIndex, address: Address, opener?: HTMLElement) =>
      openRelated({
        query: address,
        label: address,
        within: pane === 0 ? right : left,
        ...(opener ? { anchor: opener } : {}),
      }),
    [openRelated, left, right],
  );

  const selectionActions = useMemo<readonly SelectionAction[]>(
    () => [
      {
        id: 'link-passages',
        label: 'Link passages',
        shortcut: 'l',
        run: (selection) => {
          const side = { selection, name: nameOf(selection) };
          const first = pendingRef.current;
          if (first && first.selection.source !== selection.source) {
            setLinking(first.selection.pane <= selection.pane ? [first, side] : [side, first]);
            choosePending(null);
          } else {
            // A first passage, or another in the same text: it becomes the passage linked from.
            choosePending(side);
          }
        },
      },
      {
        id: 'related',
        label: 'Related',
        run: (selection) => {
          const within = selection.pane === 0 ? right : left;
          openRelated({
            query: { source: selection.source, text: selection.quote },
            label: 'your selection',
            within,
            ...(selection.box ? { anchor: rectReference(selection.box) } : {}),
          });
        },
      },
    ],
    [left, right, openRelated, choosePending],
  );

  const saveLink = useCallback(
    (choice: LinkChoice): string | null => {
      if (!engine || !linking) return 'The comparisons are still loading; try again in a moment.';
      const [a, b] = linking;
      let input;
      try {
        input = engine.linkPassages({
          left: {
            edition: a.selection.edition,
            start: a.selection.start,
            end: a.selection.end,
            paraphrase: choice.paraphrases[0],
          },
          right: {
            edition: b.selection.edition,
            start: b.selection.start,
            end: b.selection.end,
            paraphrase: choice.paraphrases[1],
          },
          relation: choice.relation,
          topic: choice.topic,
          note: choice.note,
        });
      } catch (err) {
        if (err instanceof engine.LinkPassagesError) return err.message;
        const issues = (err as { issues?: unknown }).issues;
        return Array.isArray(issues)
          ? `Not saved: ${firstIssue(err as Pick<ZodError, 'issues'>)}.`
          : String(err);
      }
      // The store is loaded by now (the selection toolbar's other actions share it); wait for it if not.
      loadAnnotationRuntime().then(
        (runtime) => {
          const result = runtime.store.add(input);
          if (result.ok) notify(`Linked ${a.name} and ${b.name} (${choice.relation}).`);
          else
            notify(
              `The comparison was not saved: ${result.errors[0]?.path} ${result.errors[0]?.message}.`,
            );
        },
        () => notify(RUNTIME_UNAVAILABLE),
      );
      setLinking(null);
      return null;
    },
    [engine, linking, notify],
  );

  const deleteOwn = useCallback(
    (id: string) => {
      loadAnnotationRuntime().then(
        (runtime) => {
          const result = runtime.store.delete(id);
          notify(
            result.ok
              ? 'Your comparison was deleted.'
              : `Not deleted: ${result.errors[0]?.message}.`,
          );
        },
        () => notify(RUNTIME_UNAVAILABLE),
      );
    },
    [notify],
  );

  const topics = useMemo(() => [...new Set(placed.map((p) => p.topic))], [placed]);
  const columns = useMemo(
    () => [editionOf(0), editionOf(1)] as const,
    // editionOf changes with the panes
    [editionOf],
  );

  const openView = useCallback(() => {
    setViewMounted(true);
    setViewOpen(true);
  }, []);
  const closeView = useCallback(() => setViewOpen(false), []);
  const openRelatedResult = useCallback(
    (address: Address) => {
      if (!relatedRequest) return;
      open(panes[0] === relatedRequest.within ? 0 : 1, address);
    },
    [relatedRequest, panes, open],
  );
  const closeRelated = useCallback(() => {
    setRelatedRequest(null);
    relatedOpener.current?.focus();
  }, []);
  const cancelPending = useCallback(() => choosePending(null), [choosePending]);
  const cancelLink = useCallback(() => setLinking(null), []);

  return {
    syncLinks,
    margins,
    activateMark,
    relatedTo,
    selectionActions,
    editions,
    engine,
    error,
    annotations: all,
    columns,
    topics,
    view: { open: viewOpen, mounted: viewMounted },
    openView,
    closeView,
    related: relatedRequest,
    openRelatedResult,
    closeRelated,
    pending,
    cancelPending,
    linking,
    saveLink,
    cancelLink,
    deleteOwn,
  };
}
