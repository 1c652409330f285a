/**
 * Which of the reader's changes are written to a layer's local database but
 * not yet on the server: per layer database and document id, the revision
 * generation written here, until the push of that revision (or a later one)
 * is seen, or every layer has caught up (but for a group left on this
 * device: its changes wait until the reader joins again). The sidebar marks such an
 * annotation "not yet synced": offline, an edited card looked just like a
 * synced one.
 *
 * Kept in `localStorage` under its own key (`diptych:sync:unsent:v1`), per
 * server and user, so that a reload while offline still says so; not in the
 * sync settings, whose stored schema is strict and would make an older
 * version read newer settings as none (signed out).
 *
 * What it is for: the bookkeeping, pure but for the two storage functions.
 * What it is not for: replication or counting (the engine's `pendingOut`
 * counts documents for the panel's "Syncing 3 changes…").
 */
import { z } from 'zod';

/** The localStorage key. */
export const UNSENT_KEY = 'diptych:sync:unsent:v1';

/** A revision's generation: the number before its dash (`3-abc…` → 3); 0 when unreadable. */
export function revGeneration(rev: string): number {
  const n = Number.parseInt(rev.slice(0, rev.indexOf('-')), 10);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

/** Layer database → document id → the generation written here and not yet seen sent. */
export type Unsent = Readonly<Record<string, Readonly<Record<string, number>>>>;

/** `unsent` with `id`'s write of `rev` in layer `db` added. Returns `unsent` itself when nothing changes. */
export function noteWritten(unsent: Unsent, db: string, id: string, rev: string): Unsent {
  const generation = revGeneration(rev);
  const layer = unsent[db] ?? {};
  if ((layer[id] ?? -1) >= generation) return unsent;
  return { ...unsent, [db]: { ...layer, [id]: generation } };
}

/**
 * `unsent` without what a push of layer `db` has sent (`written`: the ids
 * and revisions of one batch): a document stays unsent while the revision
 * written here is newer than the one sent. Returns `unsent` itself when
 * nothing changes.
 */
export function noteSent(
  unsent: Unsent,
  db: string,
  written: readonly { readonly id: string; readonly rev: string }[],
): Unsent {
  const layer = unsent[db];
  if (!layer) return unsent;
  let next: Record<string, number> | null = null;
  for (const { id, rev } of written) {
    const generation = layer[id];
    if (generation === undefined || revGeneration(rev) < generation) continue;
    next ??= { ...layer };
    delete next[id];
  }
  if (!next) return unsent;
  const { [db]: _was, ...rest } = unsent;
  return Object.keys(next).length > 0 ? { ...rest, [db]: next } : rest;
}

/**
 * `unsent` without the layers `dbs`: what every live layer catching up leaves waiting (the changes
 * to groups left on this device, sent if the reader joins again), or what is shown as waiting
 * while those groups are left. Returns `unsent` itself when it holds none of them.
 */
export function unsentOutside(unsent: Unsent, dbs: readonly string[]): Unsent {
  if (!dbs.some((db) => db in unsent)) return unsent;
  return Object.fromEntries(Object.entries(unsent).filter(([db]) => !dbs.includes(db)));
}

/** The ids with a change not yet sent, in any layer. */
export function unsentIds(unsent: Unsent): ReadonlySet<string> {
  const ids = new Set<string>();
  for (const layer of Object.values(unsent)) for (const id of Object.keys(layer)) ids.add(id);
  return ids;
}

const StoredSchema = z.object({
  /** The API root and user the changes were made under: another account's are not theirs. */
  api: z.string().max(2048),
  user: z.string().max(128),
  unsent: z.record(z.string().max(200), z.record(z.string(), z.number().int().nonnegative())),
});

/** What was unsent for this API root and user when last saved; empty when none or unreadable. */
export function loadUnsent(storage: Storage | null, api: string, user: string): Unsent {
  try {
    const raw = storage?.getItem(UNSENT_KEY);
    if (!raw) return {};
    const parsed = StoredSchema.safeParse(JSON.parse(raw));
    if (!parsed.success || parsed.data.api !== api || parsed.data.user !== user) return {};
    return parsed.data.unsent;
  } catch {
    return {};
  }
}

/** Saves what is unsent (removes the key when nothing is); a refused write is ignored (it is a hint). */
export function saveUnsent(
  storage: Storage | null,
  api: string,
  user: string,
  unsent: Unsent,
): void {
  try {
    if (Object.keys(unsent).length === 0) storage?.removeItem(UNSENT_KEY);
    else storage?.setItem(UNSENT_KEY, JSON.stringify({ api, user, unsent }));
  } catch {
    // Full or blocked: the marks last this visit only.
  }
}
