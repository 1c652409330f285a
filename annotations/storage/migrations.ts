/**
 * Migrations of stored data from older versions to `STORAGE_VERSION`, one
 * step per version, applied in order (Excalidraw's `restore.ts` keeps its
 * legacy upgrades apart from what it writes in the same way).
 *
 * What it is for: reading what an older Diptych stored. What it is not for:
 * the exported W3C format, whose versions `annotations/io/` handles.
 *
 * There are no old versions yet: version 1 is the first stored format, so
 * `MIGRATIONS` is empty. To change the stored shape: bump `STORAGE_VERSION`
 * in `envelope.ts`, add a `{ from: n, migrate }` step here that turns a
 * version-n envelope into a version-(n+1) one, keep the version-n fixture in
 * `tests/annotations/storage/fixtures/v<n>.json` and add one for the new
 * version; `migrations.test.ts` loads every fixture and fails if a version
 * has no fixture or no migration.
 */
import { STORAGE_VERSION } from './envelope.ts';

/** One migration step. */
export interface Migration {
  /** The version this step reads; it returns data of version `from + 1`. */
  readonly from: number;
  /** Pure: returns the migrated envelope (with `version: from + 1`), or throws a message saying what it could not read. */
  readonly migrate: (envelope: Readonly<Record<string, unknown>>) => Record<string, unknown>;
}

/** The migration steps, by version. */
export const MIGRATIONS: readonly Migration[] = [];

/** The result of migrating: the current-version envelope, or why not. */
export type Migrated =
  | { readonly ok: true; readonly envelope: Record<string, unknown> }
  | { readonly ok: false; readonly message: string };

/** Migrates an envelope of any known version to `STORAGE_VERSION`. Never throws. */
export function migrateEnvelope(
  envelope: Readonly<Record<string, unknown>>,
  version: number,
): Migrated {
  if (version > STORAGE_VERSION) {
    return {
      ok: false,
      message: `The stored annotations were saved by a newer version of Diptych (data version ${version}; this one reads up to ${STORAGE_VERSION}).`,
    };
  }
  let current: Record<string, unknown> = { ...envelope };
  for (let v = version; v < STORAGE_VERSION; v++) {
    const step = MIGRATIONS.find((m) => m.from === v);
    if (!step) return { ok: false, message: `No migration from stored data version ${v}.` };
    try {
      current = step.migrate(current);
    } catch (error) {
      return {
        ok: false,
        message: `Could not upgrade stored data from version ${v}: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  }
  return { ok: true, envelope: current };
}
