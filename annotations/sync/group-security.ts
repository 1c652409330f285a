/**
 * How a group and its members are represented: entirely in CouchDB's own
 * terms, so the same CLI works on Apache CouchDB 3.
 *
 * - The group's database `_security`: `admins.names = [owner]` (the owner
 *   manages members by writing `_security`, which CouchDB lets a database
 *   admin do) and `members.names = [owner, …members]` (only they read or
 *   write; everyone else gets 401 when signed out, 403 when signed in).
 * - A hint for discovery: each member's `_users` document lists the groups
 *   in `diptych_groups`, because CouchDB has no "databases I may read" call
 *   (`_all_dbs` is admin-only). `_security` is the authority; the list only
 *   saves the reader from typing the group name.
 * - A private layer's `_security`: admins and members are the owner alone.
 */

/** The `_users` document field listing a user's groups (a hint; `_security` decides). */
export const GROUPS_FIELD = 'diptych_groups';

/** A CouchDB `_security` object. */
export interface SecurityObject {
  /** Database admins: may write `_security` (and, on CouchDB, design documents). */
  readonly admins: { readonly names: readonly string[]; readonly roles: readonly string[] };
  /** Members: may read and write documents. */
  readonly members: { readonly names: readonly string[]; readonly roles: readonly string[] };
}

/** The `_security` of a group owned by `owner` with `members` (the owner is always a member). */
export function groupSecurity(owner: string, members: readonly string[]): SecurityObject {
  const names = [owner, ...members.filter((m) => m !== owner)];
  return {
    admins: { names: [owner], roles: [] },
    members: { names: [...new Set(names)], roles: [] },
  };
}
