/**
 * `readableVersions(local, doc, read)`: the versions of a replicated document
 * the reader can choose between after a conflict — the winner and each
 * conflicting revision, in the order CouchDB lists them — each read by the
 * caller's validating reader. One walk for annotations and record edits.
 */
import type { PouchDatabase, PouchDoc } from './pouch-types.ts';

/**
 * Each revision of `doc` (`doc` itself for the winner, fetched for the others)
 * that `read` accepts; a revision `read` refuses (`undefined`) or that was
 * compacted away meanwhile is left out.
 */
export async function readableVersions<T>(
  local: PouchDatabase,
  doc: PouchDoc,
  read: (version: PouchDoc, rev: string) => T | undefined,
): Promise<T[]> {
  const versions: T[] = [];
  for (const rev of [doc._rev, ...(doc._conflicts ?? [])]) {
    try {
      const version = rev === doc._rev ? doc : await local.get(doc._id, { rev });
      const readable = read(version, rev);
      if (readable !== undefined) versions.push(readable);
    } catch {
      // Compacted meanwhile: nothing to show for it.
    }
  }
  return versions;
}
