/**
 * The sync contract's database names: one CouchDB database per reader's
 * private layer and one per group (issue 13). Shared by the server, the CLI
 * and the browser client, so all three name a layer the same way.
 *
 * What it is for: turning a user or group name into a database name and back.
 * Not for: access rules (the server's `_security` and design document hold
 * those; see `design-doc.ts` and docs/sync.md).
 *
 * - A private layer is `userdb-<hex of the UTF-8 user name>`, exactly the name
 *   Apache CouchDB's `couch_peruser` gives a user's database, so a CouchDB 3
 *   with `[couch_peruser] enable = true` creates it (owner-only) by itself.
 *   Hex, because CouchDB database names allow only `[a-z0-9_$()+/-]` and user
 *   names allow anything.
 * - A group is `diptych-group-<group>`, where a group name is lower-case
 *   letters, digits, `-` and `_`, starting with a letter or digit (at most 64
 *   characters), so it is readable in the URL and in CouchDB's logs.
 */

/** The prefix of every private-layer database (CouchDB's `couch_peruser` prefix). */
export const PRIVATE_DATABASE_PREFIX = 'userdb-';

/** The prefix of every group database. */
export const GROUP_DATABASE_PREFIX = 'diptych-group-';

/** What a group name may be: lower-case letters, digits, `-`, `_`; 1–64 characters. */
export const GROUP_NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** The longest user name we accept (CouchDB has no limit; a URL does). */
export const MAX_USER_NAME_LENGTH = 128;

/** True when `name` is a valid group name (see `GROUP_NAME_PATTERN`). */
export function isGroupName(name: string): boolean {
  return GROUP_NAME_PATTERN.test(name);
}

/**
 * Why `name` cannot be a user name, or `null` if it can. CouchDB forbids a
 * leading underscore and a colon (the `org.couchdb.user:` id separator); we
 * also refuse blanks at either end and control characters, which no one
 * types on purpose.
 */
export function userNameProblem(name: string): string | null {
  if (name.length === 0) return 'a user name cannot be empty';
  if (name.length > MAX_USER_NAME_LENGTH)
    return `a user name is at most ${MAX_USER_NAME_LENGTH} characters`;
  if (name.startsWith('_')) return 'a user name cannot start with "_"';
  if (name.includes(':')) return 'a user name cannot contain ":"';
  if (name.trim() !== name) return 'a user name cannot start or end with a space';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'a user name cannot contain control characters';
  return null;
}

function toHex(text: string): string {
  return Array.from(new TextEncoder().encode(text), (b) => b.toString(16).padStart(2, '0')).join(
    '',
  );
}

function fromHex(hex: string): string | null {
  if (hex.length === 0 || hex.length % 2 !== 0 || !/^[0-9a-f]+$/.test(hex)) return null;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The database of `user`'s private layer: `userdb-<hex>` (CouchDB's `couch_peruser` name). */
export function privateDatabaseName(user: string): string {
  return `${PRIVATE_DATABASE_PREFIX}${toHex(user)}`;
}

/** The user whose private layer `database` is, or `null` if it is not a private layer. */
export function userOfPrivateDatabase(database: string): string | null {
  if (!database.startsWith(PRIVATE_DATABASE_PREFIX)) return null;
  return fromHex(database.slice(PRIVATE_DATABASE_PREFIX.length));
}

/** The database of group `group`. Throws if `group` is not a valid group name. */
export function groupDatabaseName(group: string): string {
  if (!isGroupName(group)) {
    throw new Error(
      `"${group}" is not a valid group name (lower-case letters, digits, "-" and "_", at most 64)`,
    );
  }
  return `${GROUP_DATABASE_PREFIX}${group}`;
}

/** The group whose database `database` is, or `null` if it is not a group database. */
export function groupOfDatabase(database: string): string | null {
  if (!database.startsWith(GROUP_DATABASE_PREFIX)) return null;
  const group = database.slice(GROUP_DATABASE_PREFIX.length);
  return isGroupName(group) ? group : null;
}
