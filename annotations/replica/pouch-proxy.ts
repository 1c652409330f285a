/**
 * PouchDB on the page, run in a worker: a `PouchConstructor` whose
 * databases, changes feeds and syncs are stand-ins for the real ones in
 * the worker at the other end of `port` (`pouch-host.ts`; the messages are
 * `pouch-wire.ts`). The engine (`sync-engine.ts`) uses it as it would use
 * PouchDB: the same calls, the same events in the same order.
 *
 * Options that are functions cannot cross to the worker: those the replica
 * uses are named (`REPLICATION_FUNCTIONS`), any other is refused at once
 * rather than silently dropped.
 *
 * What it is for: keeping PouchDB's work off the page's thread. Not for:
 * any rule about documents (the engine's).
 */
import type {
  BulkResult,
  PouchConstructor,
  PouchDatabase,
  PouchDoc,
  PouchEmitter,
  PouchSync,
} from './pouch-types.ts';
import {
  fromWireBatch,
  fromWireError,
  isWireError,
  type WireItem,
  type WireMethod,
  type WirePart,
  type WirePort,
  type WireRequest,
} from './pouch-wire.ts';
import { REPLICATION_FUNCTIONS, type ReplicationFunctionName } from './replication-options.ts';
import type { SnapshotDocs, SnapshotResult } from './snapshot-pull.ts';

/** The page's PouchDB in a worker, and a way to stop every call and feed when the worker fails. */
export interface PouchProxy {
  readonly PouchDB: PouchConstructor;
  /** The worker stopped (`reason` says why): pending calls reject, feeds and syncs emit `error`. */
  fail(reason: string): void;
}

type Listener = (...args: never[]) => void;

/** An emitter on the page that the worker's events feed. */
class ProxyEmitter implements PouchEmitter {
  private readonly listeners = new Map<string, Listener[]>();
  constructor(private readonly onCancel: () => void) {}
  on(event: string, listener: Listener): this {
    const list = this.listeners.get(event) ?? [];
    list.push(listener);
    this.listeners.set(event, list);
    return this;
  }
  cancel(): void {
    this.onCancel();
  }
  /** Calls the listeners of `event` in the order they were added (a listener's failure stops none). */
  emit(event: string, args: readonly unknown[]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      try {
        (listener as (...a: unknown[]) => void)(...args);
      } catch (error) {
        console.error(`A replica ${event} listener failed`, error);
      }
    }
  }
}

/** Options as sent: the functions the replica uses named, any other refused. */
function namedFunctions(options: object | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const names = Object.entries(REPLICATION_FUNCTIONS) as [ReplicationFunctionName, unknown][];
  for (const [key, value] of Object.entries(options ?? {})) {
    if (typeof value !== 'function') {
      out[key] = value;
      continue;
    }
    const named = names.find(([, fn]) => fn === value);
    if (!named)
      throw new TypeError(
        `the option ${key} is a function the sync worker does not know (see REPLICATION_FUNCTIONS)`,
      );
    out[key] = { fn: named[0] };
  }
  return out;
}

/** PouchDB through `port` (see the module comment). */
export function pouchProxy(port: WirePort): PouchProxy {
  let next = 1;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  /** Live emitters by id: a feed (`self`) or a sync with its two directions. */
  const emitters = new Map<number, Partial<Record<WirePart, ProxyEmitter>>>();
  let failure: string | null = null;

  const send = (request: WireRequest): void => port.postMessage(request);

  port.onmessage = (message: MessageEvent) => {
    const batch = fromWireBatch(message.data);
    const items: readonly WireItem[] = batch?.t === 'batch' ? batch.items : [];
    for (const item of items) {
      if (item.t === 'event') {
        const args = item.args.map((a) => (isWireError(a) ? fromWireError(a) : a));
        emitters.get(item.em)?.[item.part]?.emit(item.name, args);
        continue;
      }
      const waiting = pending.get(item.id);
      pending.delete(item.id);
      if (!waiting) continue;
      if (item.t === 'reply') waiting.resolve(item.value);
      else waiting.reject(fromWireError(item.error));
    }
  };

  /** Sends the request `make(id)` and resolves with its reply. */
  function ask(make: (id: number) => WireRequest): Promise<never> {
    if (failure !== null) return Promise.reject(new Error(failure));
    const id = next++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      send(make(id));
    });
  }

  function call(db: number, method: WireMethod, args: readonly unknown[]): Promise<never> {
    return ask((id) => ({ t: 'call', id, db, method, args }));
  }

  function emitter(parts: readonly WirePart[]): {
    em: number;
    made: Record<WirePart, ProxyEmitter>;
  } {
    const em = next++;
    const cancel = (): void => {
      if (!emitters.delete(em)) return;
      if (failure === null) send({ t: 'cancel', em });
    };
    const made = {} as Record<WirePart, ProxyEmitter>;
    for (const part of parts) made[part] = new ProxyEmitter(cancel);
    emitters.set(em, made);
    return { em, made };
  }

  class ProxyDatabase implements PouchDatabase {
    readonly db = next++;
    constructor(name: string, options?: object) {
      send({ t: 'open', db: this.db, name, options: namedFunctions(options) });
    }
    get(id: string, options?: { rev?: string; conflicts?: boolean }): Promise<PouchDoc> {
      return call(this.db, 'get', options === undefined ? [id] : [id, options]);
    }
    put(doc: object): Promise<{ ok: boolean; id: string; rev: string }> {
      return call(this.db, 'put', [doc]);
    }
    bulkDocs(docs: readonly object[]): Promise<BulkResult[]> {
      return call(this.db, 'bulkDocs', [docs]);
    }
    allDocs(
      options: Parameters<PouchDatabase['allDocs']>[0],
    ): ReturnType<PouchDatabase['allDocs']> {
      return call(this.db, 'allDocs', [options]);
    }
    info(): ReturnType<PouchDatabase['info']> {
      return call(this.db, 'info', []);
    }
    snapshotFrom(remote: PouchDatabase, onDocs?: SnapshotDocs): Promise<SnapshotResult | null> {
      if (!(remote instanceof ProxyDatabase))
        return Promise.reject(
          new TypeError('a database in the sync worker takes a snapshot only of another one there'),
        );
      if (!onDocs) return ask((id) => ({ t: 'snapshot', id, db: this.db, remote: remote.db }));
      // The documents come as the events of an emitter of their own, all before the answer.
      const { em, made } = emitter(['self']);
      made.self.on('change', (change: { doc: PouchDoc }) => onDocs([change.doc]));
      const done = (): void => void emitters.delete(em);
      const answer: Promise<SnapshotResult | null> = ask((id) => ({
        t: 'snapshot',
        id,
        db: this.db,
        remote: remote.db,
        em,
      }));
      answer.then(done, done);
      return answer;
    }
    changes(options: object): PouchEmitter {
      const { em, made } = emitter(['self']);
      send({ t: 'changes', em, db: this.db, options });
      return made.self;
    }
    readonly replicate = {
      from: (remote: PouchDatabase, options: object): PouchEmitter => {
        if (!(remote instanceof ProxyDatabase))
          throw new TypeError('a database in the sync worker pulls only from another one there');
        const named = namedFunctions(options);
        const { em, made } = emitter(['self']);
        send({ t: 'pull', em, db: this.db, remote: remote.db, options: named });
        return made.self;
      },
    };
    sync(remote: PouchDatabase, options: object): PouchSync {
      if (!(remote instanceof ProxyDatabase))
        throw new TypeError('a database in the sync worker syncs only with another one there');
      const named = namedFunctions(options);
      const { em, made } = emitter(['self', 'push', 'pull']);
      send({ t: 'sync', em, db: this.db, remote: remote.db, options: named });
      return Object.assign(made.self, { push: made.push, pull: made.pull });
    }
    close(): Promise<void> {
      return call(this.db, 'close', []);
    }
    destroy(): Promise<void> {
      return call(this.db, 'destroy', []);
    }
  }

  return {
    PouchDB: ProxyDatabase,
    fail(reason) {
      if (failure !== null) return;
      failure = `the sync worker stopped (${reason})`;
      const error = new Error(failure);
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
      const stopped = [...emitters.values()];
      emitters.clear();
      for (const parts of stopped) parts.self?.emit('error', [error]);
    },
  };
}
