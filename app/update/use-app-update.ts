/**
 * The app's update offer in React: once the reader is interactive, loads the
 * registration chunk (`register-service-worker.ts`), which registers the
 * service worker, and follows its store. Says once, through the reader's
 * notice, when the app has become available offline.
 *
 * What it is for: getting the update store into React, once per page. What
 * it is not for: the worker's lifecycle (`app-update.ts`) or rendering (the
 * offer is drawn by `views/notice.tsx`).
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { afterStoredAnnotations } from '../annotations/after-stored-annotations.ts';
import type { AppUpdate, AppUpdateSnapshot, UpdateOffer } from './app-update.ts';
import { useSayWhenQuiet } from './use-say-when-quiet.ts';

/** What the app gets. */
export interface AppUpdateUi {
  readonly offer: UpdateOffer;
  readonly accept: () => void;
  readonly later: () => void;
}

/** What the reader is told, by offer. */
export const OFFER_MESSAGES: Readonly<Record<Exclude<UpdateOffer, null>, string>> = {
  'new-version': 'A new version of Diptych is ready.',
  'updated-elsewhere':
    'Diptych was updated in another tab; reload this one to use the new version.',
};

/** Said once, when the first install has finished. */
export const OFFLINE_READY_MESSAGE = 'Diptych is ready to work offline.';

let loading: Promise<AppUpdate> | null = null;

const noSubscribe = (): (() => void) => () => undefined;
const nothing: AppUpdateSnapshot = { offer: null, offlineReady: false };
const noSnapshot = (): AppUpdateSnapshot => nothing;

/** The update offer (see the module comment); `interactive` is false in the prerender and hydration. */
export function useAppUpdate(
  interactive: boolean,
  notify: (message: string) => void,
  /** Whether a message is on screen now: the offline-ready news waits for it to go. */
  noticeShown = false,
): AppUpdateUi {
  const [store, setStore] = useState<AppUpdate | null>(null);
  useEffect(() => {
    if (!interactive || !('serviceWorker' in navigator)) return;
    let live = true;
    loading ??= afterStoredAnnotations()
      .then(() => import('./register-service-worker.ts'))
      .then((m) => m.registerServiceWorker());
    loading.then(
      (s) => live && setStore(s),
      (error: unknown) => {
        // Offline before the chunk was ever fetched: try again on the next load.
        loading = null;
        console.warn('The update checker could not be loaded', error);
      },
    );
    return () => {
      live = false;
    };
  }, [interactive]);
  const snapshot = useSyncExternalStore(
    store?.subscribe ?? noSubscribe,
    store?.getSnapshot ?? noSnapshot,
    noSnapshot,
  );
  useSayWhenQuiet(snapshot.offlineReady, OFFLINE_READY_MESSAGE, notify, noticeShown);
  return {
    offer: snapshot.offer,
    accept: () => store?.accept(),
    later: () => store?.later(),
  };
}
