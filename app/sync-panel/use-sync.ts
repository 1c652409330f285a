/**
 * The app's connection to the sync replica: loads its chunk (PouchDB and
 * the engine) when the reader opens the Sync panel, or at once when they
 * were signed in on an earlier visit, and re-renders on every change of
 * the engine's snapshot. Without a server none of it loads: the store stays
 * on localStorage exactly as before.
 *
 * What it is for: getting the engine into React, once per page. What it is
 * not for: replication (annotations/replica/) or rendering (sync-panel.tsx).
 */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { SyncEngine, SyncSnapshot } from '../../annotations/replica/sync-engine.ts';
import type { NewAnnotation } from '../../annotations/model/annotation.ts';
import type { Edition } from '../../sources/edition.ts';
import type { AnnotationRuntime } from '../annotations/annotation-runtime.ts';
import { publishRecordConflicts } from '../citations/record-conflicts.ts';

/** The settings key (annotations/replica/sync-settings.ts), read here without loading the chunk. */
const SETTINGS_KEY = 'diptych:sync:v1';

let opening: Promise<SyncEngine> | null = null;

/** True when the reader was signed in when they last left (so the replica starts at once). */
function wasSignedIn(): boolean {
  try {
    const raw = window.localStorage.getItem(SETTINGS_KEY);
    return raw !== null && (JSON.parse(raw) as { signedIn?: unknown }).signedIn === true;
  } catch {
    return false;
  }
}

/** The engine, loaded and opened on first call; later calls share it (one per page). */
function loadEngine(
  runtime: AnnotationRuntime,
  editions: () => readonly Edition[],
): Promise<SyncEngine> {
  opening ??= import('./sync-runtime.ts').then((m) => m.openSyncEngine(runtime.hub, editions));
  return opening;
}

/** What the Sync panel and the sidebar get. */
export interface SyncUi {
  /** The engine once loaded, else `null`. */
  readonly engine: SyncEngine | null;
  /** Its snapshot once loaded, else `null` (no server configured: nothing to show). */
  readonly snapshot: SyncSnapshot | null;
  /** Whether the Sync panel is open. */
  readonly panelOpen: boolean;
  /** Opens (loading the engine) or closes the panel. */
  readonly setPanelOpen: (open: boolean) => void;
  /** Adds a copy of an annotation's content as a new annotation of the reader's (it joins the default layer). */
  readonly copy: (content: NewAnnotation) => void;
}

const noSubscribe = (): (() => void) => () => undefined;
const noSnapshot = (): null => null;

/** The sync state for the app (see the module comment). */
export function useSync(runtime: AnnotationRuntime | null, editions: readonly Edition[]): SyncUi {
  const [engine, setEngine] = useState<SyncEngine | null>(null);
  const [panelOpen, setOpen] = useState(false);
  const [wanted, setWanted] = useState(wasSignedIn);
  const editionsRef = useRef(editions);
  useEffect(() => {
    editionsRef.current = editions;
  }, [editions]);

  useEffect(() => {
    if (!runtime || !wanted) return;
    let live = true;
    loadEngine(runtime, () => editionsRef.current).then(
      (e) => {
        if (!live) return;
        setEngine(e);
        void e.resume();
      },
      (error: unknown) => console.error('Sync could not be loaded', error),
    );
    return () => {
      live = false;
    };
  }, [runtime, wanted]);

  const setPanelOpen = useCallback((open: boolean) => {
    if (open) setWanted(true);
    setOpen(open);
  }, []);
  const snapshot = useSyncExternalStore(
    engine ? engine.subscribe : noSubscribe,
    engine ? engine.getSnapshot : noSnapshot,
    noSnapshot,
  );
  // The citation dialogs mark a record edited on two devices where they say "edited by you".
  const recordConflicts = snapshot?.recordConflicts;
  useEffect(() => {
    publishRecordConflicts(Object.keys(recordConflicts ?? {}));
  }, [recordConflicts]);
  const copy = useCallback(
    (content: NewAnnotation) => {
      runtime?.store.add(content);
    },
    [runtime],
  );
  return { engine, snapshot, panelOpen, setPanelOpen, copy };
}
