/**
 * The messages between the page's stand-in for PouchDB (`pouch-proxy.ts`)
 * and the PouchDB that runs in a worker (`pouch-host.ts`), and how values
 * that cannot cross a `postMessage` as they are (errors with CouchDB's
 * fields, functions) are sent.
 *
 * Page → worker: open a database, call one of its methods, take a layer's
 * snapshot first pull, start a changes feed, a pull (`replicate.from`) or a
 * sync, cancel one. Worker → page: one message holding, in the
 * order they happened, the replies and the events since the last message
 * (a sync's `paused` and its direction's `paused` arrive together, as the
 * engine expects them: `sync-engine.ts` settles after both).
 */
import type { ReplicationFunctionName } from './replication-options.ts';

/** What both ends of the channel need: a `Worker`, a worker's `self`, or a `MessagePort`. */
export interface WirePort {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

/** A function named instead of sent (`REPLICATION_FUNCTIONS`). */
export interface NamedFunction {
  readonly fn: ReplicationFunctionName;
}

/** The methods of a database the page may call (`PouchDatabase`). */
export type WireMethod = 'get' | 'put' | 'bulkDocs' | 'allDocs' | 'info' | 'close' | 'destroy';

/** Page → worker. */
export type WireRequest =
  | {
      readonly t: 'open';
      readonly db: number;
      readonly name: string;
      readonly options?: Record<string, unknown>;
    }
  | {
      readonly t: 'call';
      readonly id: number;
      readonly db: number;
      readonly method: WireMethod;
      readonly args: readonly unknown[];
    }
  | { readonly t: 'changes'; readonly em: number; readonly db: number; readonly options: object }
  | {
      readonly t: 'pull';
      readonly em: number;
      readonly db: number;
      readonly remote: number;
      readonly options: Record<string, unknown>;
    }
  | {
      readonly t: 'sync';
      readonly em: number;
      readonly db: number;
      readonly remote: number;
      readonly options: Record<string, unknown>;
    }
  | {
      /**
       * The snapshot first pull of `db` from `remote` (snapshot-pull.ts),
       * answered as a call; with `em`, its documents are sent as they are
       * written, as `change` events (`{ id, doc }`, like a changes feed's) of
       * that emitter, all before the answer.
       */
      readonly t: 'snapshot';
      readonly id: number;
      readonly db: number;
      readonly remote: number;
      readonly em?: number;
    }
  | { readonly t: 'cancel'; readonly em: number };

/** Which emitter of a sync an event came from: the sync itself or one direction. */
export type WirePart = 'self' | 'push' | 'pull';

/** One thing that happened in the worker. */
export type WireItem =
  | { readonly t: 'reply'; readonly id: number; readonly value: unknown }
  | { readonly t: 'fail'; readonly id: number; readonly error: WireError }
  | {
      readonly t: 'event';
      readonly em: number;
      readonly part: WirePart;
      readonly name: string;
      readonly args: readonly unknown[];
    };

/** Worker → page: what happened since the last message, in order. */
export interface WireBatch {
  readonly t: 'batch';
  readonly items: readonly WireItem[];
}

/**
 * A batch as posted: JSON text. A first replication sends the page every
 * document it receives (10,000 annotations, 5 MB), and the page's thread
 * pays for each message it takes in: structured-clone deserialization of
 * documents costs it several times what `JSON.parse` of the same documents
 * does (`app/annotations/stored-set-protocol.ts` measured 60–165 ms per
 * 1,000 records). Everything a batch carries is JSON already: CouchDB
 * documents (the replica never asks for attachments' data), PouchDB's
 * answers and events, and errors as `WireError`. A batch JSON cannot
 * carry (it throws: a cycle, a BigInt) goes as it is.
 */
export function toWireBatch(items: readonly WireItem[]): string | WireBatch {
  const batch: WireBatch = { t: 'batch', items };
  try {
    return JSON.stringify(batch);
  } catch {
    return batch;
  }
}

/** A batch as received (`toWireBatch`), or `null` when the message is none. */
export function fromWireBatch(data: unknown): WireBatch | null {
  const batch = (typeof data === 'string' ? JSON.parse(data) : data) as WireBatch | null;
  return typeof batch === 'object' && batch !== null && batch.t === 'batch' ? batch : null;
}

/** An error as sent: its name, message and CouchDB's fields (`status`, `reason`, `id`…). */
export interface WireError {
  readonly wireError: true;
  readonly name: string;
  readonly message: string;
  readonly fields: Record<string, string | number | boolean | null>;
}

/** The events a changes feed and a sync (and each of its directions) pass on. */
export const WIRE_EVENTS = ['change', 'complete', 'paused', 'active', 'denied', 'error'] as const;

function isErrorLike(value: unknown): value is Record<string, unknown> {
  return (
    value instanceof Error ||
    (typeof value === 'object' &&
      value !== null &&
      'message' in value &&
      ('status' in value || 'error' in value || 'reason' in value))
  );
}

/** `error` as it can be sent: its own plain fields kept (a PouchDB error's `status`, `reason`…). */
export function toWireError(error: unknown): WireError {
  const fields: WireError['fields'] = {};
  let name = 'Error';
  let message = String(error);
  if (typeof error === 'object' && error !== null) {
    const e = error as Record<string, unknown>;
    for (const [key, value] of Object.entries(e))
      if (
        value === null ||
        typeof value === 'string' ||
        typeof value === 'number' ||
        typeof value === 'boolean'
      )
        fields[key] = value;
    if (typeof e['name'] === 'string') name = e['name'];
    if (typeof e['message'] === 'string') message = e['message'];
  }
  return { wireError: true, name, message, fields };
}

/** The error the page sees: an `Error` with the sent fields on it. */
export function fromWireError(wire: WireError): Error {
  const error = new Error(wire.message);
  Object.assign(error, wire.fields);
  error.name = wire.name;
  return error;
}

/**
 * An event's arguments as sent: errors as `WireError`, and a replication's
 * progress without the documents it wrote (`change.docs`: the page reads
 * documents from the changes feed, not from these) but with their ids and
 * revisions (`change.written`: what a push has sent, for the cards' "not yet
 * synced").
 */
export function toWireArgs(name: string, args: readonly unknown[]): unknown[] {
  return args.map((arg) => {
    if (arg === undefined || arg === null) return arg;
    if (isErrorLike(arg)) return toWireError(arg);
    if (name !== 'change' && name !== 'complete') return arg;
    return withoutDocs(arg);
  });
}

function withoutDocs(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === 'docs' && Array.isArray(v)) {
      out['written'] = v.map((d: { _id?: unknown; _rev?: unknown }) => ({
        id: String(d._id),
        rev: String(d._rev),
      }));
      continue;
    }
    if (key === 'errors' && Array.isArray(v)) out[key] = v.map((e) => toWireError(e));
    else if (key === 'change' || key === 'push' || key === 'pull') out[key] = withoutDocs(v);
    else out[key] = v;
  }
  return out;
}

/** Whether a received value is a sent error. */
export function isWireError(value: unknown): value is WireError {
  return typeof value === 'object' && value !== null && (value as WireError).wireError === true;
}
