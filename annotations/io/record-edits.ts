/**
 * The reader's record edits (`sources/citation/record-overrides.ts`: a URL,
 * a day of publication… laid over a source's built-in record) travel with
 * the annotations: an export lists them on the collection as
 * `diptych:records`, `[{ source: <source IRI>, fields: { URL: "https://…" } }]`,
 * and an import reads them back, every field validated with the same zod
 * schema the reader's store uses.
 *
 * A file without `diptych:records` (another tool's, an older export) has
 * none; a file whose record edits are malformed is refused whole, as a bad
 * annotation refuses it (nothing half-imported).
 *
 * Not for: merging them into the reader's own (`mergeRecordOverrides`).
 */
import { z } from 'zod';
import {
  RecordOverrideSchema,
  type RecordOverride,
  type RecordOverrides,
} from '../../sources/citation/record-overrides.ts';
import type { SourceId } from '../../sources/edition.ts';
import { firstIssue } from '../../sources/util/zod-issue.ts';
import { sourceIdFromIri, sourceIri } from './format.ts';

/** The collection's property that carries them. */
export const RECORDS_PROPERTY = 'diptych:records';

/** At most this many sources' edits in one file (a file is refused beyond it). */
const MAX_RECORDS = 10_000;

const SOURCE_ID = /^[a-z0-9][a-z0-9-]*$/;

const RecordEditsSchema = z
  .array(
    z.object({
      source: z
        .string()
        .max(2000)
        .refine((iri) => SOURCE_ID.test(sourceIdFromIri(iri) ?? ''), 'not a Diptych source IRI'),
      fields: RecordOverrideSchema,
    }),
  )
  .max(MAX_RECORDS);

/** One source's edits as written in a file. */
export interface RecordEditEntry {
  readonly source: string;
  readonly fields: RecordOverride;
}

/** The JSON to write for `records`, sources in id order, or `undefined` when there are none. */
export function recordEditsJson(records: RecordOverrides): RecordEditEntry[] | undefined {
  const entries = Object.entries(records)
    .filter(([, fields]) => Object.keys(fields).length > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, fields]) => ({ source: sourceIri(id as SourceId), fields: { ...fields } }));
  return entries.length ? entries : undefined;
}

/** What a file says about record edits. */
export type RecordEditsRead =
  | { readonly ok: true; readonly records: RecordOverrides }
  | { readonly ok: false; readonly message: string };

/**
 * Reads `diptych:records` from a parsed file (any JSON value); `{}` when the
 * file has none. A malformed list gives a one-line message with its path.
 */
export function readRecordEdits(document: unknown): RecordEditsRead {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    return { ok: true, records: {} };
  }
  const raw = (document as Record<string, unknown>)[RECORDS_PROPERTY];
  if (raw === undefined) return { ok: true, records: {} };
  const parsed = RecordEditsSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      message: `its record edits are invalid (${RECORDS_PROPERTY}.${firstIssue(parsed.error)})`,
    };
  }
  const records: Record<string, RecordOverride> = {};
  for (const entry of parsed.data) {
    const id = sourceIdFromIri(entry.source)!;
    if (id in records) {
      return { ok: false, message: `its record edits name ${id} twice` };
    }
    records[id] = entry.fields;
  }
  return { ok: true, records };
}
