/**
 * A layer's first pull into an EMPTY replica as a snapshot: the server's
 * documents read from its `_changes` feed with their bodies, a page at a
 * time, and written into the local database as they are (`bulkDocs` with
 * `new_edits: false`), instead of PouchDB's replication asking, for every
 * batch, which revisions the replica lacks (`revsDiff`) and fetching each
 * document with its history (`_bulk_get`).
 *
 * Why: PouchDB's own `replicate.from` of 10,000 annotations into an empty
 * IndexedDB costs 12.5-14.7 core-seconds on this machine (the server's
 * per-document reads for `_bulk_get`, the revision trees merged one by one,
 * the `revsDiff` reads), 4.7x the localStorage path before the page has
 * checked anything; this snapshot cost 7.6-9.5 (bench/cpu-sync-replication.ts
 * `--floor --snapshot`, docs/sync.md "Where a first replication's time goes").
 *
 * What is written: each document's current revision, without its history
 * (`_changes` gives no `_revisions`): the replica's revision tree for it
 * starts at that revision, as a stemmed tree does on CouchDB, and later
 * revisions (from the server, or made here) grow from it. Every leaf is
 * kept: a document with more than one (a conflict, or a deleted branch:
 * `style=all_docs` lists them all) has each fetched with its history
 * (`bulkGet` with `revs`, CouchDB 3's `_bulk_get`), so its conflict
 * survives as it would through replication; so has a document that comes
 * again in a later page (changed on the server meanwhile), so that its new
 * revision joins the one written before instead of standing beside it as a
 * false conflict. Deleted documents come too (a tombstone must reach the
 * reader: otherwise an annotation this browser still holds would be
 * written back).
 *
 * The documents go to the page as they are written (`onDocs`, after each
 * page's write): each at the revision written, a document with more than
 * one leaf, or one written again, as the replica now holds it (its winner
 * with `_conflicts`, read back). Why: otherwise the layer's changes feed
 * read all 10,000 back from IndexedDB, in the worker, to send them to the
 * page (the engine starts that feed after the snapshot instead, from the
 * sequence it ended at: `seq`).
 *
 * After it, the pull goes on with PouchDB's replication from the server's
 * update sequence read BEFORE the snapshot (`since`): what changed while
 * the snapshot was read comes again, with its history, and is merged
 * (writing a revision the replica has is a no-op).
 *
 * Not for: a replica that holds anything (its update sequence is not 0):
 * that answers `null` and the pull is PouchDB's. Any failure throws; the
 * caller then pulls with PouchDB's replication, which finds whatever was
 * written already.
 */
import type { PouchDatabase, PouchDoc } from './pouch-types.ts';

/** Changes (documents) read per request, and written per `bulkDocs`. */
export const SNAPSHOT_PAGE = 2000;

/** What a snapshot did. */
export interface SnapshotResult {
  /** The server's update sequence read before the snapshot: where the pull goes on from. */
  readonly since: number | string;
  /** Revisions written locally: each took one local sequence number (first-pull-push.ts). */
  readonly written: number;
  /**
   * The local update sequence after the last write: equal to `written` when
   * nothing but the snapshot wrote to the replica (it was empty), so a
   * changes feed from there brings exactly what the snapshot did not hand over.
   */
  readonly seq: number | string;
}

/** Receives the documents of each page as written (`onDocs` of `snapshotPull`). */
export type SnapshotDocs = (docs: readonly PouchDoc[]) => void;

/** One row of the server's `_changes` with `style=all_docs&include_docs=true&conflicts=true`. */
interface ChangeRow {
  readonly id: string;
  readonly changes: readonly { readonly rev: string }[];
  readonly doc?: PouchDoc | null;
}

/** What the snapshot asks of the server's database: `info`, `changes`, `bulkGet` (PouchDB's HTTP adapter). */
interface SnapshotSource {
  info(): Promise<{ readonly update_seq: number | string }>;
  changes(options: object): PromiseLike<{
    readonly results: readonly ChangeRow[];
    readonly last_seq: number | string;
  }>;
  bulkGet(options: { docs: readonly { id: string; rev: string }[]; revs: boolean }): Promise<{
    results: readonly {
      id: string;
      docs: readonly ({ ok: PouchDoc } | { error: { error?: string; reason?: string } })[];
    }[];
  }>;
}

/** What it asks of the local database. */
interface SnapshotTarget {
  info(): Promise<{ readonly update_seq: number | string }>;
  bulkDocs(docs: readonly object[], options: { new_edits: false }): Promise<readonly object[]>;
  allDocs: PouchDatabase['allDocs'];
}

/**
 * The documents `ids` as the replica holds them: the winner with its
 * `_conflicts`, as the layer's changes feed (`include_docs`, `conflicts`)
 * would give it; a deleted winner as its tombstone.
 */
async function readBack(target: SnapshotTarget, ids: readonly string[]): Promise<PouchDoc[]> {
  const got = await target.allDocs({ keys: ids, include_docs: true, conflicts: true });
  const docs: PouchDoc[] = [];
  for (const row of got.rows) {
    if (row.doc) docs.push(row.doc);
    else if (row.value?.deleted)
      docs.push({ _id: row.key, _rev: row.value.rev, _deleted: true } as PouchDoc);
  }
  return docs;
}

/** A document as written: without `_conflicts`, which is the server's view, not content. */
function asStored(doc: PouchDoc): PouchDoc {
  const { _conflicts: _, ...rest } = doc;
  return rest as PouchDoc;
}

/**
 * Pulls everything the server's database has into `local`, which must be
 * empty (see the module comment); `null` when it is not.
 */
export async function snapshotPull(
  local: PouchDatabase,
  remote: PouchDatabase,
  pageSize = SNAPSHOT_PAGE,
  onDocs?: SnapshotDocs,
): Promise<SnapshotResult | null> {
  const target = local as unknown as SnapshotTarget;
  const source = remote as unknown as SnapshotSource;
  if ((await target.info()).update_seq !== 0) return null;
  const since = (await source.info()).update_seq;
  /** The revisions written so far, per document. */
  const written = new Map<string, Set<string>>();
  let count = 0;
  let cursor: number | string = 0;
  for (;;) {
    const page = await source.changes({
      since: cursor,
      limit: pageSize,
      batch_size: pageSize,
      style: 'all_docs',
      include_docs: true,
      conflicts: true,
    });
    const docs: PouchDoc[] = [];
    const withHistory: { id: string; rev: string }[] = [];
    for (const row of page.results) {
      const leaves = row.changes.map((c) => c.rev);
      const before = written.get(row.id);
      if (!before && leaves.length === 1 && row.doc && row.doc._rev === leaves[0]) {
        docs.push(asStored(row.doc));
        continue;
      }
      for (const rev of leaves) if (!before?.has(rev)) withHistory.push({ id: row.id, rev });
    }
    /** `docs[0, plain)` are written as the server sent them; the rest come with their history. */
    const plain = docs.length;
    if (withHistory.length > 0) {
      const got = await source.bulkGet({ docs: withHistory, revs: true });
      for (const result of got.results)
        for (const entry of result.docs) {
          if (!('ok' in entry))
            throw new Error(`snapshot: ${result.id} could not be read (${entry.error.error})`);
          docs.push(asStored(entry.ok));
        }
    }
    if (docs.length > 0) {
      const results = await target.bulkDocs(docs, { new_edits: false });
      const failed = results.find((r) => 'error' in r);
      if (failed)
        throw new Error(`snapshot: a document was not written (${JSON.stringify(failed)})`);
      for (const doc of docs) {
        const revs = written.get(doc._id) ?? new Set<string>();
        revs.add(doc._rev);
        written.set(doc._id, revs);
      }
      count += docs.length;
      if (onDocs) {
        const mixed = [...new Set(withHistory.map((d) => d.id))];
        onDocs(
          mixed.length === 0 ? docs : [...docs.slice(0, plain), ...(await readBack(target, mixed))],
        );
      }
    }
    cursor = page.last_seq;
    if (page.results.length < pageSize) break;
  }
  return { since, written: count, seq: (await target.info()).update_seq };
}

/**
 * Where the layer's changes feed starts after a snapshot that handed its
 * documents to the page: where the snapshot ended when every local
 * sequence number up to there is one of its writes (the replica was empty
 * and nothing else wrote meanwhile), else at the start (0), skipping any
 * change whose state the snapshot handed over (`handedState`). Either way
 * every document reaches the page, and no state of it twice.
 */
export function feedStartAfterSnapshot(snapshot: SnapshotResult | null): number {
  return snapshot !== null && typeof snapshot.seq === 'number' && snapshot.seq === snapshot.written
    ? snapshot.seq
    : 0;
}

/** A document's state as the page is given it: its winning revision and its conflicts. */
export function handedState(doc: PouchDoc): string {
  return `${doc._rev} ${(doc._conflicts ?? []).join(' ')}`;
}

/** The snapshot where `local` runs it: in the sync worker for the page's stand-in, here otherwise. */
export function takeSnapshot(
  local: PouchDatabase,
  remote: PouchDatabase,
  onDocs?: SnapshotDocs,
): Promise<SnapshotResult | null> {
  return local.snapshotFrom
    ? local.snapshotFrom(remote, onDocs)
    : snapshotPull(local, remote, SNAPSHOT_PAGE, onDocs);
}
