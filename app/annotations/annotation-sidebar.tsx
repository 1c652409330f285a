/**
 * The annotations sidebar: a `complementary` landmark beside the panes on
 * wide screens, a drawer over them on narrow ones (annotations.css). It
 * lists the annotations of the visible sources in text order, filters them
 * by text, tag or colour, offers export and import, shows "Undo" after a
 * delete, and lists unplaced annotations in their own section — never
 * dropped. The reader's own comparisons (Link passages) follow in a section
 * of their own, counted with the rest (`comparison-list.ts`).
 *
 * The list is windowed: it renders the first `PAGE` matching items and more
 * as the reader scrolls to its end (an IntersectionObserver, and a "Show
 * more" button for the keyboard), so 10,000 annotations cost a few hundred
 * elements. A fixed-height virtual list would also bound the memory for a
 * reader who scrolls to the end, but notes have any height; growing pages
 * keep the DOM simple and the browser's find-in-page and scroll anchoring
 * working.
 *
 * Renders user and imported text as React text only (notes via `NoteView`).
 */
import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type ReactNode,
} from 'react';
import type { Annotation, AnnotationId, Color } from '../../annotations/model/annotation.ts';
import type { NoteBlock } from '../../annotations/model/note-markdown.ts';
import { sourceLabel } from '../views/pane.tsx';
import { passageInWords } from '../views/passage-in-words.ts';
import { allTags, matchesFilter, NO_FILTER, type AnnotationFilter } from './anchored-list.ts';
import {
  ALL_LAYERS,
  passesLayerFilter,
  syncMetaOf,
  type LayerFilter,
} from '../sync-panel/layer-filter.ts';
import { LayerFilterControls } from '../sync-panel/layer-filter-controls.tsx';
import type { SyncUi } from '../sync-panel/use-sync.ts';
import { AnnotationFiles } from './annotation-files.tsx';
import { AnnotationItem } from './annotation-item.tsx';
import { ComparisonItem } from './comparison-item.tsx';
import { comparisonMatchesFilter, comparisonsOn } from './comparison-list.ts';
import { colorName, DEFAULT_COLOR, PALETTE } from './palette.ts';
import type { AnnotationUi } from './use-annotation-ui.ts';
import { focusHeaderTool } from '../views/focus-header-tool.ts';
import { counted } from '../../sources/util/plural.ts';

/** The width below which the sidebar is a drawer over the panes (annotations.css). */
const DRAWER_QUERY = '(max-width: 899px)';
const isDrawer = (): boolean => window.matchMedia(DRAWER_QUERY).matches;

/** Items rendered per page of the windowed list. */
export const PAGE = 100;

/** What Tab can reach inside the drawer, in order (the hidden file input and cards are -1). */
const TABBABLE =
  'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

/**
 * Tab from the drawer's last control goes to its first, and Shift+Tab from the first to the
 * last. The drawer covers the page on narrow screens, so Tab past it reached the page's body and
 * then controls hidden behind it, with the focus out of sight. A key handler rather than `inert`
 * on the rest of the page: the Cite panel a card opens and the notices live outside the drawer.
 * On wide screens the sidebar sits beside the text and Tab leaves it as usual.
 */
function wrapDrawerTab(e: ReactKeyboardEvent<HTMLElement>): void {
  const drawer = e.currentTarget;
  if (!isDrawer() || !(e.target instanceof Node) || !drawer.contains(e.target)) return;
  if (e.target instanceof Element && e.target.closest('dialog')) return;
  const stops = [...drawer.querySelectorAll<HTMLElement>(TABBABLE)].filter((el) =>
    el.checkVisibility(),
  );
  const first = stops[0];
  const last = stops[stops.length - 1];
  if (!first || !last) return;
  const at = e.target;
  // Backwards from the first control, or from the heading above it (focused when the drawer opens).
  const atStart =
    at === first || Boolean(first.compareDocumentPosition(at) & Node.DOCUMENT_POSITION_PRECEDING);
  if (e.shiftKey ? !atStart : at !== last) return;
  e.preventDefault();
  (e.shiftKey ? last : first).focus();
}

/** The sidebar; rendered hidden while closed. */
export function AnnotationSidebar({
  ui,
  onCite,
  sync,
}: {
  readonly ui: AnnotationUi;
  /** Opens the Cite panel on an annotation (app/citations/). */
  readonly onCite?: (from: string, to: string, quote: string) => void;
  /** The sync replica, when the reader uses a server: layers, authors, conflicts. */
  readonly sync?: SyncUi;
}): ReactNode {
  const id = useId();
  const [filter, setFilter] = useState<AnnotationFilter>(NO_FILTER);
  const [limit, setLimit] = useState(PAGE);
  // The comparisons' own window: a button only, as there are rarely more than a page of them.
  const [comparisonLimit, setComparisonLimit] = useState(PAGE);
  const [deleted, setDeleted] = useState<{ place: string; id: AnnotationId } | null>(null);
  // Where keyboard focus goes once React has rendered: the clicked Delete and Undo buttons leave
  // the page, and focus with them would fall to the body, losing a keyboard reader's place.
  // After Delete, the Undo button; after Undo, the restored annotation's card (by id).
  const [focusAfter, setFocusAfter] = useState<'undo' | AnnotationId | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const aside = useRef<HTMLElement>(null);
  // Parsed notes by text: parsing is pure, so the cache only saves work.
  const [notes] = useState(() => new Map<string, readonly NoteBlock[]>());
  const sentinel = useRef<HTMLDivElement>(null);
  const { runtime, snapshot, list } = ui;
  const syncSnapshot = sync?.snapshot ?? null;
  // Layer and author filters, shown when the reader syncs.
  const [layerFilter, setLayerFilter] = useState<LayerFilter>(ALL_LAYERS);
  const syncFacts = useCallback(
    (a: Annotation) => (sync ? syncMetaOf(syncSnapshot, a.id) : null),
    [sync, syncSnapshot],
  );
  const bySync = useCallback(
    (a: Annotation): boolean => passesLayerFilter(layerFilter, syncSnapshot, a.id),
    [layerFilter, syncSnapshot],
  );

  const labels = useMemo(
    () => new Map(ui.editions.map((e) => [e.id as string, sourceLabel(e)])),
    [ui.editions],
  );
  // Filtered only while shown: with 10,000 annotations, each store change would otherwise
  // filter them all for a hidden list.
  const shownNow = ui.sidebarOpen;
  const placed = useMemo(
    () =>
      shownNow
        ? list.placed.filter(
            (p) => matchesFilter(p.annotation, filter, DEFAULT_COLOR) && bySync(p.annotation),
          )
        : [],
    [shownNow, list.placed, filter, bySync],
  );
  const unplaced = useMemo(
    () =>
      shownNow
        ? list.unplaced.filter(
            (p) => matchesFilter(p.annotation, filter, DEFAULT_COLOR) && bySync(p.annotation),
          )
        : [],
    [shownNow, list.unplaced, filter, bySync],
  );
  // Listed and counted with the other annotations, but not highlighted as they are: the
  // comparison marks and underlines (app/compare/) show them in the text.
  const allComparisons = useMemo(
    () => (shownNow && snapshot ? comparisonsOn(snapshot.annotations, ui.editions) : []),
    [shownNow, snapshot, ui.editions],
  );
  const comparisons = useMemo(
    () => allComparisons.filter((a) => comparisonMatchesFilter(a, filter) && bySync(a)),
    [allComparisons, filter, bySync],
  );
  // A comparison's end may be in a text no pane shows: named from every edition.
  const allLabels = useMemo(
    () => new Map(ui.allEditions.map((e) => [e.id as string, sourceLabel(e)])),
    [ui.allEditions],
  );
  const labelOf = useCallback((source: string) => allLabels.get(source) ?? source, [allLabels]);
  const tags = useMemo(
    () =>
      allTags([
        ...list.placed,
        ...list.unplaced,
        ...allComparisons.map((annotation) => ({ annotation })),
      ]),
    [list, allComparisons],
  );

  // Show the opened annotation even if it lies beyond the current window.
  const openedId = ui.opened?.id;
  const openedIndex =
    openedId === undefined ? -1 : placed.findIndex((p) => p.annotation.id === openedId);
  const shown = Math.max(limit, openedIndex + 1);

  useEffect(() => {
    const el = sentinel.current;
    if (!el || !ui.sidebarOpen) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setLimit((l) => l + PAGE);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ui.sidebarOpen, placed.length]);

  const parsedText = (text: string | undefined): readonly NoteBlock[] | null => {
    if (text === undefined || !runtime) return null;
    let blocks = notes.get(text);
    if (!blocks) {
      blocks = runtime.parseNoteMarkdown(text);
      notes.set(text, blocks);
    }
    return blocks;
  };
  const parsedNote = (a: Annotation): readonly NoteBlock[] | null => parsedText(a.note);
  const onDelete = useCallback(
    (a: Annotation): void => {
      if (!runtime) return;
      // Deleting here closes its editor first: only a delete elsewhere keeps an editor's text.
      if (ui.opened?.id === a.id) ui.closeEditor();
      const result = runtime.store.delete(a.id);
      if (result.ok) {
        // Named in words, as the card was ("Lankov (2007) ¶13, sentence 1"), not by its raw address.
        const target = a.targets[0];
        const place = target
          ? passageInWords(target.selectors.address, labelOf(target.source))
          : 'the text';
        setDeleted({ place, id: a.id });
        setFocusAfter('undo');
      }
    },
    [runtime, ui, labelOf],
  );
  const undo = (): void => {
    if (!runtime) return;
    const restored = deleted?.id ?? null;
    const result = runtime.store.undo();
    setDeleted(null);
    if (result && !result.ok) ui.notify('The delete could not be undone.');
    else setFocusAfter(restored);
  };
  const canUndoDelete = deleted !== null && snapshot?.undo?.label === 'Undo delete';
  // Tried again as the list or the Undo bar changes while a focus move is pending: the restored
  // card appears once the store's change has reached the list, which may take a render or two.
  useEffect(() => {
    if (focusAfter === null) return;
    const target =
      focusAfter === 'undo'
        ? undoButton.current
        : aside.current?.querySelector<HTMLElement>(
            `li[data-annotation-id="${CSS.escape(focusAfter)}"]`,
          );
    if (!target) return;
    target.focus();
    setFocusAfter(null);
  }, [focusAfter, placed, unplaced, comparisons, canUndoDelete]);
  // A restored card that never shows (a filter hides it) must not take focus later.
  useEffect(() => {
    if (focusAfter === null) return;
    const timer = setTimeout(() => setFocusAfter(null), 2000);
    return () => clearTimeout(timer);
  }, [focusAfter]);
  const openedFor = (a: Annotation): { edit: boolean; seq: number } | null =>
    ui.opened?.id === a.id ? { edit: ui.opened.edit, seq: ui.opened.seq } : null;
  const total = list.placed.length + list.unplaced.length + ui.comparisonCount;
  const matching = placed.length + unplaced.length + comparisons.length;
  const withSync = (a: Annotation) => {
    const facts = syncFacts(a);
    return sync && facts ? { sync: { ui: sync, facts } } : {};
  };

  // The narrow screens' drawer covers its toggle: focus moves into it when it opens, and Escape
  // closes it wherever focus is (the shortcuts dialog promises Escape closes what is open).
  const heading = useRef<HTMLHeadingElement>(null);
  const { sidebarOpen, setSidebarOpen } = ui;
  useEffect(() => {
    if (!sidebarOpen || !isDrawer()) return;
    heading.current?.focus();
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape' || e.defaultPrevented || !isDrawer()) return;
      if (document.querySelector('dialog[open]')) return;
      e.preventDefault();
      setSidebarOpen(false);
      focusHeaderTool(document.querySelector<HTMLElement>('.ann-toggle'));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [sidebarOpen, setSidebarOpen]);

  return (
    <aside
      ref={aside}
      id="annotations-sidebar"
      className="ann-sidebar"
      aria-labelledby={`${id}-title`}
      hidden={!ui.sidebarOpen}
      onKeyDown={(e) => {
        if (e.key === 'Tab') {
          wrapDrawerTab(e);
          return;
        }
        // Escape closes the sidebar (the narrow screens' drawer) and returns to its toggle; fields keep their own Escape.
        if (e.key !== 'Escape' || e.defaultPrevented) return;
        if (
          e.target instanceof HTMLElement &&
          ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.target.tagName)
        )
          return;
        e.preventDefault();
        ui.setSidebarOpen(false);
        focusHeaderTool(document.querySelector<HTMLElement>('.ann-toggle'));
      }}
    >
      <div className="ann-head">
        <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
          Annotations
        </h2>
        <button type="button" className="ann-close" onClick={() => ui.setSidebarOpen(false)}>
          Close<span className="visually-hidden"> annotations</span>
        </button>
      </div>
      <AnnotationFiles ui={ui} />
      <div className="ann-filters" role="search" aria-label="Filter annotations">
        <label>
          <span className="visually-hidden">Filter by text</span>
          <input
            type="search"
            placeholder="Filter…"
            value={filter.text}
            onChange={(e) => setFilter({ ...filter, text: e.currentTarget.value })}
          />
        </label>
        <label>
          <span className="visually-hidden">Filter by tag</span>
          <select
            value={filter.tag}
            onChange={(e) => setFilter({ ...filter, tag: e.currentTarget.value })}
          >
            <option value="">All tags</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="visually-hidden">Filter by colour</span>
          <select
            value={filter.color}
            onChange={(e) => setFilter({ ...filter, color: e.currentTarget.value as Color | '' })}
          >
            <option value="">All colours</option>
            {PALETTE.map((c) => (
              <option key={c} value={c}>
                {colorName(c)}
              </option>
            ))}
          </select>
        </label>
        <LayerFilterControls
          snapshot={syncSnapshot}
          filter={layerFilter}
          onChange={setLayerFilter}
        />
      </div>
      {/* The filters' result, announced as it changes (the visible count below is not a live
          region: it also changes on each highlight, which the notice already announces). */}
      <p className="visually-hidden" role="status">
        {ui.sidebarOpen && snapshot !== null && matching !== total
          ? `${matching} of ${total} annotations match`
          : ''}
      </p>
      <div className="ann-undo" role="status">
        {canUndoDelete && (
          <>
            <span>Deleted the annotation on {deleted.place}.</span>
            <button
              type="button"
              ref={undoButton}
              onClick={undo}
              aria-keyshortcuts="Control+Z Meta+Z"
            >
              Undo
            </button>
          </>
        )}
      </div>
      {ui.orphan && (
        <section className="ann-orphan" role="alert" aria-labelledby={`${id}-orphan`}>
          <h3 id={`${id}-orphan`}>Deleted elsewhere while you were editing</h3>
          <p>
            The annotation on{' '}
            {ui.orphan.annotation.targets[0]
              ? passageInWords(
                  ui.orphan.annotation.targets[0].selectors.address,
                  labelOf(ui.orphan.annotation.targets[0].source),
                )
              : 'the text'}{' '}
            was deleted in another tab or window. What you typed is kept here:
          </p>
          <label>
            <span>Your note</span>
            <textarea readOnly rows={3} value={ui.orphan.note} />
          </label>
          {ui.orphan.tags.trim() !== '' && <p>Tags: {ui.orphan.tags}</p>}
          <div className="ann-editor-buttons">
            <button type="button" onClick={ui.restoreOrphan}>
              Restore it with your text
            </button>
            <button type="button" onClick={ui.dismissOrphan}>
              Discard
            </button>
          </div>
        </section>
      )}
      {ui.sidebarOpen && (
        <div className="ann-scroll">
          {snapshot === null ? (
            <p className="ann-empty">Loading annotations…</p>
          ) : total === 0 ? (
            <p className="ann-empty">
              {/* Named by the selection toolbar's buttons: "press h" alone told a reader on a
                  touch screen nothing. */}
              No annotations on these texts yet. Select a passage in either text, then choose
              Highlight or Add note on the bar that appears (keys: h, n).
            </p>
          ) : (
            <p className="ann-count">
              {matching === total
                ? counted(total, 'annotation')
                : `${matching} of ${total} annotations match`}
            </p>
          )}
          <ul className="ann-list" aria-label="Annotations in text order">
            {placed.slice(0, shown).map((p) => (
              <AnnotationItem
                key={p.annotation.id}
                ui={ui}
                annotation={p.annotation}
                note={parsedNote(p.annotation)}
                sourceLabel={labels.get(p.edition.id) ?? p.edition.id}
                opened={openedFor(p.annotation)}
                onDelete={onDelete}
                onCite={onCite}
                {...withSync(p.annotation)}
              />
            ))}
          </ul>
          {placed.length > shown && (
            <div ref={sentinel} className="ann-more">
              <button type="button" onClick={() => setLimit(shown + PAGE)}>
                Show more ({placed.length - shown} left)
              </button>
            </div>
          )}
          {comparisons.length > 0 && (
            <section className="ann-comparisons" aria-labelledby={`${id}-comparisons`}>
              <h3 id={`${id}-comparisons`}>Your comparisons ({comparisons.length})</h3>
              <ul className="ann-list">
                {comparisons.slice(0, comparisonLimit).map((a) => (
                  <ComparisonItem
                    key={a.id}
                    ui={ui}
                    annotation={a}
                    note={parsedText(a.link?.note)}
                    labelOf={labelOf}
                    mine={syncFacts(a)?.mine ?? true}
                    onDelete={onDelete}
                  />
                ))}
              </ul>
              {comparisons.length > comparisonLimit && (
                <div className="ann-more">
                  <button type="button" onClick={() => setComparisonLimit((l) => l + PAGE)}>
                    Show more comparisons ({comparisons.length - comparisonLimit} left)
                  </button>
                </div>
              )}
            </section>
          )}
          {unplaced.length > 0 && (
            <section className="ann-unplaced" aria-labelledby={`${id}-unplaced`}>
              <h3 id={`${id}-unplaced`}>Unplaced ({unplaced.length})</h3>
              <p className="ann-hint">
                These annotations could no longer be found in the text. They are kept, with their
                quotes, and exported like the others.
              </p>
              <ul className="ann-list">
                {unplaced.map((u) => (
                  <AnnotationItem
                    key={u.annotation.id}
                    ui={ui}
                    annotation={u.annotation}
                    note={parsedNote(u.annotation)}
                    sourceLabel={labels.get(u.edition.id) ?? u.edition.id}
                    unplacedReason={u.reason}
                    opened={openedFor(u.annotation)}
                    onDelete={onDelete}
                    onCite={onCite}
                    {...withSync(u.annotation)}
                  />
                ))}
              </ul>
            </section>
          )}
        </div>
      )}
    </aside>
  );
}
