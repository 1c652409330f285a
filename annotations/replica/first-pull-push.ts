/**
 * Where a layer's push may start after its first pull into an empty
 * replica, so that it does not walk the documents that pull has just
 * brought from the server.
 *
 * Why: after a layer's first pull (`pullFirst` in `sync-engine.ts`) the
 * two-way sync's push starts from its checkpoint, 0 on a new device, and
 * walks every document in the local database — the 10,000 the pull wrote
 * among them — reading each from IndexedDB and asking the server
 * (`_revs_diff`, 2,000 at a time, a checkpoint after each) whether it has
 * them, which it has: it sent them. In the first replication of 10,000
 * that walk ran beside the hand-over to the reader, on the same two cores
 * (bench/trace-sync-replication.ts).
 *
 * When it is safe: the local database was empty when the pull started
 * (update sequence 0: nothing in it that the server might lack), and after
 * the pull its update sequence is exactly the number of documents the pull
 * wrote. Every document revision written locally takes one sequence number,
 * so nothing else (the reader's change during the pull, a conflict tidied
 * away, another tab's write) was written meanwhile; everything up to that
 * sequence is on the server. The push then starts there (PouchDB's `since`,
 * which also writes it as the push's checkpoint) and sends whatever is
 * written after it, as always. In any other case (a replica that held
 * something, a write beside the pull, a pull that failed or stopped) the
 * push walks from its checkpoint, as before.
 *
 * Not for: a pull that did not reach the server's present (it is only
 * asked after one that caught up).
 */

import type { PouchDatabase } from './pouch-types.ts';

/** A local database's update sequence, as PouchDB's `info()` gives it. */
export type UpdateSeq = number | string;

/** `db`'s update sequence, or `null` when it cannot be read (the push then walks as before). */
export async function updateSeq(db: PouchDatabase): Promise<UpdateSeq | null> {
  try {
    return (await db.info()).update_seq;
  } catch {
    return null;
  }
}

/**
 * The sequence the push may start after (see the module comment), or
 * `undefined` to let it start from its checkpoint.
 */
export function pushStartAfterFirstPull(
  before: UpdateSeq | null,
  after: UpdateSeq | null,
  written: number,
): number | undefined {
  if (before !== 0 || typeof after !== 'number') return undefined;
  if (!Number.isInteger(written) || written <= 0 || after !== written) return undefined;
  return after;
}
