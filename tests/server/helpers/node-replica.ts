/**
 * A Node replica for tests and benches: PouchDB (LevelDB in a temporary
 * folder), the same replication code the browser client runs, talking to
 * the sync server over HTTP with a user's name and password.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
/** PouchDB's constructor (CommonJS; the Node build with LevelDB and HTTP adapters). */
export const PouchDBNode = require('pouchdb') as new (name: string, options?: object) => Db;

/** A replication in progress (an event emitter and a promise). */
export interface Replication extends PromiseLike<unknown> {
  on(event: 'change', listener: (info: { docs_written: number }) => void): this;
  on(event: string, listener: (...args: unknown[]) => void): this;
  cancel(): void;
}

/** The part of PouchDB's database API the tests and benches use. */
export interface Db {
  bulkDocs(docs: readonly object[]): Promise<unknown[]>;
  put(doc: object): Promise<{ id: string; rev: string }>;
  get(id: string, options?: object): Promise<Record<string, unknown>>;
  allDocs(options?: object): Promise<{
    total_rows: number;
    rows: { id: string; value: { rev: string }; doc?: Record<string, unknown> }[];
  }>;
  info(): Promise<{ doc_count: number; update_seq: number | string }>;
  close(): Promise<void>;
  replicate: {
    to(target: Db, options?: object): Replication;
    from(source: Db, options?: object): Replication;
  };
  sync(other: Db, options?: object): Replication;
}

/**
 * PouchDB 9's replicator calls `src.info().then(…)` after each batch with no
 * rejection handler (pouchdb/lib/index.js, \`writeDocs\` → progress
 * update), so when the server dies mid-pull, Node reports an unhandled
 * rejection although the replication itself fails cleanly. This makes the
 * promises `info()` returns mark what is chained on them as handled; the
 * replication still sees every error through its own promise. Tests only;
 * mutates `db`.
 */
function quietenInfo(db: Db): void {
  const info = db.info.bind(db);
  class Quiet<T> extends Promise<T> {
    override then<A = T, B = never>(
      onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
      onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
    ): Promise<A | B> {
      const next = super.then(onFulfilled, onRejected);
      // Marks the chain handled; the caller still gets `next` and its rejection.
      void Promise.prototype.then.call(next, undefined, () => undefined);
      return next;
    }
  }
  (db as { info: () => Promise<unknown> }).info = () =>
    new Quiet((resolve, reject) => void info().then(resolve, reject));
}

/** A local replica and the remote database it syncs with. */
export interface NodeReplica {
  readonly local: Db;
  readonly remote: Db;
  /** Closes both and removes the local folder. */
  dispose(): Promise<void>;
}

/** Opens a fresh local replica of `database` on `couchUrl` as `user`. */
export function openReplica(
  couchUrl: string,
  database: string,
  user: { readonly name: string; readonly password: string },
): NodeReplica {
  const dir = mkdtempSync(join(tmpdir(), 'diptych-replica-'));
  const local = new PouchDBNode(join(dir, 'db'));
  const remote = new PouchDBNode(`${couchUrl}${database}`, {
    auth: { username: user.name, password: user.password },
    skip_setup: true,
  });
  quietenInfo(remote);
  return {
    local,
    remote,
    async dispose() {
      await local.close().catch(() => undefined);
      await remote.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
