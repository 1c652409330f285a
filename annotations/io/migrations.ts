/**
 * Versions of our exported format, and the migrations that bring an older
 * file up to the current one before it is read (Excalidraw's `restore.ts`
 * keeps "what we accept" apart from "what we write" the same way).
 *
 * What it is for: deciding, from a file's `diptych:formatVersion`, whether we
 * can read it, and upgrading it if it is older. Not for: other tools' files
 * (they carry no version of ours and are read as foreign W3C or Hypothesis).
 *
 * Format history:
 * - 1 — the first exported format (`w3c-export.ts`). There is no older one:
 *   `MIGRATIONS` is empty until the format changes. When it does, bump
 *   `CURRENT_FORMAT_VERSION`, add the step here, and keep a file of the old
 *   version in `tests/fixtures/annotations/format-v<N>.jsonld` with a test
 *   that it reads to the same annotations.
 */
import { CURRENT_FORMAT_VERSION } from './format.ts';
import type { JsonRecord } from './read-item.ts';

/** One upgrade step: a document of version `from` to version `from + 1`. */
export interface Migration {
  /** The version this step reads. */
  readonly from: number;
  /** What changed, for the changelog and error messages. */
  readonly change: string;
  /** The upgrade. Pure: returns a new document. */
  readonly migrate: (document: JsonRecord) => JsonRecord;
}

/** Every upgrade step, oldest first. Empty: format 1 is the only format so far. */
export const MIGRATIONS: readonly Migration[] = [];

/** The outcome of `migrateDocument`. */
export type MigrationResult =
  | { readonly ok: true; readonly document: JsonRecord; readonly from: number }
  | {
      readonly ok: false;
      readonly message: string;
      /** Set when a newer Diptych wrote the file: updating fixes it (the plain advice says so). */
      readonly newer?: true;
    };

/**
 * Brings a document of our format at `version` up to `CURRENT_FORMAT_VERSION`.
 * Refuses a version from the future (a newer Diptych wrote it; reading it
 * could lose what we do not understand) and versions that never existed.
 */
export function migrateDocument(
  document: JsonRecord,
  version: unknown,
  migrations: readonly Migration[] = MIGRATIONS,
  current: number = CURRENT_FORMAT_VERSION,
): MigrationResult {
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    return {
      ok: false,
      message: `"diptych:formatVersion" must be a whole number from 1, not ${JSON.stringify(version)}`,
    };
  }
  if (version > current) {
    return {
      ok: false,
      message: `the file was written by a newer Diptych (format ${version}); this one reads formats up to ${current}, so update Diptych first`,
      newer: true,
    };
  }
  let doc = document;
  for (let v = version; v < current; v += 1) {
    const step = migrations.find((m) => m.from === v);
    if (step === undefined)
      return { ok: false, message: `no upgrade from format ${v}; this Diptych cannot read it` };
    doc = step.migrate(doc);
  }
  return { ok: true, document: doc, from: version };
}
