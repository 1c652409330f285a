/**
 * The reader: the header (search, toolbar, Compare, Annotations,
 * Bibliography, Library), the notice, the two panes, and what opens over
 * them (selection toolbar, annotation sidebar and storage status, comparison
 * marks and the Compare and Related views, Cite and Bibliography dialogs,
 * shortcuts dialog, the first-run welcome).
 *
 * Kept small on purpose: it owns the reader state (`state/reader-state.ts`)
 * and wires the features together. Each feature keeps its own state in its
 * hook (`useAnnotationUi`, `useCompare`, `useCitations`); shortcuts live in
 * `commands/`, page effects in `hooks/`, and each view in `views/`.
 *
 * Renders source text only through the views' React text (no HTML
 * injection anywhere in app/).
 */
import {
  startTransition,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { Address, Edition, SourceId } from '../sources/edition.ts';
import { runCommandEffect, useCommands } from './hooks/use-commands.ts';
import { linkTo, useHashLocation } from './hooks/use-hash-location.ts';
import { CompareLegend } from './compare/compare-legend.tsx';
import { useCompare } from './compare/use-compare.ts';
import { CompareButton, CompareOverlays, useCompareExtras } from './compare/compare-overlays.tsx';
import { useCompareMarksPref } from './compare/use-compare-marks-pref.ts';
import { TimelineButton } from './timeline/timeline-button.tsx';
import { usePaneSync } from './hooks/use-pane-sync.ts';
import { useAlignedView } from './align/use-aligned-view.ts';
import { useReveal } from './hooks/use-reveal.ts';
import { loadSearch } from './search/load-search.ts';
import { hashToAddress } from './state/resolve-location.ts';
import { AnnotationSidebarSlot } from './annotations/annotation-sidebar-slot.tsx';
import { AnnotationsToggle } from './annotations/annotations-toggle.tsx';
import { AnnotationStatus } from './annotations/annotation-status.tsx';
import { BibliographyButton, CitationDialogs } from './citations/bibliography-button.tsx';
import { useCiteAction } from './citations/use-cite-action.ts';
import { useCitations } from './citations/use-citations.ts';
import { useAnnotationUi } from './annotations/use-annotation-ui.ts';
import { selectionShortcuts, type SelectionAction } from './selection/selection-action.ts';
import { SelectionToolbarSlot } from './selection/selection-toolbar-slot.tsx';
import {
  initialReaderState,
  noticeStays,
  openAddress,
  paneEdition,
  setPaneSource,
  swapPanes,
  type PaneIndex,
  type ReaderState,
} from './state/reader-state.ts';
import { LibraryControls } from './library/library-controls.tsx';
import type { LibraryController } from './library/use-library.ts';
import { SyncButton, SyncPanelSlot } from './sync-panel/sync-button.tsx';
import { useSync } from './sync-panel/use-sync.ts';
import { OFFER_MESSAGES, useAppUpdate } from './update/use-app-update.ts';
import { Notice } from './views/notice.tsx';
import { Pane, sourceLabel } from './views/pane.tsx';
import { passageAmong } from './views/passage-in-words.ts';
import { PaneSwitch } from './views/pane-switch.tsx';
import { useTopCollapse } from './hooks/use-top-collapse.ts';
import { useHangulFont } from './fonts/use-hangul-font.ts';
import { SearchBox } from './views/search-box.tsx';
import { focusPaneStop } from './views/roving-passage.ts';
import { ShortcutsDialog } from './views/shortcuts-dialog.tsx';
import { SkipLinks } from './views/skip-links.tsx';
import { HeaderTools } from './views/header-tools.tsx';
import { Toolbar } from './views/toolbar.tsx';
import { WelcomeSlot } from './views/welcome-slot.tsx';

/** A text to open once its edition is loaded (see `openText`). */
interface PendingOpen {
  readonly id: string;
  readonly pane?: PaneIndex | undefined;
  readonly stay?: boolean | undefined;
}

/** Props of `App`. */
export interface AppProps {
  /** The editions, prebuilt (virtual module in the browser, `builtinEditions` at build time). */
  readonly editions: readonly Edition[];
  /** The reader's library (texts added, kept in IndexedDB); without it, its buttons are not shown. */
  readonly library?: LibraryController;
  /** Receives the function that shows a notice (the library reports through it). */
  readonly onNotifier?: (notify: (message: string) => void) => void;
}

/** The reader. */
export function App({ editions, library, onNotifier }: AppProps): ReactNode {
  const [state, setState] = useState<ReaderState>(() => initialReaderState(editions));
  const appRoot = useRef<HTMLDivElement>(null);
  useTopCollapse(appRoot);
  const left = useRef<HTMLDivElement>(null);
  const right = useRef<HTMLDivElement>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const scrollOf = useCallback(
    (pane: PaneIndex) => (pane === 0 ? left.current : right.current),
    [],
  );
  const panes = state.panes;
  const editionOf = useCallback(
    (pane: PaneIndex) => paneEdition({ panes } as ReaderState, editions, pane),
    [panes, editions],
  );

  // False in the prerendered HTML and the hydration render (they must match), true right after,
  // in a transition: the render that adds every paragraph's tools and sentence spans is then done
  // in slices, where a store's client snapshot (useSyncExternalStore) re-rendered the whole reader
  // in one blocking task (bench/annotations-sidebar.ts counts every task over 100 ms).
  const [interactive, setInteractive] = useState(false);
  useEffect(() => {
    startTransition(() => setInteractive(true));
  }, []);
  useEffect(() => {
    // Hydrated, listening, controls rendered: browser tests wait for this.
    if (interactive) document.documentElement.dataset.readerReady = '';
  }, [interactive]);

  useHashLocation(editions, setState, scrollOf);
  useReveal(state.reveal, interactive);
  const compare = useCompare({
    editions,
    panes,
    editionOf,
    scrollOf,
    setState,
  });
  const compareExtras = useCompareExtras(compare);
  const notify = useCallback((notice: string) => setState((s) => ({ ...s, notice })), []);
  const alignedView = useAlignedView({
    editionOf,
    scrollOf,
    comparisons: compare.annotations,
    notify,
    marked: state.marked,
  });
  usePaneSync(
    state.sync,
    scrollOf,
    editionOf,
    alignedView.syncLinks ?? compare.syncLinks,
    alignedView.level,
  );
  const [marksShown, setMarksShown] = useCompareMarksPref();

  // The built-in editions (those the library did not add), for checking a workspace's annotations.
  const libraryIds = useMemo(
    () => new Set(library?.state.entries.map((e) => e.id) ?? []),
    [library?.state.entries],
  );
  const builtins = useMemo(
    () => editions.filter((e) => !libraryIds.has(e.id)),
    [editions, libraryIds],
  );
  const marked = useMemo(() => new Set<string>(state.marked), [state.marked]);
  const update = (f: (s: ReaderState) => ReaderState) => () => setState(f);
  const onActivate = useCallback(
    (pane: PaneIndex) => setState((s) => (s.activePane === pane ? s : { ...s, activePane: pane })),
    [],
  );
  const onSelectSource = useCallback(
    (pane: PaneIndex, source: SourceId) => setState((s) => setPaneSource(s, pane, source)),
    [],
  );
  const onCopyLink = useCallback(
    (address: Address) => {
      const url = linkTo(address);
      const report = (notice: string, stays = false) =>
        setState((s) => ({ ...s, notice, stayingNotice: stays ? notice : null }));
      // Where the clipboard refuses, the reader has to copy the link by hand: that notice stays.
      if (!navigator.clipboard) return report(`Copy this link: ${url}`, true);
      navigator.clipboard.writeText(url).then(
        () => report(`Link to ${passageAmong(address, [editionOf(0), editionOf(1)])} copied.`),
        () => report(`Could not copy; the link is ${url}`, true),
      );
    },
    [editionOf],
  );
  const search = useCallback(() => loadSearch(editions), [editions]);
  const openPassage = useCallback(
    (address: Address) => {
      // Setting the hash it already has fires no hashchange: open it directly.
      if (hashToAddress(window.location.hash) === address)
        setState((s) => openAddress(s, editions, address));
      else window.location.hash = address;
    },
    [editions],
  );

  useEffect(() => onNotifier?.(notify), [onNotifier, notify]);
  const annotations = useAnnotationUi(editions, editionOf(0), editionOf(1), notify);
  useCommands(
    editions,
    state,
    setState,
    scrollOf,
    (effect) =>
      runCommandEffect(effect, {
        focusSearch: () => searchInput.current?.focus(),
        undoAnnotation: () => annotations.undo(),
        openAnnotationAt: (address) => annotations.openAt(address),
      }),
    alignedView.runsOf,
  );
  const citations = useCitations(editions, notify);
  const sync = useSync(annotations.runtime, annotations.allEditions);
  const appUpdate = useAppUpdate(interactive, notify, state.notice !== null);
  const citeActions = useCiteAction(citations.citeSpan);
  // The selection toolbar's actions (see app/selection/selection-action.ts): append yours here.
  const selectionActions = useMemo<readonly SelectionAction[]>(
    () => [...annotations.actions, ...compare.selectionActions, ...citeActions],
    [annotations.actions, compare.selectionActions, citeActions],
  );

  // A text just added (or picked in the Library) opens once its edition is loaded: in the active
  // pane, or in the pane the Library's Open left / Open right names, which becomes the active one
  // (below 900 px the one shown) unless it is a deleted text's fallback (`stay`).
  // (State adjusted during render, React's pattern for "when props change": no extra commit.)
  const [pendingOpen, setPendingOpen] = useState<PendingOpen | null>(null);
  const openText = useCallback(
    (id: string, pane?: PaneIndex, stay?: boolean) => setPendingOpen({ id, pane, stay }),
    [],
  );
  if (pendingOpen !== null && editions.some((e) => e.id === pendingOpen.id)) {
    const { id, pane, stay } = pendingOpen;
    setPendingOpen(null);
    setState((s) => {
      const next = setPaneSource(s, pane ?? s.activePane, id as SourceId);
      return pane === undefined || stay ? next : { ...next, activePane: pane };
    });
  }

  const leftEdition = editionOf(0);
  const rightEdition = editionOf(1);
  const timelineEditions = useMemo(
    () => [leftEdition, rightEdition] as const,
    [leftEdition, rightEdition],
  );
  // A text of the reader's own with Hangul the built-in subset lacks: the full Korean font.
  useHangulFont(timelineEditions, libraryIds);
  return (
    <div className="app" ref={appRoot}>
      {/* After hydration only: the prerendered page gets no element more (docs/first-paint.md). */}
      {interactive && (
        <SkipLinks onShowPane={onActivate} annotationsOpen={annotations.sidebarOpen} />
      )}
      <header className="banner">
        <h1 className="brand">Diptych</h1>
        <SearchBox
          load={search}
          onOpen={openPassage}
          inputRef={searchInput}
          interactive={interactive}
          onLeave={() => focusPaneStop(state.activePane)}
        />
        <HeaderTools
          fold={
            <Toolbar
              showChrome={state.showChrome}
              sync={state.sync}
              onSwap={update(swapPanes)}
              onToggleChrome={update((s) => ({ ...s, showChrome: !s.showChrome }))}
              onToggleSync={update((s) => ({ ...s, sync: !s.sync }))}
              aligned={alignedView.aligned}
              onToggleAligned={alignedView.toggle}
              onShowShortcuts={update((s) => ({ ...s, shortcutsOpen: true }))}
            />
          }
        >
          {/* One group, so that a header too narrow for one line moves these tools to the next line
              together instead of leaving one of them there alone (1,400 px: Library did). */}
          <div className="banner-tools">
            <CompareButton compare={compare} />
            <TimelineButton
              editions={timelineEditions}
              comparisons={compare.annotations}
              onOpen={(address) => openPassage(address as Address)}
            />
            <AnnotationsToggle ui={annotations} />
            <BibliographyButton citations={citations} />
            <SyncButton sync={sync} />
            {library && (
              <LibraryControls
                library={library}
                annotations={annotations.snapshot?.annotations}
                onOpen={openText}
                builtins={builtins}
                panes={[leftEdition.id, rightEdition.id]}
                notify={notify}
                interactive={interactive}
              />
            )}
          </div>
        </HeaderTools>
      </header>
      <Notice
        message={state.notice}
        stays={noticeStays(state)}
        onDismiss={update((s) => ({ ...s, notice: null }))}
        offer={
          appUpdate.offer && {
            message: OFFER_MESSAGES[appUpdate.offer],
            action: 'Reload',
            onAction: appUpdate.accept,
            onLater: appUpdate.later,
          }
        }
      />
      <main
        className="panes"
        data-active={state.activePane}
        data-compare-marks={marksShown ? 'shown' : 'hidden'}
        // More texts than the narrow layout's switch offers (the Library's): its pane keeps its picker.
        data-pickers={editions.length > 2 ? 'shown' : undefined}
      >
        <PaneSwitch
          labels={[sourceLabel(leftEdition), sourceLabel(rightEdition)]}
          active={state.activePane}
          onSelect={onActivate}
        />
        <CompareLegend shown={marksShown} onToggle={setMarksShown} />
        {([0, 1] as const).map((i) => (
          <Pane
            key={i}
            index={i}
            edition={i === 0 ? leftEdition : rightEdition}
            editions={editions}
            marked={marked}
            showChrome={state.showChrome}
            active={state.activePane === i}
            scrollRef={i === 0 ? left : right}
            onSelectSource={onSelectSource}
            onActivate={onActivate}
            onCopyLink={onCopyLink}
            onCite={interactive ? citations.cite : undefined}
            extras={compareExtras[i]}
            interactive={interactive}
            gaps={alignedView.gaps[i]}
            holds={alignedView.holds[i]}
            collapsed={alignedView.hidden[i]}
            onToggleRun={alignedView.toggleRun}
          />
        ))}
      </main>
      <SelectionToolbarSlot
        editionOf={editionOf}
        actions={selectionActions}
        interactive={interactive}
      />
      <AnnotationSidebarSlot ui={annotations} onCite={citations.citeSpan} sync={sync} />
      <AnnotationStatus ui={annotations} />
      <CompareOverlays compare={compare} sync={sync.snapshot} />
      <CitationDialogs citations={citations} userRecords={library} />
      <SyncPanelSlot sync={sync} />
      {/* The first-run welcome, after the reader is ready: no part of the prerendered page. */}
      {interactive && <WelcomeSlot />}
      {/* Rendered only while open: its fifty elements are no part of the first paint. */}
      {state.shortcutsOpen && (
        <ShortcutsDialog
          open
          onClose={update((s) => ({ ...s, shortcutsOpen: false }))}
          more={selectionShortcuts(selectionActions)}
        />
      )}
    </div>
  );
}
