/**
 * Talking to a CouchDB server outside replication: finding the API root
 * from the address a reader types, signing in and out with a cookie
 * session, reading the reader's group hint, and asking one database whether
 * the reader may use it. Only standard CouchDB 3 endpoints (`GET /`,
 * `POST|GET|DELETE /_session`, `GET /_users/org.couchdb.user:<name>`,
 * `GET /<db>/`), as docs/sync.md lists them.
 *
 * The password goes into the one `POST _session` and is not kept: the
 * server answers with an HttpOnly `AuthSession` cookie, which the browser
 * keeps and sends (`credentials: 'include'`, so a reader served from another
 * origin works where the server allows it with CORS).
 */
import { GROUPS_FIELD } from '../sync/group-security.ts';

/** How long a request may take before the server counts as unreachable. */
export const REQUEST_TIMEOUT_MS = 15_000;

/** What a request to the server came to, in terms a reader understands. */
export type ServerProblem =
  | { readonly kind: 'unreachable'; readonly detail: string }
  | { readonly kind: 'wrong-password' }
  | { readonly kind: 'signed-out' }
  | { readonly kind: 'not-a-member'; readonly database: string }
  | { readonly kind: 'no-such-group'; readonly database: string };

/** `fetch` with the session cookie and a time limit (a hanging server must not hang the reader). */
export function couchFetch(
  url: string | URL,
  init: RequestInit = {},
  timeoutMs = REQUEST_TIMEOUT_MS,
): Promise<Response> {
  const controller = new AbortController();
  const upstream = init.signal;
  if (upstream) {
    if (upstream.aborted) controller.abort();
    else upstream.addEventListener('abort', () => controller.abort(), { once: true });
  }
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  return fetch(url, { ...init, credentials: 'include', signal: controller.signal }).finally(() =>
    clearTimeout(timer),
  );
}

async function readJson(response: Response): Promise<Record<string, unknown> | null> {
  try {
    const body: unknown = await response.json();
    return typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function unreachable(error: unknown): ServerProblem {
  const detail =
    error instanceof DOMException && error.name === 'AbortError'
      ? 'it did not answer in time'
      : 'no answer';
  return { kind: 'unreachable', detail };
}

/**
 * Plain-http hosts the reader's page may reach besides its own origin: the
 * same list as the built app's Content-Security-Policy (`connect-src` in
 * app/build/content-security-policy.ts), which allows https anywhere and
 * plain http only to this computer. A password sent over plain http to
 * another machine crosses the network readable by anyone on it.
 */
export const LOCAL_HTTP_HOSTS: readonly string[] = ['localhost', '127.0.0.1'];

/**
 * Why the page at `pageOrigin` may not talk to `url`, or `null` when it may:
 * the policy would block the request, and the reader would otherwise see only
 * "no answer".
 */
export function refusedByPage(url: URL, pageOrigin: string): string | null {
  if (url.protocol !== 'http:' || url.origin === pageOrigin) return null;
  if (LOCAL_HTTP_HOSTS.includes(url.hostname)) return null;
  return (
    'this reader reaches a plain http:// server only on this computer (localhost or 127.0.0.1) ' +
    'or the server it was opened from: use the server’s https:// address, or open the reader ' +
    'from the sync server itself (npx diptych serve serves it at /)'
  );
}

/** The address with one trailing slash. */
function withSlash(address: string): string {
  return address.endsWith('/') ? address : `${address}/`;
}

/**
 * The CouchDB API root for a server address: the address itself when it
 * answers CouchDB's welcome (Apache CouchDB), else `<address>/couch/`
 * (`diptych serve`, which serves the reader at `/`). Throws a
 * `ServerProblem` when neither answers like CouchDB, or, given the page's
 * origin, when the page may not reach the address (`refusedByPage`).
 */
export async function resolveApiRoot(address: string, pageOrigin?: string): Promise<string> {
  let base: URL;
  try {
    base = new URL(withSlash(address.trim()));
  } catch {
    throw new ServerError({ kind: 'unreachable', detail: `“${address}” is not a web address` });
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:')
    throw new ServerError({
      kind: 'unreachable',
      detail: 'the address must start with http:// or https://',
    });
  const refused = pageOrigin === undefined ? null : refusedByPage(base, pageOrigin);
  if (refused !== null) throw new ServerError({ kind: 'unreachable', detail: refused });
  const candidates = [base, new URL('couch/', base)];
  let lastError: unknown = null;
  for (const candidate of candidates) {
    try {
      const response = await couchFetch(candidate, { headers: { accept: 'application/json' } });
      const body = response.ok ? await readJson(response) : null;
      if (body && (body['couchdb'] === 'Welcome' || 'express-pouchdb' in body))
        return candidate.href;
      lastError = null;
    } catch (error) {
      // The root may refuse a cross-origin request (the reader's page there has no CORS) while /couch/ allows it.
      lastError = error;
    }
  }
  if (lastError !== null) throw new ServerError(unreachable(lastError));
  throw new ServerError({
    kind: 'unreachable',
    detail: 'it does not answer like a CouchDB server',
  });
}

/** Signs in; the server sets the session cookie. Throws a `ServerProblem` on failure. */
export async function signIn(api: string, name: string, password: string): Promise<void> {
  let response: Response;
  try {
    response = await couchFetch(new URL('_session', api), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ name, password }),
    });
  } catch (error) {
    throw new ServerError(unreachable(error));
  }
  if (response.status === 401) throw new ServerError({ kind: 'wrong-password' });
  const body = await readJson(response);
  if (!response.ok || body?.['ok'] !== true)
    throw new ServerError({
      kind: 'unreachable',
      detail: `it answered ${response.status} to the sign-in`,
    });
}

/** The signed-in user's name, or `null` when the session has ended. Throws a `ServerProblem` when unreachable. */
export async function sessionUser(api: string): Promise<string | null> {
  let response: Response;
  try {
    response = await couchFetch(new URL('_session', api), {
      headers: { accept: 'application/json' },
    });
  } catch (error) {
    throw new ServerError(unreachable(error));
  }
  const body = await readJson(response);
  const ctx = body?.['userCtx'];
  if (!response.ok || typeof ctx !== 'object' || ctx === null)
    throw new ServerError({
      kind: 'unreachable',
      detail: 'it does not answer like a CouchDB server',
    });
  const name = (ctx as Record<string, unknown>)['name'];
  return typeof name === 'string' ? name : null;
}

/** Ends the session on the server (best effort: offline, the cookie simply stays unused). */
export async function signOut(api: string): Promise<void> {
  try {
    await couchFetch(new URL('_session', api), { method: 'DELETE' }, 5_000);
  } catch {
    // Offline: nothing to end now; the reader is signed out locally all the same.
  }
}

/** The groups the server lists for `name` (a hint; `_security` decides), or `[]`. */
export async function groupHint(api: string, name: string): Promise<string[]> {
  try {
    const response = await couchFetch(
      new URL(`_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`, api),
      { headers: { accept: 'application/json' } },
    );
    const body = response.ok ? await readJson(response) : null;
    const groups = body?.[GROUPS_FIELD];
    return Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Whether the reader may use `database`: `null` if so, else the problem
 * (401 signed out, 403 not a member, 404 no such group, anything else or
 * an answer that is not CouchDB's: unreachable).
 */
export async function probeDatabase(api: string, database: string): Promise<ServerProblem | null> {
  let response: Response;
  try {
    response = await couchFetch(new URL(`${database}/`, api), {
      headers: { accept: 'application/json' },
    });
  } catch (error) {
    return unreachable(error);
  }
  if (response.status === 401) return { kind: 'signed-out' };
  if (response.status === 403) return { kind: 'not-a-member', database };
  if (response.status === 404) return { kind: 'no-such-group', database };
  const body = await readJson(response);
  if (!response.ok || body?.['db_name'] !== database)
    return { kind: 'unreachable', detail: 'it does not answer like a CouchDB server' };
  return null;
}

/** What the functions above throw: a `ServerProblem` as an `Error`. */
export class ServerError extends Error {
  constructor(readonly problem: ServerProblem) {
    super(problem.kind);
    this.name = 'ServerError';
  }
}
