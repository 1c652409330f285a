/**
 * The storage port: the five operations the annotation store needs from a
 * key-value store, so that the store never touches `localStorage` itself
 * (Zotero's `AnnotationManager` gets `onSave` from its host in the same way).
 *
 * What it is for: a seam between persistence logic (`annotation-storage.ts`,
 * `annotations/store.ts`) and the browser (`local-storage.ts`) or memory
 * (`memory-storage.ts`, the fallback and the tests). What it is not for:
 * serialization or validation; values are opaque strings here.
 */

/** A change made to the store by someone else (another tab), as a `storage` event reports it. */
export interface StorageChange {
  /** The key that changed; `null` when the whole store was cleared. */
  readonly key: string | null;
  /** The new value; `null` when the key was removed. */
  readonly newValue: string | null;
}

/** A synchronous string key-value store. */
export interface StoragePort {
  /** What kind of store this is, so the app can say when it is only in memory. */
  readonly kind: 'local' | 'memory';
  /** The value under `key`, or `null`. Never throws. */
  get(key: string): string | null;
  /**
   * Stores `value` under `key` in one write: afterwards the key holds either
   * the new value or, if this throws, the old one. Throws what the backend
   * throws (a `QuotaExceededError` when full; see `isQuotaExceeded`).
   */
  set(key: string, value: string): void;
  /** Removes `key`. Never throws. */
  remove(key: string): void;
  /** Every key currently stored. Never throws. */
  keys(): string[];
  /**
   * Calls `listener` when another tab (another port on the same store)
   * changes it — never for this port's own writes, like `storage` events.
   * Returns the unsubscribe function.
   */
  subscribe(listener: (change: StorageChange) => void): () => void;
}
