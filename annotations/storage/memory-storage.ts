/**
 * An in-memory storage port: the fallback when `localStorage` is blocked
 * (private modes, disabled cookies, sandboxed frames), and the store the tests
 * and the bench use.
 *
 * What it is for: behaving like `localStorage` where it matters to us — one
 * atomic write per `set`, a `QuotaExceededError` past a size limit, and
 * change notices to the *other* ports sharing the same area, as `storage`
 * events reach other tabs. What it is not for: persistence; everything is
 * gone on reload.
 */
import { quotaExceededError } from './quota.ts';
import type { StorageChange, StoragePort } from './storage-port.ts';

/** A shared key-value area; each `memoryStorage` opened on it is one "tab". */
export interface MemoryArea {
  /** The stored values. */
  readonly values: Map<string, string>;
  /** Every port open on the area, to notify the others of a change. */
  readonly ports: Set<(change: StorageChange, from: object) => void>;
  /** Size limit in UTF-16 code units over all keys and values, like browsers' ~5 M characters; `Infinity` for none. */
  quota: number;
}

/** A new, empty area. `quota` limits the total length of keys and values. */
export function memoryArea(quota = Number.POSITIVE_INFINITY): MemoryArea {
  return { values: new Map(), ports: new Set(), quota };
}

function used(values: ReadonlyMap<string, string>): number {
  let n = 0;
  for (const [k, v] of values) n += k.length + v.length;
  return n;
}

/** A storage port on `area` (a fresh private area by default). */
export function memoryStorage(area: MemoryArea = memoryArea()): StoragePort {
  const self = {};
  const listeners = new Set<(change: StorageChange) => void>();
  const onChange = (change: StorageChange, from: object): void => {
    if (from === self) return;
    for (const l of [...listeners]) l(change);
  };
  area.ports.add(onChange);
  const broadcast = (change: StorageChange): void => {
    for (const port of [...area.ports]) port(change, self);
  };
  return {
    kind: 'memory',
    get: (key) => area.values.get(key) ?? null,
    set(key, value) {
      const before = area.values.get(key);
      const size =
        used(area.values) -
        (before === undefined ? 0 : key.length + before.length) +
        key.length +
        value.length;
      if (size > area.quota) throw quotaExceededError();
      area.values.set(key, value);
      broadcast({ key, newValue: value });
    },
    remove(key) {
      if (!area.values.delete(key)) return;
      broadcast({ key, newValue: null });
    },
    keys: () => [...area.values.keys()],
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
