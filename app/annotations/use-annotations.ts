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
import type { StoreSnapshot } from '../../annotations/store.ts';
import type { AnnotationRuntime } from './annotation-runtime.ts';

let opening: Promise<AnnotationRuntime> | null = null;

/**
 * The runtime, loaded and opened on first call; later calls share it (one
 * store per page, whatever re-mounts — StrictMode mounts effects twice).
 */
export function loadAnnotationRuntime(): Promise<AnnotationRuntime> {
  opening ??= import('./annotation-runtime.ts').then((m) => m.openRuntime());
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
