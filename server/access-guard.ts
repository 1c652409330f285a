/**
 * The access rules express-pouchdb does not enforce by itself, applied in
 * front of it (mounted at `/couch`). What it adds, each as Apache CouchDB 3
 * behaves unless noted:
 *
 * - Creating or deleting a database, `_all_dbs` and `COPY` need a server
 *   admin. (express-pouchdb lists every database to anyone — CouchDB 3's
 *   `admin_only_all_dbs` — and crashes on a non-admin database creation.)
 * - Design documents are written by server admins only. Stricter than
 *   CouchDB, which lets a database admin write them: here their
 *   `validate_doc_update` runs inside the server process (server/validation.ts),
 *   so a group owner must not be able to write code.
 * - `_local/_security` is reachable only through `/{db}/_security`
 *   (express-pouchdb keeps the security object in that local document and
 *   would otherwise let any member overwrite it).
 * - `_users`: a signed-in user may read and write only their own user
 *   document (to read their groups, to change the password); no one signs up
 *   anonymously — accounts are made with `diptych users add`.
 * - A signed-in user refused by a database's `_security` gets 403
 *   `forbidden`; 401 `unauthorized` is kept for "not signed in" (or a wrong
 *   password), so a client can tell "not a member" from "sign in again".
 *
 * What it is not for: the members check itself (pouchdb-security, inside
 * express-pouchdb) and the per-annotation rules (the design document).
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { createRequire } from 'node:module';
import type { UserCtx } from './validation.ts';

const require = createRequire(import.meta.url);
// body-parser as express-pouchdb uses it: once a body is parsed here
// (`req._body`), its own parser leaves it alone.
const bodyParser = require('body-parser') as typeof import('body-parser');

/** Looks up who sent a request (CouchDB's `_session` for its credentials). */
export type SessionOf = (req: Request) => Promise<UserCtx>;

const WRITE_METHODS = new Set(['PUT', 'POST', 'DELETE', 'COPY', 'PATCH']);

function isAdmin(ctx: UserCtx): boolean {
  return ctx.roles.includes('_admin');
}

function send(res: Response, status: number, error: string, reason: string): void {
  res.status(status).type('application/json').send(JSON.stringify({ error, reason }));
}

function refuse(res: Response, ctx: UserCtx, reason: string): void {
  if (ctx.name === null) send(res, 401, 'unauthorized', reason);
  else send(res, 403, 'forbidden', reason);
}

/** The request path's segments after the mount point, percent-decoded ("" for none). */
function segmentsOf(req: Request): string[] | null {
  try {
    return req.path.split('/').slice(1).map(decodeURIComponent);
  } catch {
    return null;
  }
}

function isProtectedId(id: unknown): boolean {
  return typeof id === 'string' && (id.startsWith('_design/') || id === '_local/_security');
}

/** The document ids a `POST /{db}` or `POST /{db}/_bulk_docs` body writes. */
function idsInBody(body: unknown): unknown[] {
  if (typeof body !== 'object' || body === null) return [];
  const docs = (body as { docs?: unknown }).docs;
  if (Array.isArray(docs))
    return docs.map((d) =>
      typeof d === 'object' && d !== null ? (d as { _id?: unknown })._id : undefined,
    );
  return [(body as { _id?: unknown })._id];
}

/**
 * The guard middleware. `sessionOf` is asked only when a rule needs to know
 * who is asking, so ordinary reads and writes cost nothing extra.
 * `maxBodyBytes` matches express-pouchdb's own limit.
 */
export function accessGuard(sessionOf: SessionOf, maxBodyBytes: number): RequestHandler {
  const json = bodyParser.json({ limit: maxBodyBytes });
  return (req: Request, res: Response, next: NextFunction) => {
    translateRefusals(req, res);
    const segments = segmentsOf(req);
    if (segments === null)
      return send(res, 400, 'bad_request', 'Malformed percent-encoding in the path.');
    const [db = '', ...rest] = segments;
    const docPath = rest.join('/');
    const write = WRITE_METHODS.has(req.method);

    let rule: ((ctx: UserCtx) => string | null) | null = null;
    const adminOnly = (reason: string) => (ctx: UserCtx) => (isAdmin(ctx) ? null : reason);

    if (db === '_all_dbs') rule = adminOnly('Only a server admin may list databases.');
    else if (req.method === 'COPY') rule = adminOnly('COPY is reserved to server admins here.');
    else if (
      db &&
      !db.startsWith('_') &&
      rest.length === 0 &&
      (req.method === 'PUT' || req.method === 'DELETE')
    )
      rule = adminOnly('Only a server admin may create or delete a database.');
    else if (db === '_users' && !write && rest.length > 0) {
      rule = (ctx) =>
        isAdmin(ctx) || (ctx.name !== null && docPath === `org.couchdb.user:${ctx.name}`)
          ? null
          : 'Only your own account document is readable.';
    } else if (db === '_users' && write && rest.length > 0) {
      rule = (ctx) => {
        if (isAdmin(ctx)) return null;
        const own =
          ctx.name !== null && req.method === 'PUT' && docPath === `org.couchdb.user:${ctx.name}`;
        return own
          ? null
          : 'Accounts are made by a server admin (diptych users add); you may change only your own.';
      };
    } else if (db && write && (docPath.startsWith('_design/') || docPath === '_local/_security'))
      rule = adminOnly('Only a server admin may write design documents or _local/_security here.');
    else if (db && !db.startsWith('_') && docPath === '_local/_security')
      rule = adminOnly('Read the security object at /{db}/_security.');

    const needsBody =
      req.method === 'POST' && db && (rest.length === 0 || docPath === '_bulk_docs');
    const decide = () => {
      if (needsBody && idsInBody(req.body).some(isProtectedId)) {
        rule = adminOnly(
          'Only a server admin may write design documents or _local/_security here.',
        );
      }
      if (rule === null) return next();
      const current = rule;
      sessionOf(req).then(
        (ctx) => {
          const reason = current(ctx);
          if (reason === null) next();
          else refuse(res, ctx, reason);
        },
        () => send(res, 401, 'unauthorized', 'Name or password is incorrect.'),
      );
    };
    if (needsBody) {
      json(req, res, (error?: unknown) => {
        if (error) {
          const status = (error as { status?: number }).status;
          if (status === 413) return send(res, 413, 'too_large', 'the request entity is too large');
          return send(res, 400, 'bad_request', 'invalid_json');
        }
        decide();
      });
    } else decide();
  };
}

/**
 * Makes express-pouchdb's 401 for a signed-in user a 403, as CouchDB answers
 * (pouchdb-security says 401 to everyone). Mutates `res` (wraps `status`
 * and `send`).
 */
function translateRefusals(req: Request, res: Response): void {
  const signedIn = () =>
    Boolean(
      (req as Request & { couchSession?: { userCtx?: UserCtx } }).couchSession?.userCtx?.name,
    );
  const status = res.status.bind(res);
  let translated = false;
  res.status = (code: number) => {
    translated = code === 401 && signedIn();
    return status(translated ? 403 : code);
  };
  const sendBody = res.send.bind(res);
  res.send = (body?: unknown) => {
    if (translated && (Buffer.isBuffer(body) || typeof body === 'string')) {
      try {
        const parsed = JSON.parse(String(body)) as { reason?: string };
        const reason =
          parsed.reason === 'You are not authorized to access this db.'
            ? 'You are not allowed to access this db.'
            : (parsed.reason ?? 'Forbidden.');
        return sendBody(JSON.stringify({ error: 'forbidden', reason }) + '\n');
      } catch {
        // not JSON: send as it was
      }
    }
    return sendBody(body);
  };
}
