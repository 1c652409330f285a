/**
 * `revsDiff` for a local database in one read for the documents it lacks.
 *
 * A pull asks the local database, for every batch of changes, which of the
 * server's revisions it is missing (`revsDiff`). PouchDB answers that per
 * document, each in its own IndexedDB transaction: in the first
 * replication of 10,000 annotations that was 10,000 transactions, about
 * 2 s of the sync worker's time, to learn that an empty database lacks
 * everything (bench/trace-sync-replication.ts). Here one `allDocs` (one
 * transaction) first finds the documents the database does not have at
 * all, whose every revision is missing; only the others (present, or
 * deleted: their revision trees matter) go through PouchDB's own
 * `revsDiff`. The answer is the same as PouchDB's.
 *
 * What it is for: the replica's local databases, in the worker. Not for:
 * remote databases (the server answers `_revs_diff` in one request).
 */
import type { PouchDatabase } from './pouch-types.ts';

/** What `revsDiff` is asked: document id → revisions. */
type RevsDiffRequest = Record<string, readonly string[]>;
/** What it answers: document id → the revisions missing (and possible ancestors). */
type RevsDiffAnswer = Record<string, { missing: readonly string[]; possible_ancestors?: string[] }>;

interface WithRevsDiff {
  revsDiff(request: RevsDiffRequest, ...rest: unknown[]): Promise<RevsDiffAnswer>;
}

/** Replaces `db.revsDiff` by the batched one (see the module comment); returns `db`. */
export function batchRevsDiff<T extends PouchDatabase>(db: T): T {
  const target = db as unknown as WithRevsDiff;
  const original = target.revsDiff.bind(db);
  target.revsDiff = async (request: RevsDiffRequest, ...rest: unknown[]) => {
    // Called with options or a callback: PouchDB's own, unchanged.
    if (rest.length > 0 || typeof request !== 'object' || request === null)
      return original(request, ...rest);
    const ids = Object.keys(request);
    if (ids.length === 0) return original(request);
    const found = await db.allDocs({ keys: ids });
    const answer: RevsDiffAnswer = {};
    const known: RevsDiffRequest = {};
    ids.forEach((id, i) => {
      const row = found.rows[i];
      if (row?.key === id && row.error === 'not_found') answer[id] = { missing: request[id]! };
      else known[id] = request[id]!;
    });
    return Object.keys(known).length === 0 ? answer : { ...answer, ...(await original(known)) };
  };
  return db;
}
