/**
 * The annotations UI's state and wiring, in one hook so the top component
 * stays small: the store (lazy), the selection toolbar's actions, the list
 * anchored in the visible editions, the highlights in the panes, which
 * annotation is open, the sidebar's visibility, and the keys that belong to
 * annotations (Enter on a passage opens its first annotation; Ctrl/Cmd+Z
 * undoes the last change).
 *
 * What it is for: connecting views to `annotations/`. What it is not for:
 * rules (the store's), matching (`anchor`), or rendering (the sidebar).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AnchorResult } from '../../annotations/anchoring/anchor.ts';
import { offsetsFromRange } from '../../annotations/anchoring/dom-range.ts';
import type { Annotation } from '../../annotations/model/annotation.ts';
import type { StoreSnapshot } from '../../annotations/store.ts';
import type { Edition } from '../../sources/edition.ts';
import type { SelectionAction } from '../selection/selection-action.ts';
import { anchorAnnotations, type AnchoredList } from './anchored-list.ts';
import type { AnnotationRuntime } from './annotation-runtime.ts';
import { useAnnotationActions, type AnnotationActionCallbacks } from './use-annotation-actions.ts';
import { useAnnotations } from './use-annotations.ts';
import { useHighlightClicks } from './use-highlight-clicks.ts';
import { useHighlights } from './use-highlights.ts';

/** What the annotation views receive. */
export interface AnnotationUi {
  /** The loaded runtime (store, import, export…), or `null` while it loads. */
  readonly runtime: AnnotationRuntime | null;
  /** The store's snapshot, or `null` while it loads. */
  readonly snapshot: StoreSnapshot | null;
  /** The editions shown in the panes, left then right. */
  readonly editions: readonly Edition[];
  /** Every edition (imports may target any). */
  readonly allEditions: readonly Edition[];
  /** The list anchored in the visible editions. */
  readonly list: AnchoredList;
  /** The selection toolbar's annotation actions. */
  readonly actions: readonly SelectionAction[];
  /** Whether the sidebar is shown. */
  readonly sidebarOpen: boolean;
  /** Shows or hides the sidebar. */
  readonly setSidebarOpen: (open: boolean) => void;
  /** The annotation the reader opened, and whether its editor is open. */
  readonly opened: { readonly id: string; readonly edit: boolean; readonly seq: number } | null;
  /** Opens an annotation in the sidebar (optionally in its editor). */
  readonly open: (id: string, edit?: boolean) => void;
  /** Closes the editor, keeps the annotation opened. */
  readonly closeEditor: () => void;
  /** Scrolls a placed annotation into view in its pane (through the reader's hash), and marks it opened. */
  readonly reveal: (id: string) => void;
  /** Tells the reader something (the app's notice). */
  readonly notify: (message: string) => void;
}

const EMPTY: AnchoredList = { placed: [], unplaced: [] };

/** The annotations' own keys, for the shortcuts dialog (the toolbar's come from its actions). */
export const ANNOTATION_SHORTCUTS: readonly {
  readonly keys: readonly string[];
  readonly label: string;
}[] = [
  { keys: ['Tab'], label: 'From selected text, move into its toolbar' },
  { keys: ['Enter'], label: 'Open the annotation in the focused paragraph' },
  { keys: ['Ctrl+Z', '⌘Z'], label: 'Undo the last annotation change' },
];

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The annotations UI for the editions in the panes. */
export function useAnnotationUi(
  allEditions: readonly Edition[],
  left: Edition,
  right: Edition,
  notify: (message: string) => void,
): AnnotationUi {
  const { runtime, snapshot } = useAnnotations();
  const editions = useMemo(() => [left, right], [left, right]);
  const [sidebarOpen, setSidebarOpen] = useState(false);
  const [opened, setOpened] = useState<AnnotationUi['opened']>(null);
  const [cache] = useState(() => new WeakMap<Annotation, Map<string, AnchorResult>>());

  const list = useMemo(
    () =>
      runtime && snapshot
        ? anchorAnnotations(snapshot.annotations, editions, runtime.anchor, cache)
        : EMPTY,
    [runtime, snapshot, editions, cache],
  );
  const ranges = useHighlights(list.placed, opened?.id ?? null);

  const open = useCallback((id: string, edit = false) => {
    setSidebarOpen(true);
    setOpened((o) => ({ id, edit, seq: (o?.seq ?? 0) + 1 }));
  }, []);
  const closeEditor = useCallback(() => setOpened((o) => (o ? { ...o, edit: false } : o)), []);

  const callbacks = useMemo<AnnotationActionCallbacks>(
    () => ({
      onCreated: (a, edit) => {
        if (edit) open(a.id, true);
        else notify(`Highlighted in ${a.targets[0]?.selectors.address ?? 'the text'}.`);
      },
      onError: notify,
    }),
    [notify, open],
  );
  const actions = useAnnotationActions(callbacks);

  const placedRef = useRef(list.placed);
  useEffect(() => {
    placedRef.current = list.placed;
  });

  const reveal = useCallback(
    (id: string) => {
      const p = placedRef.current.find((x) => x.annotation.id === id);
      if (!p) return;
      setOpened((o) => ({ id, edit: false, seq: (o?.seq ?? 0) + 1 }));
      const address = p.annotation.targets[0]!.selectors.address;
      if (window.location.hash !== `#${address}`) window.location.hash = address;
      // After the reader's own reveal, centre the highlight itself (a long paragraph may hide it).
      requestAnimationFrame(() => {
        const range = ranges.current.get(id);
        const el = range?.startContainer.parentElement;
        el?.scrollIntoView({ block: 'center' });
      });
    },
    [ranges],
  );

  useHighlightClicks(ranges, open);

  // Enter on a focused passage opens its first annotation; Ctrl/Cmd+Z undoes.
  const latest = useRef({ runtime, snapshot, notify, placed: list.placed, editions });
  useEffect(() => {
    latest.current = { runtime, snapshot, notify, placed: list.placed, editions };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || isEditable(e.target)) return;
      const { runtime, snapshot, notify, placed, editions } = latest.current;
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'z') {
        if (!runtime || !snapshot?.undo) return;
        e.preventDefault();
        const label = snapshot.undo.label;
        const result = runtime.store.undo();
        notify(
          result?.ok ? `${label.replace(/^Undo /, 'Undid the ')}.` : 'Nothing could be undone.',
        );
        return;
      }
      if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || e.altKey) return;
      const el = e.target instanceof Element ? e.target : null;
      const pane = el?.closest<HTMLElement>('.pane[data-source]');
      const root = pane?.querySelector('article.edition');
      if (!el || !root || !el.hasAttribute('data-address') || !root.contains(el)) return;
      const edition = editions.find((x) => x.id === pane!.dataset.source);
      if (!edition) return;
      const range = document.createRange();
      range.selectNodeContents(el);
      const span = offsetsFromRange(root, edition, range);
      const hit =
        span &&
        placed.find((p) => p.edition.id === edition.id && p.start < span.end && p.end > span.start);
      if (!hit) return;
      e.preventDefault();
      open(hit.annotation.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  return {
    runtime,
    snapshot,
    editions,
    allEditions,
    list,
    actions,
    sidebarOpen,
    setSidebarOpen,
    opened,
    open,
    closeEditor,
    reveal,
    notify,
  };
}
