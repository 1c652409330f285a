/**
 * The part of PouchDB's API the replica uses, typed here rather than with
 * `@types/pouchdb` (which lags PouchDB 9 and types far more than we touch).
 * The browser passes PouchDB's browser build (IndexedDB and HTTP adapters);
 * Node tests pass the Node build.
 */
import type { SnapshotDocs, SnapshotResult } from './snapshot-pull.ts';

/** A stored document as PouchDB returns it. */
export type PouchDoc = Record<string, unknown> & {
  readonly _id: string;
  readonly _rev: string;
  readonly _deleted?: boolean;
  readonly _conflicts?: readonly string[];
};

/** One row of a changes feed. */
export interface PouchChange {
  readonly id: string;
  readonly seq: number | string;
  readonly deleted?: boolean;
  readonly doc?: PouchDoc;
}

/** An event emitter with `cancel` (a live changes feed or a live sync). */
export interface PouchEmitter {
  on(event: string, listener: (...args: never[]) => void): this;
  cancel(): void;
}

/** A live two-way sync: the emitter, and each direction's own replication. */
export interface PouchSync extends PouchEmitter {
  readonly push: PouchEmitter;
  readonly pull: PouchEmitter;
}

/** What `bulkDocs` answers per document. */
export type BulkResult =
  | { readonly ok: true; readonly id: string; readonly rev: string }
  | {
      readonly error: string;
      readonly id?: string;
      readonly reason?: string;
      readonly status?: number;
    };

/** A database (local or remote). */
export interface PouchDatabase {
  /**
   * Only on the page's stand-in for PouchDB in the sync worker: the snapshot
   * first pull from `remote` run there (snapshot-pull.ts, `takeSnapshot`),
   * its documents sent to `onDocs` as they are written.
   */
  snapshotFrom?(remote: PouchDatabase, onDocs?: SnapshotDocs): Promise<SnapshotResult | null>;
  get(id: string, options?: { rev?: string; conflicts?: boolean }): Promise<PouchDoc>;
  put(doc: object): Promise<{ ok: boolean; id: string; rev: string }>;
  bulkDocs(docs: readonly object[]): Promise<BulkResult[]>;
  allDocs(options: {
    keys?: readonly string[];
    include_docs?: boolean;
    conflicts?: boolean;
  }): Promise<{
    rows: {
      id?: string;
      key: string;
      value?: { rev: string; deleted?: boolean };
      doc?: PouchDoc | null;
      error?: string;
    }[];
  }>;
  /** The database's update sequence (a number locally) and document count. */
  info(): Promise<{ readonly update_seq: number | string; readonly doc_count: number }>;
  changes(options: object): PouchEmitter;
  /** One-way replication into this database (`replicate.from`): the engine's first pull of a layer. */
  readonly replicate: { from(remote: PouchDatabase, options: object): PouchEmitter };
  sync(remote: PouchDatabase, options: object): PouchSync;
  close(): Promise<void>;
  /**
   * Deletes the database and everything in it (locally: its IndexedDB or LevelDB store), and
   * closes it: the handle is not used after. The engine's `leaveGroup` with removal.
   */
  destroy(): Promise<void>;
}

/** PouchDB's constructor. */
export type PouchConstructor = new (
  name: string,
  options?: {
    fetch?: (url: string | URL, init?: RequestInit) => Promise<Response>;
    skip_setup?: boolean;
    adapter?: string;
  },
) => PouchDatabase;
