/**
 * The browser's `localStorage` behind the storage port, and the choice of
 * store at start-up: `localStorage` if it works, else memory, with a reason
 * the app can show ("Your annotations are kept only until you close this
 * tab…"), as Hypothesis's `src/sidebar/services/local-storage.ts` falls back.
 *
 * What it is for: wrapping every `localStorage` call (reads, enumeration and
 * removal never throw; a failed write throws to the caller, which must know)
 * and turning `storage` events into `StorageChange`s. What it is not for:
 * what is stored (`annotation-storage.ts`).
 */
import { memoryStorage } from './memory-storage.ts';
import { isQuotaExceeded } from './quota.ts';
import type { StorageChange, StoragePort } from './storage-port.ts';

/** A storage port over a Web Storage object, notified by `storage` events on `events`. */
export function webStoragePort(storage: Storage, events: EventTarget): StoragePort {
  return {
    kind: 'local',
    get(key) {
      try {
        return storage.getItem(key);
      } catch {
        return null;
      }
    },
    set(key, value) {
      storage.setItem(key, value);
    },
    remove(key) {
      try {
        storage.removeItem(key);
      } catch {
        // Nothing to do: a key that cannot be removed is left as it was.
      }
    },
    keys() {
      try {
        const out: string[] = [];
        for (let i = 0; i < storage.length; i++) {
          const k = storage.key(i);
          if (k !== null) out.push(k);
        }
        return out;
      } catch {
        return [];
      }
    },
    subscribe(listener) {
      const handler = (event: Event): void => {
        const e = event as StorageEvent;
        if (e.storageArea !== undefined && e.storageArea !== null && e.storageArea !== storage)
          return;
        const change: StorageChange = { key: e.key, newValue: e.newValue };
        listener(change);
      };
      events.addEventListener('storage', handler);
      return () => events.removeEventListener('storage', handler);
    },
  };
}

/** The store the app uses, and why it is not `localStorage` when it is not. */
export interface OpenedStorage {
  /** The port to save through. */
  readonly port: StoragePort;
  /** Set when `localStorage` could not be used: say so, in these words. */
  readonly fallbackReason?: string;
}

/** The key written and removed to check that `localStorage` accepts writes. */
export const PROBE_KEY = 'diptych:probe';

/**
 * Opens `localStorage` (`globalThis.localStorage`, or the one given) and
 * checks it accepts a write; falls back to memory when it is missing, blocked
 * (access throws a `SecurityError`) or refuses the probe for any reason but
 * being full.
 */
export function openBrowserStorage(
  getStorage: () => Storage | undefined = () => globalThis.localStorage,
  events: EventTarget | undefined = globalThis.window,
): OpenedStorage {
  let storage: Storage | undefined;
  try {
    storage = getStorage();
    if (!storage) throw new Error('no localStorage');
    try {
      storage.setItem(PROBE_KEY, '1');
      storage.removeItem(PROBE_KEY);
    } catch (error) {
      // A full store still holds the reader's annotations: use it, and let
      // the first failed save report the quota.
      if (!isQuotaExceeded(error)) throw error;
    }
  } catch (error) {
    const detail = error instanceof Error && error.name ? ` (${error.name})` : '';
    return {
      port: memoryStorage(),
      fallbackReason: `This browser does not let Diptych use its local storage${detail}. Your annotations are kept only until you close this tab; export them to keep them.`,
    };
  }
  return { port: webStoragePort(storage, events ?? new EventTarget()) };
}
