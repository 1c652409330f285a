/**
 * Runs design documents' `validate_doc_update` functions on every write,
 * as CouchDB does: `put`, `post`, `remove` and `bulkDocs` (replicated
 * writes, `new_edits: false`, included).
 *
 * Why not express-pouchdb's own `validation` part (pouchdb-validation 4.2):
 * it sets each incoming document's `_revisions` to the stored winner's
 * before writing, which corrupts every replicated revision tree (a client's
 * `3-c` arrives with history `[3-c, 2-b, 1-a]` and is stored as a child of
 * the wrong revision, or not at all; server/README-free proof in
 * tests/server/replication.test.ts). It also reorders `_bulk_docs` results.
 * This module keeps its approach — functions compiled by `couchdb-eval`,
 * the previous document read as the current winner — and fixes both: the
 * function sees a copy, and results keep the request's order.
 *
 * Security: the functions run in this process, so only a server admin may
 * write design documents here (server/access-guard.ts).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const coucheval = require('couchdb-eval') as {
  evaluate: (context: unknown, extra: unknown, program: string) => ValidateFn;
};
const wrappers = require('pouchdb-wrappers') as {
  installWrapperMethods: (db: unknown, handlers: Record<string, Wrapper>) => void;
};

/** The context CouchDB passes as `userCtx`. */
export interface UserCtx {
  readonly name: string | null;
  readonly roles: readonly string[];
  readonly db?: string;
}

type Doc = Record<string, unknown> & { _id?: string; _deleted?: boolean };
type ValidateFn = (
  newDoc: Doc,
  oldDoc: Doc | null,
  userCtx: UserCtx,
  secObj: Record<string, unknown>,
) => void;
interface WrapperArgs {
  base: LocalDb;
  options: { userCtx?: UserCtx; secObj?: Record<string, unknown>; new_edits?: boolean };
  doc?: Doc;
  docs?: Doc[];
}
type Wrapper = (original: () => Promise<unknown>, args: WrapperArgs) => Promise<unknown>;
interface LocalDb {
  allDocs(options: Record<string, unknown>): Promise<{ rows: { doc?: Doc }[] }>;
  get(id: string, options?: Record<string, unknown>): Promise<Doc>;
}

/** A rejected write, shaped as PouchDB errors are (express-pouchdb sends `status`, `name`, `message`). */
class ValidationError extends Error {
  constructor(
    readonly status: number,
    override readonly name: string,
    message: string,
  ) {
    super(message);
  }
}

const ADMIN_PARTY: UserCtx = { name: null, roles: ['_admin'] };

async function validationFunctions(db: LocalDb): Promise<{ fn: ValidateFn; ddoc: Doc }[]> {
  const { rows } = await db.allDocs({
    startkey: '_design/',
    endkey: '_design0',
    include_docs: true,
  });
  const out: { fn: ValidateFn; ddoc: Doc }[] = [];
  for (const row of rows) {
    const code = row.doc?.['validate_doc_update'];
    if (row.doc && typeof code === 'string') {
      out.push({ fn: coucheval.evaluate(row.doc, {}, code), ddoc: row.doc });
    }
  }
  return out;
}

function isSpecial(id: unknown): boolean {
  return typeof id === 'string' && (id.startsWith('_design/') || id.startsWith('_local/'));
}

async function check(
  db: LocalDb,
  functions: readonly { fn: ValidateFn; ddoc: Doc }[],
  doc: Doc,
  options: WrapperArgs['options'],
  dbName: string,
): Promise<void> {
  if (functions.length === 0 || isSpecial(doc._id)) return;
  const oldDoc = doc._id
    ? await db.get(doc._id, { revs: true }).catch(() => null as Doc | null)
    : null;
  // CouchDB always names the database in `userCtx.db`; express-pouchdb means to
  // (`makeOpts`) but reads a property PouchDB 9 no longer has, so it is set here.
  const userCtx = options.userCtx
    ? { ...options.userCtx, db: options.userCtx.db ?? dbName }
    : ADMIN_PARTY;
  const secObj = options.secObj ?? {};
  // A shallow copy: a validation function must not change what is stored.
  const copy: Doc = { ...doc };
  for (const { fn, ddoc } of functions) {
    try {
      fn.call(ddoc, copy, oldDoc, userCtx, secObj);
    } catch (thrown) {
      const t = thrown as { forbidden?: unknown; unauthorized?: unknown } | null;
      if (t && t.unauthorized !== undefined)
        throw new ValidationError(401, 'unauthorized', String(t.unauthorized));
      if (t && t.forbidden !== undefined)
        throw new ValidationError(403, 'forbidden', String(t.forbidden));
      throw new ValidationError(
        500,
        'validation_error',
        `validate_doc_update in ${String(ddoc._id)} failed: ${thrown instanceof Error ? thrown.message : String(thrown)}`,
      );
    }
  }
}

function handlersFor(dbName: string): Record<string, Wrapper> {
  return {
    async put(original, args) {
      await check(args.base, await validationFunctions(args.base), args.doc!, args.options, dbName);
      return original();
    },
    async post(original, args) {
      await check(args.base, await validationFunctions(args.base), args.doc!, args.options, dbName);
      return original();
    },
    async remove(original, args) {
      const doc = { ...args.doc!, _deleted: true };
      await check(args.base, await validationFunctions(args.base), doc, args.options, dbName);
      return original();
    },
    async bulkDocs(original, args) {
      const docs = args.docs ?? [];
      const functions = await validationFunctions(args.base);
      if (functions.length === 0) return original();
      const verdicts = await Promise.all(
        docs.map((doc) =>
          check(args.base, functions, doc, args.options, dbName).then(
            () => null,
            (error: ValidationError) => error,
          ),
        ),
      );
      const accepted = docs.filter((_, i) => verdicts[i] === null);
      args.docs = accepted;
      const written = accepted.length > 0 ? ((await original()) as unknown[]) : [];
      // With new_edits: false CouchDB answers only the failures; PouchDB
      // answers one entry per written document. Either way, keep the order.
      const results: unknown[] = [];
      let next = 0;
      const perDoc = written.length === accepted.length;
      docs.forEach((doc, i) => {
        const error = verdicts[i];
        if (error) {
          // express-pouchdb's _bulk_docs route turns this into { id, error, reason }.
          results.push({
            id: doc._id,
            error: true,
            name: error.name,
            message: error.message,
            status: error.status,
          });
        } else if (perDoc) {
          results.push(written[next++]);
        }
      });
      if (!perDoc) results.push(...written);
      return results;
    },
  };
}

/** Installs `validate_doc_update` checking on local PouchDB database `dbName`. Mutates `db`. */
export function installValidation(db: unknown, dbName: string): void {
  wrappers.installWrapperMethods(db, handlersFor(dbName));
}
