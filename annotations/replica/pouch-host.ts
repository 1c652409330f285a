/**
 * The worker's end of the replica's PouchDB (`pouch-proxy.ts` is the
 * page's): opens the databases the page names, runs their methods, changes
 * feeds and syncs, and sends back replies and events (`pouch-wire.ts`).
 *
 * Why a worker: the first replication of 10,000 annotations is PouchDB's
 * work — parsing the server's answers, merging revision trees, writing and
 * reading IndexedDB — and on the page's thread it held that thread for
 * most of the replication (bench/trace-sync-replication.ts). Here it runs
 * beside the page, which only receives the documents.
 *
 * What it is for: carrying calls and events. Not for: deciding anything
 * about the documents (the engine on the page checks each one).
 */
import type { PouchConstructor, PouchDatabase, PouchEmitter, PouchSync } from './pouch-types.ts';
import {
  toWireArgs,
  toWireBatch,
  toWireError,
  WIRE_EVENTS,
  type NamedFunction,
  type WireItem,
  type WirePart,
  type WirePort,
  type WireRequest,
} from './pouch-wire.ts';
import { batchRevsDiff } from './local-revs-diff.ts';
import { REPLICATION_FUNCTIONS } from './replication-options.ts';
import { SNAPSHOT_PAGE, snapshotPull } from './snapshot-pull.ts';

/**
 * Events are sent at most this long after they happen, several to a
 * message: a first replication's feed brings thousands of documents, one
 * event each, and the page handles one message per task.
 */
const EVENT_BATCH_MS = 10;
/**
 * A message is sent before it holds more `change` events than this (each
 * can carry a document): the page parses a message and hands its events to
 * the engine in one task, and a first pull's 2,000 documents in one message
 * were a task of 60-90 ms (bench/trace-sync-replication.ts). Only ever
 * before a `change`, so events emitted together without documents between
 * them (a sync's `paused` and its direction's) still arrive together.
 */
const EVENT_BATCH_CHANGES = 200;

/** Options with named functions (`{ fn }`) replaced by the functions. */
function withFunctions(options: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options ?? {})) {
    const name = (value as Partial<NamedFunction> | null)?.fn;
    out[key] =
      typeof value === 'object' && value !== null && name !== undefined
        ? REPLICATION_FUNCTIONS[name]
        : value;
  }
  return out;
}

/** Serves PouchDB (the worker's build) to the page over `port`. */
export function hostPouch(port: WirePort, PouchDB: PouchConstructor): void {
  const dbs = new Map<number, PouchDatabase>();
  const emitters = new Map<number, PouchEmitter>();
  let outbox: WireItem[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** `change` events in `outbox`. */
  let changes = 0;

  function flush(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    changes = 0;
    if (outbox.length === 0) return;
    const items = outbox;
    outbox = [];
    port.postMessage(toWireBatch(items));
  }

  /** Queues an event (sent within `EVENT_BATCH_MS`). */
  function event(em: number, part: WirePart, name: string, args: readonly unknown[]): void {
    if (name === 'change') {
      if (changes === EVENT_BATCH_CHANGES) flush();
      changes += 1;
    }
    outbox.push({ t: 'event', em, part, name, args: toWireArgs(name, args) });
    timer ??= setTimeout(flush, EVENT_BATCH_MS);
  }

  /** Sends a reply at once, after the events before it. */
  function reply(item: WireItem): void {
    outbox.push(item);
    flush();
  }

  function forward(em: number, part: WirePart, emitter: PouchEmitter): void {
    for (const name of WIRE_EVENTS)
      emitter.on(name, (...args: never[]) => event(em, part, name, args));
  }

  function database(id: number): PouchDatabase {
    const db = dbs.get(id);
    if (!db) throw new Error(`no database ${id} is open in the sync worker`);
    return db;
  }

  async function call(request: Extract<WireRequest, { t: 'call' }>): Promise<void> {
    try {
      const db = database(request.db);
      const method = db[request.method] as (...args: unknown[]) => Promise<unknown>;
      const value = await method.apply(db, [...request.args]);
      // Closed or destroyed: the handle is done with (a destroyed database's name may be opened anew).
      if (request.method === 'close' || request.method === 'destroy') dbs.delete(request.db);
      reply({ t: 'reply', id: request.id, value });
    } catch (error) {
      reply({ t: 'fail', id: request.id, error: toWireError(error) });
    }
  }

  async function snapshot(request: Extract<WireRequest, { t: 'snapshot' }>): Promise<void> {
    try {
      const { em } = request;
      const value = await snapshotPull(
        database(request.db),
        database(request.remote),
        SNAPSHOT_PAGE,
        em === undefined
          ? undefined
          : (docs) => {
              // One `change` each, as the feed sends them: a message holds at most `EVENT_BATCH_CHANGES`.
              for (const doc of docs) event(em, 'self', 'change', [{ id: doc._id, doc }]);
            },
      );
      reply({ t: 'reply', id: request.id, value });
    } catch (error) {
      reply({ t: 'fail', id: request.id, error: toWireError(error) });
    }
  }

  function handle(request: WireRequest): void {
    switch (request.t) {
      case 'open': {
        const db = new PouchDB(request.name, withFunctions(request.options));
        // A local database (a server's is named by its URL): the pull's revsDiff in one read.
        dbs.set(request.db, request.name.includes('://') ? db : batchRevsDiff(db));
        return;
      }
      case 'call':
        void call(request);
        return;
      case 'snapshot':
        void snapshot(request);
        return;
      case 'changes': {
        const feed = database(request.db).changes(request.options);
        emitters.set(request.em, feed);
        forward(request.em, 'self', feed);
        return;
      }
      case 'pull': {
        const pull = database(request.db).replicate.from(
          database(request.remote),
          withFunctions(request.options),
        );
        emitters.set(request.em, pull);
        forward(request.em, 'self', pull);
        return;
      }
      case 'sync': {
        const sync: PouchSync = database(request.db).sync(
          database(request.remote),
          withFunctions(request.options),
        );
        emitters.set(request.em, sync);
        forward(request.em, 'self', sync);
        forward(request.em, 'push', sync.push);
        forward(request.em, 'pull', sync.pull);
        return;
      }
      case 'cancel':
        emitters.get(request.em)?.cancel();
        emitters.delete(request.em);
        return;
    }
  }

  port.onmessage = (message: MessageEvent) => {
    const request = message.data as WireRequest;
    try {
      handle(request);
    } catch (error) {
      // A feed or sync that could not start: its emitter on the page hears why.
      if (request.t === 'changes' || request.t === 'pull' || request.t === 'sync')
        event(request.em, 'self', 'error', [error]);
      else console.error('The sync worker could not do', request.t, error);
    }
  };
}
