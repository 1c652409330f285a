/**
 * `diptych serve`'s server: a CouchDB-compatible HTTP API under `/couch/`
 * (express-pouchdb over PouchDB's LevelDB adapter, data in one folder) and
 * the built reader at `/`, on one address (issue 13; docs/sync.md is the
 * contract).
 *
 * What it adds to express-pouchdb, and why:
 * - `validate_doc_update` without pouchdb-validation's revision-tree bug
 *   (server/validation.ts);
 * - the access rules express-pouchdb leaves open (server/access-guard.ts);
 * - parts switched off because a reader's server must not have them:
 *   Fauxton (a downloaded admin UI), `_replicate` and `_replicator`
 *   (server-side replication to any URL a user names), temporary views
 *   (code from the request), vhosts and rewrites;
 * - the session secret kept in `config.json`, so sessions survive a restart
 *   (an offline-first client holds no password to sign in again);
 * - CORS for the origins given (the reader served from `/` needs none);
 * - a member check on whole `_bulk_docs` requests (server/member-check.ts);
 * - gzip that leaves continuous `_changes` unbuffered.
 *
 * Not for: the command line (cli/commands/serve.ts) or managing users and
 * groups (server/couch-admin.ts, which speaks only the standard API).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import type { Server } from 'node:http';
import compression from 'compression';
import cors from 'cors';
import express, { type Request } from 'express';
import { SECURITY_HEADERS } from '../app/build/content-security-policy.ts';
import { cacheControlFor } from '../app/build/pwa-options.ts';
import type { AdminCredentials } from './admin-credentials.ts';
import { accessGuard } from './access-guard.ts';
import { installMemberCheck } from './member-check.ts';
import { installValidation, type UserCtx } from './validation.ts';

const require = createRequire(import.meta.url);

/** Options for `startSyncServer`. */
export interface SyncServerOptions {
  /** TCP port; 0 picks a free one (tests). */
  readonly port: number;
  /** Interface to listen on; `127.0.0.1` unless the operator says otherwise. */
  readonly host: string;
  /** Folder for the databases, `config.json` and the log. Created if missing. */
  readonly dataDir: string;
  /** The server admin (set up on every start; the password is stored hashed). */
  readonly admin: AdminCredentials;
  /** Origins other than the server's own allowed to call the API with credentials. */
  readonly corsOrigins?: readonly string[];
  /** The built reader's folder to serve at `/`, or `null` for the API alone. */
  readonly readerDir: string | null;
  /** Seconds a session cookie lives after its last use. Default 14 days. */
  readonly sessionTimeout?: number;
}

/** A running server. */
export interface SyncServer {
  /** Its base URL, e.g. `http://127.0.0.1:5984/`. */
  readonly url: string;
  /** The CouchDB API's URL, e.g. `http://127.0.0.1:5984/couch/`. */
  readonly couchUrl: string;
  /** Stops listening and closes the databases. */
  close(): Promise<void>;
}

/** The largest request body (a `_bulk_docs` batch or one document): 64 MiB. */
export const MAX_REQUEST_BYTES = 64 * 1024 * 1024;

/** Fourteen days: an offline laptop can come back and still sync. */
const DEFAULT_SESSION_TIMEOUT = 14 * 24 * 60 * 60;

/** How long an idle keep-alive connection stays open, milliseconds (the `Keep-Alive: timeout` hint). */
export const KEEP_ALIVE_MS = 60_000;

interface ExpressPouchApp extends express.Express {
  dbWrapper: {
    registerWrapper(wrapper: (name: string, db: unknown, next: () => unknown) => unknown): void;
  };
}

/**
 * Writes express-pouchdb's `config.json` before it starts: the admin (as a
 * PBKDF2 hash, as CouchDB's `local.ini` keeps it), a session secret kept
 * across restarts (an offline-first client holds no password to sign in
 * again), the session timeout and the request size limit. Written here, once,
 * because express-pouchdb's own `config.set` saves through one temporary
 * file and two saves in flight collide.
 */
async function writeConfig(file: string, options: SyncServerOptions): Promise<void> {
  const Auth = require('pouchdb-auth') as {
    hashAdminPasswords(admins: Record<string, string>): Promise<Record<string, string>>;
  };
  const current = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>)
    : {};
  const auth = { ...current['couch_httpd_auth'] };
  if (typeof auth['secret'] !== 'string') auth['secret'] = randomBytes(32).toString('hex');
  auth['timeout'] = options.sessionTimeout ?? DEFAULT_SESSION_TIMEOUT;
  auth['allow_persistent_cookies'] = true;
  const next = {
    ...current,
    admins: await Auth.hashAdminPasswords({ [options.admin.name]: options.admin.password }),
    couch_httpd_auth: auth,
    couchdb: { ...current['couchdb'], max_document_size: MAX_REQUEST_BYTES },
  };
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, file);
}

/** Starts the server; resolves once it is listening. */
export async function startSyncServer(options: SyncServerOptions): Promise<SyncServer> {
  const dbDir = join(options.dataDir, 'databases');
  mkdirSync(dbDir, { recursive: true });
  const PouchDB = require('pouchdb') as { defaults(o: object): unknown };
  const LocalPouch = PouchDB.defaults({ prefix: `${dbDir}/` });
  await writeConfig(join(options.dataDir, 'config.json'), options);
  const expressPouchDB = require('express-pouchdb') as (p: unknown, o: object) => ExpressPouchApp;
  const couch = expressPouchDB(LocalPouch, {
    configPath: join(options.dataDir, 'config.json'),
    logPath: join(options.dataDir, 'log.txt'),
    mode: 'fullCouchDB',
    overrideMode: {
      exclude: [
        'routes/fauxton',
        'routes/replicate',
        'replicator',
        'routes/active-tasks',
        'routes/temp-views',
        'routes/vhosts',
        'routes/rewrite',
        'routes/http-log',
        'validation',
        // Replaced below: it buffered continuous _changes (no heartbeat, no change arrived).
        'compression',
      ],
    },
  });
  couch.dbWrapper.registerWrapper((name, db, next) => {
    // pouchdb-wrappers runs handlers in the order installed (after
    // pouchdb-security's): refuse a non-member's batch before validating it.
    installMemberCheck(db);
    installValidation(db, name);
    return next();
  });

  const app = express();
  app.disable('x-powered-by');
  let selfUrl = '';
  const sessionOf = async (req: Request): Promise<UserCtx> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (req.headers.cookie) headers['cookie'] = req.headers.cookie;
    if (req.headers.authorization) headers['authorization'] = req.headers.authorization;
    const response = await fetch(`${selfUrl}couch/_session`, { headers });
    if (!response.ok) throw new Error(`session lookup answered ${response.status}`);
    const body = (await response.json()) as { userCtx: UserCtx };
    return body.userCtx;
  };

  const allowed = new Set(options.corsOrigins ?? []);
  const corsForListed = cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    credentials: true,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'COPY'],
    allowedHeaders: ['accept', 'authorization', 'content-type', 'origin', 'referer'],
    exposedHeaders: ['content-type', 'cache-control', 'etag', 'x-couch-request-id'],
    maxAge: 600,
  });
  app.use('/couch', corsForListed);
  // A reader on a listed origin asks the address itself first whether it is CouchDB
  // (`resolveApiRoot`), then `/couch/`. Without CORS here too the browser refused that first answer
  // and logged a CORS error on every sign-in; the page at `/` is public, and only `/` is opened.
  app.get('/', corsForListed);
  app.use(
    '/couch',
    compression({
      filter: (req, res) =>
        !/[?&]feed=(continuous|eventsource)\b/.test(req.url) && compression.filter(req, res),
    }),
  );
  app.use('/couch', accessGuard(sessionOf, MAX_REQUEST_BYTES));
  app.use('/couch', couch);
  const readerDir = options.readerDir;
  if (readerDir && existsSync(join(readerDir, 'index.html'))) {
    // The reader with the headers a static host should send (app/build/content-security-policy.ts).
    app.use(
      '/',
      express.static(readerDir, {
        index: 'index.html',
        setHeaders: (res, file) => {
          for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
          // sw.js, index.html and the manifest revalidated every time; hashed assets kept.
          res.setHeader('Cache-Control', cacheControlFor(relative(readerDir, file)));
        },
      }),
    );
  } else {
    app.get('/', (_req, res) => {
      res
        .type('text/plain')
        .send(
          'The Diptych reader is not built here. Run `npm run build`, then restart `diptych serve`.\n' +
            'The CouchDB API is at /couch/.\n',
        );
    });
  }

  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(options.port, options.host, () => resolve(s));
    s.once('error', reject);
  });
  // Long-poll and continuous _changes hold requests open; do not cut them.
  server.requestTimeout = 0;
  // An idle connection is kept a minute, not Node's 5 s: a Node client (the CLI's CouchAdmin, the
  // tests) that stalls past the server's timeout reuses a socket the server is closing, and its
  // next request fails with EPIPE (seen in a loaded run). Clients close first: undici keeps an
  // idle socket one second less than the server's Keep-Alive hint, browsers follow their own.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1000;
  const { port } = server.address() as AddressInfo;
  const hostForUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${hostForUrl}:${port}/`;
  selfUrl = options.host === '0.0.0.0' || options.host === '::' ? `http://127.0.0.1:${port}/` : url;
  return {
    url,
    couchUrl: `${url}couch/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
