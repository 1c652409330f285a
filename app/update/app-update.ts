/**
 * What the reader is told about the app's own versions (issue 13, "a new
 * version is offered, never forced mid-reading"): a small store over the
 * service worker's lifecycle as vite-plugin-pwa's `registerSW` reports it.
 *
 * - A new version has been downloaded and waits: it is **offered**
 *   (`offer: 'new-version'`); nothing reloads until the reader accepts.
 *   **Later** hides the offer; the new version then starts by itself the
 *   next time Diptych opens after all its tabs were closed.
 * - The reader accepted in another tab, so the new version took this one
 *   too: this tab is not reloaded under the reader either; it is offered a
 *   reload (`offer: 'updated-elsewhere'`).
 * - The first install finished: `offlineReady` (the app says once that it
 *   now works offline).
 *
 * DOM-free apart from the timer, so the unit tests drive it with a fake
 * `registerSW`; `register-service-worker.ts` binds it to the real one.
 */
import type { RegisterSWOptions } from 'vite-plugin-pwa/types';

/** What is offered to the reader, if anything. */
export type UpdateOffer = 'new-version' | 'updated-elsewhere' | null;

/** The store's state. */
export interface AppUpdateSnapshot {
  readonly offer: UpdateOffer;
  /** The service worker was installed for the first time: the app now works offline. */
  readonly offlineReady: boolean;
}

/** vite-plugin-pwa's `registerSW` (or a stand-in): returns the function that activates the waiting version. */
export type RegisterServiceWorker = (
  options: RegisterSWOptions,
) => (reloadPage?: boolean) => Promise<void>;

/** The store. */
export interface AppUpdate {
  readonly subscribe: (listener: () => void) => () => void;
  readonly getSnapshot: () => AppUpdateSnapshot;
  /** The reader chose Reload: activate the waiting version (or take the one already active) and reload. */
  readonly accept: () => void;
  /** The reader chose Later: hide the offer. */
  readonly later: () => void;
}

/** What the store needs from the page. */
export interface AppUpdateHost {
  readonly reload: () => void;
  /** Reports a registration that failed (no service worker: the app still works online). */
  readonly warn: (message: string, error: unknown) => void;
  /** Checks for a new version from time to time; returns a stop function. */
  readonly every: (ms: number, run: () => void) => () => void;
  readonly online: () => boolean;
}

/** How often an open reader asks the server whether there is a new version. */
export const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

/**
 * How long after Reload the page waits for the new version to take it before
 * reloading anyway (the reader asked for a reload: they get one).
 */
export const RELOAD_FALLBACK_MS = 4_000;

/** Registers the service worker through `register` and tracks what to offer. */
export function createAppUpdate(register: RegisterServiceWorker, host: AppUpdateHost): AppUpdate {
  let snapshot: AppUpdateSnapshot = { offer: null, offlineReady: false };
  const listeners = new Set<() => void>();
  const set = (next: Partial<AppUpdateSnapshot>) => {
    snapshot = { ...snapshot, ...next };
    for (const l of listeners) l();
  };
  let accepted = false;

  const activateWaiting = register({
    onNeedRefresh: () => set({ offer: 'new-version' }),
    onOfflineReady: () => set({ offlineReady: true }),
    // The new version now controls this page. Reload only if the reader asked for it here.
    onNeedReload: () => {
      if (accepted) host.reload();
      else set({ offer: 'updated-elsewhere' });
    },
    onRegisteredSW: (_url, registration) => {
      if (!registration) return;
      host.every(UPDATE_CHECK_INTERVAL_MS, () => {
        if (host.online()) registration.update().catch(() => undefined);
      });
    },
    onRegisterError: (error: unknown) =>
      host.warn('Diptych could not install its offline copy; it works online only.', error),
  });

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    accept() {
      if (snapshot.offer !== 'new-version') {
        host.reload();
        return;
      }
      accepted = true;
      set({ offer: null });
      void activateWaiting(true);
      const stop = host.every(RELOAD_FALLBACK_MS, () => {
        stop();
        host.reload();
      });
    },
    later: () => set({ offer: null }),
  };
}
