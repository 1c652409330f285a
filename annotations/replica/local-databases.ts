/**
 * How the replica opens its local databases, and how it takes over a
 * replica an earlier version of Diptych kept in another format.
 *
 * The browser keeps each layer in PouchDB's `indexeddb` adapter, which
 * writes a document in one IndexedDB transaction where the older `idb`
 * adapter (Diptych's first format) made several: an initial replication of
 * 10,000 annotations took the `idb` adapter about 19 s of IndexedDB work
 * and tasks of up to 360 ms (bench/sync-replication.ts). The two adapters'
 * stores cannot share a database, so a reader who synced with the first
 * format has their replica copied into the new one the next time a layer
 * starts (`adoptLegacyReplica`), before anything reads or writes the new
 * one; the old one is deleted only once the copy is complete.
 *
 * What it is for: the port and that one step. What it is not for: which
 * adapter a browser has, or naming (the runtime's, `app/sync-panel/`).
 */
import type { PouchDatabase } from './pouch-types.ts';

/** The local databases the engine replicates into. */
export interface LocalDatabases {
  /** The local database called `name`, created when missing. */
  open(name: string): PouchDatabase;
  /**
   * The replica an earlier version kept for `name` in an older format, if
   * this browser holds one; `null` otherwise (and always where there was
   * never another format).
   */
  legacy?(name: string): Promise<PouchDatabase | null>;
}

/**
 * Copies every document of `legacy` into `into` with its whole revision
 * tree (conflicting revisions and deletions included: it is a replication,
 * which CouchDB's revision model makes idempotent and resumable), then
 * deletes `legacy`. When the copy is incomplete, `legacy` is kept, closed,
 * and taken over again on the next start (what was copied is not copied
 * twice). Returns whether it was taken over; never throws.
 */
export async function adoptLegacyReplica(
  legacy: PouchDatabase,
  into: PouchDatabase,
): Promise<boolean> {
  try {
    const result = await legacy.replicate.to(into);
    if (!result.ok || result.status !== 'complete' || result.doc_write_failures > 0) {
      console.error('The older replica was not copied completely; it is kept', result);
      await legacy.close().catch(() => undefined);
      return false;
    }
    await legacy.destroy();
    return true;
  } catch (error) {
    console.error('The older replica could not be copied; it is kept', error);
    await legacy.close().catch(() => undefined);
    return false;
  }
}
