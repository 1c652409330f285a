/**
 * The app's connection to the annotation store: loads the annotation runtime
 * (a lazy chunk), opens the store once per page, and re-renders on every
 * store change (`useSyncExternalStore`).
 *
 * What it is for: getting the store and its snapshot into React. What it is
 * not for: changing annotations (components call the store's own methods)
 * or anchoring (`use-anchored.ts`).
 */
import { startTransition, useEffect, useState, useSyncExternalStore } from 'react';
import { pauseForPage } from '../../annotations/pause-for-page.ts';
import type { StoreSnapshot } from '../../annotations/store.ts';
import type { Edition } from '../../sources/edition.ts';
import { anchorSome, type AnchorCache } from './anchored-list.ts';
import type { AnnotationRuntime } from './annotation-runtime.ts';
import { storedAnnotationsOpened } from './after-stored-annotations.ts';

let opening: Promise<AnnotationRuntime> | null = null;

/**
 * The page's anchoring results (`anchored-list.ts`): one cache for the page,
 * so that what `loadAnnotationRuntime` anchored before the first render is
 * what the list (`use-annotation-ui.ts`) reads. Keyed weakly by annotation
 * and edition objects, so it holds nothing the page has let go of.
 */
export const pageAnchorCache: AnchorCache = new WeakMap();

/** The longest run of anchoring in one task while the runtime opens, in ms. */
const SLICE_MS = 8;

/**
 * Anchors the stored annotations in `editions` into `pageAnchorCache`, in
 * slices of a few ms with the page given its turn between them. Done before
 * the runtime is handed to React: the first render with 10,000 stored
 * annotations then reads every anchoring from the cache and shows the whole
 * list, where it used to render an empty list, anchor in slices after that
 * commit, and render the reader again (bench/annotations-sidebar.ts).
 */
async function anchorStored(
  runtime: AnnotationRuntime,
  editions: readonly Edition[],
): Promise<void> {
  if (editions.length === 0) return;
  const annotations = runtime.store.getSnapshot().annotations;
  let from = 0;
  while (from < annotations.length) {
    const end = performance.now() + SLICE_MS;
    from = anchorSome(annotations, editions, runtime.anchor, pageAnchorCache, from, () => {
      return performance.now() < end;
    });
    if (from < annotations.length) await pauseForPage();
  }
}

/**
 * The runtime, loaded and opened on first call; later calls share it (one
 * store per page, whatever re-mounts — StrictMode mounts effects twice).
 * `anchorIn`, given by the first call (the entry, with the editions it
 * renders), are the editions the stored annotations are anchored in before
 * the runtime resolves; other editions are anchored as the list needs them.
 */
export function loadAnnotationRuntime(
  anchorIn: readonly Edition[] = [],
): Promise<AnnotationRuntime> {
  if (opening) return opening;
  opening = import('./annotation-runtime.ts')
    .then((m) => m.openRuntime())
    .then(async (runtime) => {
      // Only a head start: anchoring never throws (annotations/anchoring/anchor.ts), and the
      // list anchors whatever is missing from the cache itself.
      await anchorStored(runtime, anchorIn).catch(() => undefined);
      return runtime;
    });
  // What waits for the stored annotations (after-stored-annotations.ts) may start now; a runtime
  // that fails to open is reported where it is awaited (below, and by each caller).
  opening.then(storedAnnotationsOpened, storedAnnotationsOpened);
  return opening;
}

const noSubscribe = (): (() => void) => () => undefined;
const noSnapshot = (): null => null;

/** The runtime (once loaded) and the store's current snapshot. */
export function useAnnotations(): {
  readonly runtime: AnnotationRuntime | null;
  readonly snapshot: StoreSnapshot | null;
} {
  const [runtime, setRuntime] = useState<AnnotationRuntime | null>(null);
  useEffect(() => {
    let live = true;
    loadAnnotationRuntime().then(
      (r) => {
        // The first snapshot can hold 10,000 annotations: the reader re-renders with them in a
        // transition, in slices, not in one task (bench/annotations-sidebar.ts, issue 15).
        if (live) startTransition(() => setRuntime(r));
      },
      (error: unknown) => {
        console.error('The annotations could not be loaded', error);
      },
    );
    return () => {
      live = false;
    };
  }, []);
  const store = runtime?.store ?? null;
  const snapshot = useSyncExternalStore(
    store ? store.subscribe : noSubscribe,
    store ? store.getSnapshot : noSnapshot,
    noSnapshot,
  );
  return { runtime, snapshot };
}
