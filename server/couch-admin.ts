/**
 * Manages users and groups on a CouchDB server through the standard CouchDB
 * HTTP API only (`_users`, `PUT /{db}`, `/{db}/_security`, design
 * documents), so the same calls work on `diptych serve` and on Apache
 * CouchDB 3. Used by `diptych users` and `diptych groups`, and by tests.
 *
 * What it is not for: replication or reading annotations (the client's
 * job), or starting a server.
 *
 * Every failure is a `CouchAdminError` with a sentence a reader can act on
 * ("no user named …", "the server refused the admin credentials").
 */
import {
  DIPTYCH_DESIGN_DOC,
  GROUPS_FIELD,
  groupDatabaseName,
  groupOfDatabase,
  groupSecurity,
  privateDatabaseName,
  userNameProblem,
  userOfPrivateDatabase,
  type SecurityObject,
} from '../annotations/sync/index.ts';
import type { AdminCredentials } from './admin-credentials.ts';

/**
 * A database as the person running `diptych users` or `groups` knows it: a group, or a user's
 * private layer, not its CouchDB name (`diptych-group-…`, `userdb-<hex>`).
 */
export function layerName(database: string): string {
  const group = groupOfDatabase(database);
  if (group !== null) return `group "${group}"`;
  const user = userOfPrivateDatabase(database);
  if (user !== null) return `the private layer of user "${user}"`;
  return `database ${database}`;
}

/** A failure explained in words. */
export class CouchAdminError extends Error {
  override readonly name = 'CouchAdminError';
}

interface Reply {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** A user document as `_users` stores it (the fields we read or write). */
type UserDoc = Record<string, unknown> & { _id: string; _rev?: string; name: string };

/**
 * Finds the CouchDB API behind `server`: the address itself when it answers
 * CouchDB's welcome (`{"couchdb": "Welcome"}` or express-pouchdb's), else
 * `<server>/couch/` (where `diptych serve` puts it). Returns the API root
 * with a trailing slash.
 */
export async function resolveCouchUrl(server: string): Promise<string> {
  let base: URL;
  try {
    base = new URL(server.endsWith('/') ? server : `${server}/`);
  } catch {
    throw new CouchAdminError(`"${server}" is not a server address (e.g. http://localhost:5984)`);
  }
  for (const candidate of [base, new URL('couch/', base)]) {
    let response: Response;
    try {
      response = await fetch(candidate, { headers: { accept: 'application/json' } });
    } catch {
      throw new CouchAdminError(
        `cannot reach ${base.href} (is \`diptych serve\` or CouchDB running there?)`,
      );
    }
    const text = await response.text();
    try {
      const body = JSON.parse(text) as Record<string, unknown>;
      if (body['couchdb'] === 'Welcome' || body['express-pouchdb'] === 'Welcome!')
        return candidate.href;
    } catch {
      // not JSON: not the API root; try the next candidate
    }
  }
  throw new CouchAdminError(`${base.href} does not answer as a CouchDB server (nor at /couch/)`);
}

/** An admin session against one CouchDB API root. */
export class CouchAdmin {
  private readonly authorization: string;

  /** `couchUrl` is the API root (see `resolveCouchUrl`). */
  constructor(
    readonly couchUrl: string,
    credentials: AdminCredentials,
  ) {
    this.authorization = `Basic ${Buffer.from(`${credentials.name}:${credentials.password}`).toString('base64')}`;
  }

  private async request(method: string, path: string, body?: unknown): Promise<Reply> {
    let response: Response;
    try {
      response = await fetch(new URL(path, this.couchUrl), {
        method,
        headers: {
          accept: 'application/json',
          authorization: this.authorization,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new CouchAdminError(`cannot reach ${this.couchUrl}`);
    }
    const text = await response.text();
    let parsed: Record<string, unknown>;
    try {
      parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      throw new CouchAdminError(`${method} ${path}: the server answered something other than JSON`);
    }
    if (response.status === 401)
      throw new CouchAdminError(
        'the server refused the admin credentials (check DIPTYCH_ADMIN=name:password)',
      );
    return { status: response.status, body: parsed };
  }

  private fail(what: string, reply: Reply): never {
    const reason = reply.body['reason'] ?? reply.body['error'] ?? `HTTP ${reply.status}`;
    throw new CouchAdminError(`${what}: ${String(reason)}`);
  }

  private static userDocId(name: string): string {
    return `_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`;
  }

  /** The user's document, or `null` when there is no such user. */
  async getUser(name: string): Promise<UserDoc | null> {
    const reply = await this.request('GET', CouchAdmin.userDocId(name));
    if (reply.status === 404) return null;
    if (reply.status !== 200) this.fail(`reading user "${name}"`, reply);
    return reply.body as UserDoc;
  }

  /** Creates database `db` if it does not exist. */
  async ensureDatabase(db: string): Promise<'created' | 'existed'> {
    const reply = await this.request('PUT', encodeURIComponent(db));
    if (reply.status === 201 || reply.status === 202) return 'created';
    if (reply.status === 412) return 'existed';
    return this.fail(`creating ${layerName(db)}`, reply);
  }

  /** Writes `db`'s `_security`. */
  async putSecurity(db: string, security: SecurityObject): Promise<void> {
    const reply = await this.request('PUT', `${encodeURIComponent(db)}/_security`, security);
    if (reply.status !== 200 && reply.status !== 201)
      this.fail(`setting the members of ${layerName(db)}`, reply);
  }

  /** `db`'s `_security`, or `null` when the database does not exist. */
  async getSecurity(db: string): Promise<Partial<SecurityObject> | null> {
    const reply = await this.request('GET', `${encodeURIComponent(db)}/_security`);
    if (reply.status === 404) return null;
    if (reply.status !== 200) this.fail(`reading the members of ${layerName(db)}`, reply);
    return reply.body as Partial<SecurityObject>;
  }

  /** Stores (or updates to this version) the design document with the write rules. */
  async ensureDesignDoc(db: string): Promise<void> {
    const path = `${encodeURIComponent(db)}/_design/diptych`;
    const current = await this.request('GET', path);
    if (
      current.status === 200 &&
      current.body['diptych_version'] === DIPTYCH_DESIGN_DOC.diptych_version
    )
      return;
    const doc =
      current.status === 200
        ? { ...DIPTYCH_DESIGN_DOC, _rev: current.body['_rev'] }
        : DIPTYCH_DESIGN_DOC;
    const reply = await this.request('PUT', path, doc);
    if (reply.status !== 201 && reply.status !== 202)
      this.fail(`installing the write rules of ${layerName(db)}`, reply);
  }

  /**
   * Adds user `name` with `password`, and their private layer (`userdb-<hex>`,
   * readable by them alone, with the write rules). Refuses an existing user.
   */
  async addUser(name: string, password: string): Promise<{ database: string }> {
    const problem = userNameProblem(name);
    if (problem) throw new CouchAdminError(problem);
    if (password.length === 0) throw new CouchAdminError('the password cannot be empty');
    const doc = { _id: `org.couchdb.user:${name}`, name, password, roles: [], type: 'user' };
    const reply = await this.request('PUT', CouchAdmin.userDocId(name), doc);
    if (reply.status === 409) throw new CouchAdminError(`there is already a user named "${name}"`);
    if (reply.status !== 201 && reply.status !== 202) this.fail(`adding user "${name}"`, reply);
    const database = privateDatabaseName(name);
    await this.ensureDatabase(database);
    await this.putSecurity(database, {
      admins: { names: [name], roles: [] },
      members: { names: [name], roles: [] },
    });
    await this.ensureDesignDoc(database);
    return { database };
  }

  private async requireUsers(names: readonly string[]): Promise<Map<string, UserDoc>> {
    const found = new Map<string, UserDoc>();
    for (const name of names) {
      const user = await this.getUser(name);
      if (!user)
        throw new CouchAdminError(
          `no user named "${name}" (add one with: diptych users add ${name})`,
        );
      found.set(name, user);
    }
    return found;
  }

  /** Adds `group` to the user document's `diptych_groups` list (the discovery hint). */
  private async listGroupOnUser(user: UserDoc, group: string): Promise<void> {
    const groups = Array.isArray(user[GROUPS_FIELD]) ? (user[GROUPS_FIELD] as unknown[]) : [];
    if (groups.includes(group)) return;
    const next = {
      ...user,
      [GROUPS_FIELD]: [...groups.filter((g) => typeof g === 'string'), group],
    };
    const reply = await this.request('PUT', CouchAdmin.userDocId(user.name), next);
    if (reply.status !== 201 && reply.status !== 202)
      this.fail(`listing group "${group}" for user "${user.name}"`, reply);
  }

  /**
   * Creates `group` owned by `owner` with `members`: its database, its
   * `_security` (owner as admin and member) and its write rules; lists it on
   * each member's user document. Refuses an existing group or unknown users.
   */
  async createGroup(
    group: string,
    owner: string,
    members: readonly string[],
  ): Promise<{ database: string; members: string[] }> {
    const database = groupDatabaseName(group);
    const users = await this.requireUsers([owner, ...members]);
    if ((await this.ensureDatabase(database)) === 'existed') {
      throw new CouchAdminError(
        `group "${group}" exists already (add members with: diptych groups add ${group} <name>)`,
      );
    }
    const security = groupSecurity(owner, members);
    await this.putSecurity(database, security);
    await this.ensureDesignDoc(database);
    for (const user of users.values()) await this.listGroupOnUser(user, group);
    return { database, members: [...security.members.names] };
  }

  /** Adds `name` to `group`'s members (and lists the group on their user document). */
  async addMember(
    group: string,
    name: string,
  ): Promise<{ database: string; members: string[]; added: boolean }> {
    const database = groupDatabaseName(group);
    const security = await this.getSecurity(database);
    if (security === null)
      throw new CouchAdminError(
        `no group named "${group}" (create it with: diptych groups create ${group} --owner <name>)`,
      );
    const users = await this.requireUsers([name]);
    const admins = security.admins ?? { names: [], roles: [] };
    const members = security.members ?? { names: [], roles: [] };
    const names = [...(members.names ?? [])];
    const added = !names.includes(name);
    if (added) {
      names.push(name);
      await this.putSecurity(database, {
        admins: { names: [...(admins.names ?? [])], roles: [...(admins.roles ?? [])] },
        members: { names, roles: [...(members.roles ?? [])] },
      });
    }
    await this.ensureDesignDoc(database);
    await this.listGroupOnUser(users.get(name)!, group);
    return { database, members: names, added };
  }
}
