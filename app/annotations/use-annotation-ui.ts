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
import type { Annotation, Color } from '../../annotations/model/annotation.ts';
import type { StoreSnapshot } from '../../annotations/store.ts';
import { findPassage, sourceOfAddress, spanOf } from '../../sources/address.ts';
import type { Address, Edition } from '../../sources/edition.ts';
import type { SelectionAction } from '../selection/selection-action.ts';
import { parseTags, type AnchorCache, type AnchoredList } from './anchored-list.ts';
import type { AnnotationRuntime } from './annotation-runtime.ts';
import { useAnnotationActions, type AnnotationActionCallbacks } from './use-annotation-actions.ts';
import { pageAnchorCache, useAnnotations } from './use-annotations.ts';
import { useHighlightClicks } from './use-highlight-clicks.ts';
import { useHighlights } from './use-highlights.ts';
import { useAnchoredList } from './use-anchored-list.ts';
import { countComparisonsOn } from './comparison-count.ts';
import { passageAmong } from '../views/passage-in-words.ts';

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
  /** How many of the reader's own comparisons (linking annotations) have an end in a visible edition (the sidebar lists them: `comparison-list.ts`). */
  readonly comparisonCount: number;
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
  /** Undoes the last annotation change and says what was undone. */
  readonly undo: () => void;
  /** Opens the first annotation placed on the passage at `address`, if any. */
  readonly openAt: (address: Address) => void;
  /** The open editor reports what is typed (kept here, so a delete elsewhere cannot lose it). */
  readonly trackDraft: (draft: EditorDraft) => void;
  /** What was being typed when the annotation was deleted in another tab, until the reader decides. */
  readonly orphan: EditorDraft | null;
  /** Adds the deleted annotation back with the typed text (a new id); says what happened. */
  readonly restoreOrphan: () => void;
  /** Drops the kept text. */
  readonly dismissOrphan: () => void;
}

/** What the reader has typed in an annotation's editor, with the annotation as it was. */
export interface EditorDraft {
  readonly annotation: Annotation;
  readonly note: string;
  /** The tags field as typed (comma-separated). */
  readonly tags: string;
  readonly color: Color;
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
  const cache: AnchorCache = pageAnchorCache;
  // Anchored in slices when there are many to anchor (10,000 stored ones on opening).
  const list = useAnchoredList(
    snapshot?.annotations ?? null,
    editions,
    runtime?.anchor ?? null,
    cache,
  );
  const ranges = useHighlights(list.placed, opened?.id ?? null);
  // Listed and counted with the other annotations, but not highlighted here: the comparison
  // marks and underlines (app/compare/) show them in the text.
  const annotations = snapshot?.annotations;
  const comparisonCount = useMemo(
    () =>
      annotations ? countComparisonsOn(annotations, new Set([left.id, right.id] as string[])) : 0,
    [annotations, left.id, right.id],
  );

  const open = useCallback((id: string, edit = false) => {
    setSidebarOpen(true);
    setOpened((o) => ({ id, edit, seq: (o?.seq ?? 0) + 1 }));
  }, []);
  // The opened annotation as of the last render, and at once after closeEditor (a store change
  // can arrive before the next render).
  const openedNow = useRef(opened);
  useEffect(() => {
    openedNow.current = opened;
  });
  const closeEditor = useCallback(() => {
    if (openedNow.current) openedNow.current = { ...openedNow.current, edit: false };
    setOpened((o) => (o ? { ...o, edit: false } : o));
  }, []);

  // Issue 12, item 6: an annotation deleted in another tab while its editor is open here used to
  // take the typed text with it. The editor reports its fields; when the annotation leaves the
  // store while its editor is open, the text is kept and the reader told.
  const draft = useRef<EditorDraft | null>(null);
  const trackDraft = useCallback((d: EditorDraft) => {
    draft.current = d;
  }, []);
  const [orphan, setOrphan] = useState<EditorDraft | null>(null);
  useEffect(() => {
    if (!runtime) return;
    return runtime.store.subscribe(() => {
      const now = openedNow.current;
      if (!now?.edit) return;
      if (runtime.store.getSnapshot().annotations.some((a) => a.id === now.id)) return;
      openedNow.current = null;
      setOpened(null);
      const kept = draft.current?.annotation.id === now.id ? draft.current : null;
      if (!kept) return;
      setOrphan(kept);
      const where = passageAmong(kept.annotation.targets[0]?.selectors.address, editions);
      notify(
        `The annotation you were editing on ${where} was deleted in another tab or window; what you typed is kept in the Annotations panel.`,
      );
    });
  }, [runtime, notify, editions]);
  const dismissOrphan = useCallback(() => setOrphan(null), []);
  const restoreOrphan = useCallback(() => {
    if (!orphan || !runtime) return;
    const { annotation, note, tags, color } = orphan;
    const tagList = parseTags(tags);
    const result = runtime.store.add({
      targets: annotation.targets,
      ...(annotation.link ? { link: annotation.link } : {}),
      ...(annotation.origin ? { origin: annotation.origin } : {}),
      motivation: annotation.link
        ? 'linking'
        : note.trim() !== ''
          ? 'commenting'
          : tagList.length > 0
            ? 'tagging'
            : 'highlighting',
      ...(note.trim() !== '' ? { note } : {}),
      tags: tagList,
      color,
    });
    if (result.ok) {
      setOrphan(null);
      notify(
        `Restored the annotation on ${passageAmong(annotation.targets[0]?.selectors.address, editions)} with what you typed.`,
      );
    } else {
      notify(
        `It could not be restored: ${result.errors.map((e) => e.message).join('; ')}. Your text is still kept.`,
      );
    }
  }, [orphan, runtime, notify, editions]);

  const callbacks = useMemo<AnnotationActionCallbacks>(
    () => ({
      onCreated: (a, edit) => {
        if (edit) open(a.id, true);
        else notify(`Highlighted in ${passageAmong(a.targets[0]?.selectors.address, editions)}.`);
      },
      onError: notify,
    }),
    [notify, open, editions],
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

  // The keys for these (Ctrl/⌘+Z, Enter on a passage) are commands in commands.ts.
  const latest = useRef({ runtime, snapshot, notify, placed: list.placed, editions });
  useEffect(() => {
    latest.current = { runtime, snapshot, notify, placed: list.placed, editions };
  });
  const undo = useCallback(() => {
    const { runtime, snapshot, notify } = latest.current;
    if (!runtime || !snapshot?.undo) {
      notify('Nothing to undo.');
      return;
    }
    const label = snapshot.undo.label;
    const result = runtime.store.undo();
    notify(result?.ok ? `${label.replace(/^Undo /, 'Undid the ')}.` : 'Nothing could be undone.');
  }, []);
  const openAt = useCallback(
    (address: Address) => {
      const { placed, editions } = latest.current;
      const edition = editions.find((x) => x.id === sourceOfAddress(address));
      const passage = edition && findPassage(edition, address);
      if (!edition || !passage) return;
      const span = spanOf(passage);
      const hit = placed.find(
        (p) => p.edition.id === edition.id && p.start < span.end && p.end > span.start,
      );
      if (hit) open(hit.annotation.id);
    },
    [open],
  );

  return {
    runtime,
    snapshot,
    editions,
    allEditions,
    list,
    comparisonCount,
    actions,
    sidebarOpen,
    setSidebarOpen,
    opened,
    open,
    closeEditor,
    reveal,
    notify,
    undo,
    openAt,
    trackDraft,
    orphan,
    restoreOrphan,
    dismissOrphan,
  };
}
