/**
 * The record overrides' side of the replica (issue 14: "Synced with the
 * reader's private layer"): the port through which the engine watches and
 * feeds the reader's record overrides, and the pure steps the engine takes
 * with them — what changed since it last looked, and the versions of a
 * record edited on two devices.
 *
 * The overrides' store (`app/citations/record-override-store.ts`, on
 * localStorage) stays the store of record for what the reader sees, as the
 * annotation store does; the private layer's database holds one document
 * per edited source (`annotations/sync/record-doc.ts`). The engine joins
 * them the way it joins annotations (`sync-engine.ts`).
 *
 * Not for: replication or the documents' shape.
 */
import { whereMade, type MadeWhere } from './device-id.ts';
import type { RecordOverride, RecordOverrides } from '../../sources/citation/record-overrides.ts';
import { readRecordOverrideDoc } from '../sync/record-doc.ts';
import { readableVersions } from './conflict-versions.ts';
import type { PouchDatabase, PouchDoc } from './pouch-types.ts';

/** Where a change of the overrides came from: the reader (this tab or another), or the replica. */
export type RecordOrigin = 'local' | 'replica';

/** What the engine gets of the reader's record overrides. */
export interface RecordOverridePort {
  /** Every override, keyed by source id. */
  current(): RecordOverrides;
  /** Calls `listener` after every change; returns the unsubscribe function. */
  watch(listener: (overrides: RecordOverrides, origin: RecordOrigin) => void): () => void;
  /**
   * Replaces the overrides with `update(current)`: documents from the
   * server, already validated. Announced to watchers as `replica`, and not
   * an undoable change of the reader's.
   */
  receive(update: (current: RecordOverrides) => RecordOverrides): void;
}

/** One version of a record edited on two devices before they synced. */
export interface RecordConflictVersion {
  readonly rev: string;
  readonly fields: RecordOverride;
  /** When that device saved it (ISO). */
  readonly modified: string;
  /** Whether this device saved it, another did, or its document does not say (`device-id.ts`). */
  readonly made: MadeWhere;
}

/** JSON with object keys sorted: two overrides with the same fields compare equal. */
export function overrideKey(fields: RecordOverride | undefined): string {
  if (!fields) return '';
  return JSON.stringify(
    Object.fromEntries(Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  );
}

/** The overrides as keys, for "what changed?". */
export function overrideKeys(overrides: RecordOverrides): Map<string, string> {
  const out = new Map<string, string>();
  for (const [source, fields] of Object.entries(overrides))
    if (Object.keys(fields).length > 0) out.set(source, overrideKey(fields));
  return out;
}

/**
 * What the reader changed between `seen` (as `overrideKeys` gave it) and
 * `now`: the sources to write, with their fields, and the sources reverted
 * to the built-in record (to delete).
 */
export function recordChanges(
  seen: ReadonlyMap<string, string>,
  now: RecordOverrides,
): { puts: [string, RecordOverride][]; deletes: string[] } {
  const puts: [string, RecordOverride][] = [];
  const current = overrideKeys(now);
  for (const [source, key] of current)
    if (seen.get(source) !== key) puts.push([source, now[source]!]);
  const deletes = [...seen.keys()].filter((source) => !current.has(source));
  return { puts, deletes };
}

/**
 * Every readable version of a record override document (the winner and each
 * conflicting revision), in the order CouchDB lists them, each marked made on
 * `device` (this one) or elsewhere. A revision that is unreadable or was
 * compacted away is left out.
 */
export async function recordVersionsOf(
  local: PouchDatabase,
  doc: PouchDoc,
  device: string,
): Promise<RecordConflictVersion[]> {
  return readableVersions(local, doc, (version, rev) => {
    const read = readRecordOverrideDoc(version);
    return read.ok
      ? { rev, fields: read.fields, modified: read.modified, made: whereMade(version, device) }
      : undefined;
  });
}
