/**
 * The sync replica's lazy chunk: the engine, and PouchDB's browser build
 * (IndexedDB and HTTP adapters, replication) in a worker of its own
 * (`pouch-worker.ts`; `annotations/replica/pouch-host.ts` says why).
 * Loaded only when the reader opens the Sync panel or was signed in on an
 * earlier visit, so a reader who never uses a server never downloads it.
 */
import { pouchProxy } from '../../annotations/replica/pouch-proxy.ts';
import { createSyncEngine, type SyncEngine } from '../../annotations/replica/sync-engine.ts';
import type { PersistenceHub } from '../../annotations/store.ts';
import type { Edition } from '../../sources/edition.ts';
import { recordOverridePort, recordOverrideStore } from '../citations/record-override-store.ts';
import { mayWaitFor } from '../library/library-bridge.ts';

/** Opens the engine on the store's hub. */
export function openSyncEngine(
  hub: PersistenceHub,
  editions: () => readonly Edition[],
): SyncEngine {
  let storage: Storage | null;
  try {
    storage = window.localStorage;
  } catch {
    storage = null; // Blocked: sync still runs; its settings last only this visit.
  }
  // No fallback to PouchDB on the page: every browser the reader runs in starts module workers.
  const worker = new Worker(new URL('./pouch-worker.ts', import.meta.url), {
    type: 'module',
    name: 'diptych-sync-replica',
  });
  const proxy = pouchProxy(worker);
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    console.error('The sync worker failed', event.message);
    proxy.fail(event.message || 'it could not run');
  });
  worker.addEventListener('messageerror', () => proxy.fail('a message could not be read'));
  return createSyncEngine({
    hub,
    PouchDB: proxy.PouchDB,
    editions,
    waitFor: mayWaitFor,
    // The reader's record edits of the built-in sources sync with their private layer (issue 14).
    records: recordOverridePort(recordOverrideStore()),
    storage,
    defaultServer: window.location.origin,
    pageOrigin: window.location.origin,
    online: () => navigator.onLine,
    watchOnline(onOnline, onOffline) {
      window.addEventListener('online', onOnline);
      window.addEventListener('offline', onOffline);
      return () => {
        window.removeEventListener('online', onOnline);
        window.removeEventListener('offline', onOffline);
      };
    },
    watchHide(onHide) {
      const onVisibility = (): void => {
        if (document.visibilityState === 'hidden') onHide();
      };
      window.addEventListener('pagehide', onHide);
      document.addEventListener('visibilitychange', onVisibility);
      return () => {
        window.removeEventListener('pagehide', onHide);
        document.removeEventListener('visibilitychange', onVisibility);
      };
    },
    whenIdle(task) {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 2000 });
      else setTimeout(task, 200);
    },
  });
}
