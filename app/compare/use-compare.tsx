/**
 * The comparisons in the reader, wired in one hook so the top component
 * stays small: it loads the curated comparisons (lazily), joins them with
 * the reader's own linking annotations from the store, anchors both sides,
 * and returns what the app places — the pane-sync links, the margin marks
 * per block, the Compare button, the overlays (Compare view, Related panel,
 * the pending-link chip, the Link passages dialog) and the selection-toolbar
 * actions ("Link passages", "Related").
 *
 * What it is for: state and wiring. What it is not for: deciding anything —
 * placement and labels are `place-comparisons.ts`, rows and exports
 * `annotations/comparisons/`, the new annotation `linkPassages`, saving the
 * annotation store. Renders user text only through the views it composes,
 * as React text.
 */
import {
  lazy,
  Suspense,
  useRef,
  useCallback,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import type { Address, Edition, SourceId } from '../../sources/edition.ts';
import type { Annotation } from '../../annotations/model/annotation.ts';
import { loadAnnotationRuntime, useAnnotations } from '../annotations/use-annotations.ts';
import { replaceHash } from '../hooks/use-hash-location.ts';
import type { PaneSelection, SelectionAction } from '../selection/selection-action.ts';
import type { PaneIndex, ReaderState } from '../state/reader-state.ts';
import type { SyncLink } from '../sync/sync-targets.ts';
import { rectReference } from '../floating/use-floating.ts';
import { CompareMarks } from './compare-marks.tsx';
import type { LinkChoice } from './link-dialog.tsx';
import { loadCompareEngine, type CompareEngine } from './load-compare.ts';
import {
  marksFor,
  passageAt,
  passageName,
  syncLinksOf,
  type CompareMark,
  type PlacedComparison,
} from './place-comparisons.ts';
import type { RelatedRequest } from './related-panel.tsx';
import { showInPane } from './show-in-pane.ts';
import { useCompareHighlights } from './use-compare-highlights.ts';

/** What the hook needs from the app. */
export interface CompareInput {
  readonly editions: readonly Edition[];
  /** The sources in the left and right panes. */
  readonly panes: readonly [SourceId, SourceId];
  readonly editionOf: (pane: PaneIndex) => Edition;
  readonly scrollOf: (pane: PaneIndex) => HTMLElement | null;
  readonly setState: (update: (s: ReaderState) => ReaderState) => void;
  /** Links the app was given (kept ahead of the comparisons'). */
  readonly baseLinks: readonly SyncLink[];
}

/** What the app places. */
export interface CompareUi {
  /** Pane-sync links: the given ones, then the comparisons' (with the nearest-link fallback). */
  readonly syncLinks: readonly SyncLink[];
  /** Per pane, the margin content of each block by address (stable between unrelated renders). */
  readonly extras: readonly [ReadonlyMap<string, ReactNode>, ReadonlyMap<string, ReactNode>];
  /** The Compare button for the header. */
  readonly toolbarButton: ReactNode;
  /** Dialogs, panels and the pending chip. */
  readonly overlays: ReactNode;
  /** "Link passages" and "Related" for the selection toolbar. */
  readonly selectionActions: readonly SelectionAction[];
}

// The dialogs and the panel load when first shown, outside the initial bundle (bench/reader.ts).
const CompareView = lazy(() =>
  import('./compare-view.tsx').then((m) => ({ default: m.CompareView })),
);
const LinkDialog = lazy(() => import('./link-dialog.tsx').then((m) => ({ default: m.LinkDialog })));
const RelatedPanel = lazy(() =>
  import('./related-panel.tsx').then((m) => ({ default: m.RelatedPanel })),
);

const NO_PLACED: readonly PlacedComparison[] = [];
const NO_ANNOTATIONS: readonly Annotation[] = [];
const NO_EXTRAS: ReadonlyMap<string, ReactNode> = new Map();

/** A side of a link in progress. */
interface PendingSide {
  readonly selection: PaneSelection;
  readonly name: string;
}

function nameOf(selection: PaneSelection): string {
  const block = passageAt(selection.edition, selection.start);
  return block ? passageName(block) : selection.source;
}

/** The comparisons UI. */
export function useCompare({
  editions,
  panes,
  editionOf,
  scrollOf,
  setState,
  baseLinks,
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

  useEffect(() => {
    let live = true;
    loadCompareEngine().then(
      (e) => {
        if (!live) return;
        try {
          setCurated(e.curatedComparisons(editions));
        } catch (err) {
          setError(err instanceof Error ? err.message : String(err));
        }
        setEngine(e);
      },
      () => live && setError('The comparisons could not be loaded.'),
    );
    return () => {
      live = false;
    };
  }, [editions]);

  const own = useMemo(
    () => snapshot?.annotations.filter((a) => a.motivation === 'linking') ?? NO_ANNOTATIONS,
    [snapshot],
  );
  const all = useMemo(() => [...curated, ...own], [curated, own]);
  const placed = useMemo(
    () => (engine ? engine.anchorComparisons(all, editions) : NO_PLACED),
    [engine, all, editions],
  );
  useCompareHighlights(engine, placed, editionOf, scrollOf);

  const syncLinks = useMemo(
    () => [...baseLinks, ...syncLinksOf(placed, editions)],
    [baseLinks, placed, editions],
  );

  const notify = useCallback((notice: string) => setState((s) => ({ ...s, notice })), [setState]);
  const open = useCallback(
    (pane: PaneIndex, address: Address) => {
      setState((s) => showInPane(s, editions, pane, address));
      replaceHash(address);
    },
    [editions, setState],
  );

  const [left, right] = panes;
  const extras = useMemo(() => {
    // Nothing until the engine is loaded: the prerendered page and the first client render stay identical and light.
    if (!engine) return [NO_EXTRAS, NO_EXTRAS] as const;
    const forPane = (pane: PaneIndex, source: SourceId): ReadonlyMap<string, ReactNode> => {
      const edition = editions.find((e) => e.id === source);
      const other: PaneIndex = pane === 0 ? 1 : 0;
      const otherSource = pane === 0 ? right : left;
      const marks = marksFor(placed, source);
      const onActivate = (m: CompareMark): void => open(other, m.there.address);
      const onRelated = (address: Address, opener: HTMLElement): void =>
        openRelated({ query: address, label: address, within: otherSource, anchor: opener });
      const out = new Map<string, ReactNode>();
      for (const block of edition?.blocks ?? []) {
        const m = marks.get(block.address) ?? [];
        const numbered = block.n !== undefined;
        if (m.length === 0 && !numbered) continue;
        out.set(
          block.address,
          <CompareMarks
            marks={m}
            {...(numbered ? { relatedFor: block.address } : {})}
            onActivate={onActivate}
            onRelated={onRelated}
          />,
        );
      }
      return out;
    };
    return [forPane(0, left), forPane(1, right)] as const;
  }, [engine, editions, placed, left, right, open, openRelated]);

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
        const issue = (err as { issues?: { path: PropertyKey[]; message: string }[] }).issues?.[0];
        return issue
          ? `Not saved: ${issue.path.map(String).join('.')} ${issue.message}.`
          : String(err);
      }
      // The store is loaded by now (the selection toolbar's other actions share it); wait for it if not.
      void loadAnnotationRuntime().then((runtime) => {
        const result = runtime.store.add(input);
        if (result.ok) notify(`Linked ${a.name} and ${b.name} (${choice.relation}).`);
        else
          notify(
            `The comparison was not saved: ${result.errors[0]?.path} ${result.errors[0]?.message}.`,
          );
      });
      setLinking(null);
      return null;
    },
    [engine, linking, notify],
  );

  const deleteOwn = useCallback(
    (id: string) => {
      void loadAnnotationRuntime().then((runtime) => {
        const result = runtime.store.delete(id);
        notify(
          result.ok ? 'Your comparison was deleted.' : `Not deleted: ${result.errors[0]?.message}.`,
        );
      });
    },
    [notify],
  );

  const topics = useMemo(() => [...new Set(placed.map((p) => p.topic))], [placed]);
  const columns = useMemo(
    () => [editionOf(0), editionOf(1)] as const,
    // editionOf changes with the panes
    [editionOf],
  );

  const toolbarButton = (
    <button
      type="button"
      className="compare-open"
      aria-haspopup="dialog"
      onClick={() => {
        setViewMounted(true);
        setViewOpen(true);
      }}
    >
      Compare
    </button>
  );

  const overlays = (
    <Suspense fallback={null}>
      {viewMounted && (
        <CompareView
          open={viewOpen}
          onClose={() => setViewOpen(false)}
          engine={engine}
          error={error}
          annotations={all}
          columns={columns}
          onDelete={deleteOwn}
        />
      )}
      {relatedRequest && (
        <RelatedPanel
          request={relatedRequest}
          editions={editions}
          onOpen={(address) => {
            const pane: PaneIndex = panes[0] === relatedRequest.within ? 0 : 1;
            open(pane, address);
          }}
          onClose={() => {
            setRelatedRequest(null);
            relatedOpener.current?.focus();
          }}
        />
      )}
      {pending && (
        <div className="link-pending" role="status">
          <span>
            Linking from {pending.name} … select the other passage and choose Link passages.
          </span>
          <button type="button" onClick={() => choosePending(null)}>
            Cancel<span className="visually-hidden"> linking</span>
          </button>
        </div>
      )}
      {linking && (
        <LinkDialog
          sides={[
            { name: linking[0].name, quote: linking[0].selection.quote },
            { name: linking[1].name, quote: linking[1].selection.quote },
          ]}
          topics={topics}
          onSave={saveLink}
          onCancel={() => setLinking(null)}
        />
      )}
    </Suspense>
  );

  return { syncLinks, extras, toolbarButton, overlays, selectionActions };
}
