/**
 * The two functions the replica hands PouchDB: how requests to the server
 * are made, and how long a failed replication waits before trying again.
 * Named here, once, because PouchDB may run in a worker (`pouch-proxy.ts`):
 * a function cannot be sent there, so the page names it and the worker
 * looks it up in `REPLICATION_FUNCTIONS`.
 */
import { couchFetch } from './couch-session.ts';

/** How long a live `_changes` long poll may take: up to the heartbeat (25 s) and a margin. */
const LONG_POLL_TIMEOUT_MS = 90_000;

/**
 * `fetch` for a remote database: the session cookie and a time limit. Long
 * polls wait up to the heartbeat; anything else answers quickly or the
 * server is unreachable.
 */
export function replicationFetch(url: string | URL, init?: RequestInit): Promise<Response> {
  return couchFetch(
    url,
    init ?? {},
    String(url).includes('_changes') ? LONG_POLL_TIMEOUT_MS : undefined,
  );
}

/** PouchDB's `back_off_function`: 1 s after the first failure, doubling up to 30 s. */
export function replicationBackOff(delay: number): number {
  return delay === 0 ? 1000 : Math.min(delay * 2, 30_000);
}

/** The functions an option may name when PouchDB runs elsewhere, by name. */
export const REPLICATION_FUNCTIONS = {
  replicationFetch,
  replicationBackOff,
} as const;

/** A function `REPLICATION_FUNCTIONS` names. */
export type ReplicationFunctionName = keyof typeof REPLICATION_FUNCTIONS;
