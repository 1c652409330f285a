/**
 * Refuses a whole `_bulk_docs` request from someone who is not a member of
 * the database, as CouchDB does (401 signed out, 403 signed in — see
 * access-guard.ts for the 403). pouchdb-security checks `_bulk_docs` one
 * document at a time and answers 201 with an error per document, which a
 * client reads as "written, with failures" rather than "not a member".
 *
 * Membership is pouchdb-security's rule, so every endpoint agrees: a server
 * admin, a database admin, or a member by name or role — and, as in
 * pouchdb-security, anyone when `members` is empty. Every database
 * `diptych users` and `diptych groups` make has members.
 */
import { createRequire } from 'node:module';
import type { UserCtx } from './validation.ts';

const require = createRequire(import.meta.url);
const wrappers = require('pouchdb-wrappers') as {
  installWrapperMethods: (db: unknown, handlers: Record<string, unknown>) => void;
};

interface Section {
  readonly names?: readonly string[];
  readonly roles?: readonly string[];
}
interface Security {
  readonly admins?: Section;
  readonly members?: Section;
}

function isIn(ctx: UserCtx, section: Section | undefined): boolean {
  return (
    (ctx.name !== null && (section?.names ?? []).includes(ctx.name)) ||
    (section?.roles ?? []).some((role) => ctx.roles.includes(role))
  );
}

/** True when `ctx` may read and write a database with security object `security`. */
export function isMember(ctx: UserCtx, security: Security): boolean {
  if (ctx.roles.includes('_admin') || isIn(ctx, security.admins)) return true;
  const members = security.members;
  const open = (members?.names ?? []).length === 0 && (members?.roles ?? []).length === 0;
  return open || isIn(ctx, members);
}

/** Installs the check on one local PouchDB database. Mutates `db`. */
export function installMemberCheck(db: unknown): void {
  wrappers.installWrapperMethods(db, {
    bulkDocs: (
      original: () => Promise<unknown>,
      args: {
        base: { getSecurity(): Promise<Security> };
        options: { userCtx?: UserCtx; secObj?: Security };
      },
    ) => {
      const { userCtx, secObj } = args.options;
      // No userCtx: an internal call (admin party), as in pouchdb-security.
      if (!userCtx || userCtx.roles.includes('_admin')) return original();
      // express-pouchdb does not always pass the security object along here.
      return Promise.resolve(secObj ?? args.base.getSecurity()).then((security) => {
        if (isMember(userCtx, security)) return original();
        throw Object.assign(new Error('You are not authorized to access this db.'), {
          status: 401,
          name: 'unauthorized',
        });
      });
    },
  });
}
