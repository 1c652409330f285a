/**
 * The anchored list (`anchorAnnotations`) of the store's annotations in the
 * visible editions, computed without freezing the page: a few new
 * annotations (a highlight, an edit) are anchored during the render, as
 * before; many (10,000 stored ones when the reader opens, a large import, a
 * pane switched to a much-annotated text) are anchored in slices of a few
 * milliseconds between which the browser paints and handles input, then the
 * list is shown. Meanwhile the list holds the annotations already anchored
 * (`onlyCached`), so what was shown stays shown.
 *
 * What it is for: when anchoring runs. What it is not for: how
 * (`anchored-list.ts`, `annotations/anchoring/`).
 */
import { startTransition, useEffect, useMemo, useState } from 'react';
import type { Annotation } from '../../annotations/model/annotation.ts';
import type { Edition } from '../../sources/edition.ts';
import {
  anchorAnnotations,
  anchorSome,
  countUnanchored,
  type AnchorCache,
  type AnchoredList,
  type AnchorFn,
} from './anchored-list.ts';

/** At most this many annotations are anchored during a render; more are spread over tasks. */
export const ANCHORED_IN_RENDER = 100;
/** The longest run of anchoring in one task, in ms (bench/annotations-sidebar.ts: no task over 100 ms). */
const SLICE_MS = 8;

const EMPTY: AnchoredList = { placed: [], unplaced: [] };

interface PostTaskScheduler {
  postTask(task: () => void, options: { signal: AbortSignal }): Promise<unknown>;
}

/**
 * Runs `task` in a new task soon; returns what cancels it. `scheduler.postTask`
 * where there is one: nested `setTimeout(…, 0)`s are clamped to 4 ms each, a
 * third of an 8 ms slice lost between slices.
 */
function soon(task: () => void): () => void {
  const scheduler = (globalThis as { scheduler?: Partial<PostTaskScheduler> }).scheduler;
  if (typeof scheduler?.postTask === 'function') {
    const abort = new AbortController();
    scheduler.postTask(task, { signal: abort.signal }).catch(() => undefined);
    return () => abort.abort();
  }
  const timer = window.setTimeout(task, 0);
  return () => window.clearTimeout(timer);
}

/**
 * The list for `annotations` (`null` while the store loads) in `editions`;
 * `anchorFn` is `null` until the anchoring code has loaded.
 */
export function useAnchoredList(
  annotations: readonly Annotation[] | null,
  editions: readonly Edition[],
  anchorFn: AnchorFn | null,
  cache: AnchorCache,
): AnchoredList {
  // The inputs whose anchoring the slices below finished: their list is read from the cache.
  const [filled, setFilled] = useState<{
    readonly annotations: readonly Annotation[];
    readonly editions: readonly Edition[];
  } | null>(null);
  const pending = useMemo(
    () =>
      !annotations || (filled?.annotations === annotations && filled.editions === editions)
        ? 0
        : countUnanchored(annotations, editions, cache),
    [annotations, editions, cache, filled],
  );
  const deferred = pending > ANCHORED_IN_RENDER;
  const list = useMemo(
    () =>
      annotations && anchorFn
        ? anchorAnnotations(annotations, editions, anchorFn, cache, deferred)
        : EMPTY,
    [annotations, editions, anchorFn, cache, deferred],
  );

  useEffect(() => {
    if (!deferred || !annotations || !anchorFn) return;
    let cancel = (): void => undefined;
    let from = 0;
    const slice = (): void => {
      const end = performance.now() + SLICE_MS;
      from = anchorSome(
        annotations,
        editions,
        anchorFn,
        cache,
        from,
        () => performance.now() < end,
      );
      if (from < annotations.length) cancel = soon(slice);
      // The finished list re-renders the reader in a transition: in slices, not one long task.
      else startTransition(() => setFilled({ annotations, editions }));
    };
    cancel = soon(slice);
    return () => cancel();
  }, [deferred, annotations, editions, anchorFn, cache]);

  return list;
}
