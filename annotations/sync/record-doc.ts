/**
 * The sync contract's second kind of document: a reader's record override
 * (`sources/citation/record-overrides.ts`: a URL, a day of publication…
 * laid over a source's built-in record), one document per source, kept in
 * the reader's **private layer only** (issue 14: "Synced with the reader's
 * private layer"). A record edit is the reader's own view of a source's
 * metadata, not a note to share; a group's members each keep their own.
 *
 * ```json
 * { "_id": "diptych:record:lankov-2007", "type": "diptych:RecordOverride",
 *   "source": "urn:diptych:source:lankov-2007",
 *   "fields": { "URL": "https://…", "issued": "2007-09" },
 *   "modified": "2026-11-30T16:00:00.000Z",
 *   "creator": { "id": "urn:diptych:user:ana", "type": "Person", "nickname": "ana" } }
 * ```
 *
 * - `_id` is `diptych:record:<source id>`, so both devices of a reader write
 *   the same document and CouchDB's revision tree keeps both versions when
 *   they edit it before syncing (a conflict, shown, never dropped).
 * - Reverting to the built-in record deletes the document: the deletion
 *   replicates as a tombstone.
 * - `fields` has the shape of the annotation export's `diptych:records`
 *   entries (`annotations/io/record-edits.ts`) and the same zod schema.
 *
 * The server (`design-doc.ts`) checks the shape, the field names and the
 * simple value formats, and refuses the document in a group layer; the
 * client reads every arriving one with `readRecordOverrideDoc` (zod, the
 * store's own `RecordOverrideSchema`) before it touches state.
 *
 * Not for: the store (`app/citations/record-override-store.ts`) or the
 * replication (`annotations/replica/`).
 */
import { z } from 'zod';
import {
  RecordOverrideSchema,
  type RecordOverride,
} from '../../sources/citation/record-overrides.ts';
import type { SourceId } from '../../sources/edition.ts';
import { sourceIdFromIri, sourceIri } from '../io/format.ts';
import { TimestampSchema } from '../model/annotation.ts';
import {
  authorOfDoc,
  creatorOf,
  DEVICE_FIELD,
  DeviceIriSchema,
  type AnnotationDocCreator,
} from './annotation-doc.ts';

/** The prefix of a record override's document id. */
export const RECORD_DOC_PREFIX = 'diptych:record:';

/** The `type` of a record override document. */
export const RECORD_DOC_TYPE = 'diptych:RecordOverride';

const SOURCE_ID = /^[a-z0-9][a-z0-9-]{0,199}$/;

/** One record override as stored in the reader's private layer. */
export interface RecordOverrideDoc {
  /** `diptych:record:<source id>`: one document per source, the same on every device. */
  readonly _id: string;
  /** CouchDB's revision, present on documents read from a database. */
  readonly _rev?: string;
  /** Always `diptych:RecordOverride` (what the server's rule tells apart from an annotation). */
  readonly type: typeof RECORD_DOC_TYPE;
  /** The source's IRI, `urn:diptych:source:<id>`, as in the annotation export. */
  readonly source: string;
  /** Field → value as typed, validated by `RecordOverrideSchema`; never empty (a revert deletes the document). */
  readonly fields: RecordOverride;
  /** When the reader saved it (ISO 8601): shown beside each version of a conflict. */
  readonly modified: string;
  /** The reader; the server lets only them change it. */
  readonly creator: AnnotationDocCreator;
  /** The device that wrote this revision, when known (`diptych:device`, as on an annotation: `annotation-doc.ts`). */
  readonly 'diptych:device'?: string;
}

/** The document id of `sourceId`'s override. */
export function recordDocId(sourceId: string): string {
  return `${RECORD_DOC_PREFIX}${sourceId}`;
}

/** The source id of a record override document id, or `null` when `id` is not one. */
export function sourceOfRecordDocId(id: string): string | null {
  if (!id.startsWith(RECORD_DOC_PREFIX)) return null;
  const source = id.slice(RECORD_DOC_PREFIX.length);
  return SOURCE_ID.test(source) ? source : null;
}

/**
 * The document for `sourceId`'s override, written by `author` at `modified` on `device` (a device
 * IRI, left out when not given; throws when it is not one), without `_rev`.
 */
export function toRecordOverrideDoc(
  sourceId: string,
  fields: RecordOverride,
  author: string,
  modified: string,
  device?: string,
): RecordOverrideDoc {
  return {
    _id: recordDocId(sourceId),
    type: RECORD_DOC_TYPE,
    source: sourceIri(sourceId as SourceId),
    fields: { ...fields },
    modified,
    creator: creatorOf(author),
    ...(device === undefined ? {} : { [DEVICE_FIELD]: DeviceIriSchema.parse(device) }),
  };
}

/** The largest record override document read (a handful of fields of at most 2,000 characters). */
export const MAX_RECORD_DOC_CHARS = 100_000;

const RecordOverrideDocSchema = z.object({
  _id: z.string(),
  type: z.literal(RECORD_DOC_TYPE),
  source: z.string().max(300),
  fields: RecordOverrideSchema.refine(
    (f) => Object.keys(f).length > 0,
    'no field (a revert deletes the document)',
  ),
  modified: TimestampSchema,
  creator: z.object({ id: z.string(), type: z.literal('Person'), nickname: z.string() }),
});

/** A record override document read: the source, its fields, who and when — or why it was rejected. */
export type IncomingRecordDoc =
  | {
      readonly ok: true;
      readonly sourceId: string;
      readonly fields: RecordOverride;
      readonly modified: string;
      readonly author: string;
    }
  | { readonly ok: false; readonly reason: string };

/**
 * Reads one stored record override document (live, not a deletion) through
 * the schema; never throws. The reason is one sentence for the Sync panel's
 * list of rejected documents.
 */
export function readRecordOverrideDoc(doc: Readonly<Record<string, unknown>>): IncomingRecordDoc {
  let size: number;
  try {
    size = JSON.stringify(doc).length;
  } catch {
    return { ok: false, reason: 'it cannot be read as JSON' };
  }
  if (size > MAX_RECORD_DOC_CHARS)
    return {
      ok: false,
      reason: `it is ${size.toLocaleString('en')} characters; a record edit is at most ${MAX_RECORD_DOC_CHARS.toLocaleString('en')}`,
    };
  const parsed = RecordOverrideDocSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') ?? '';
    return {
      ok: false,
      reason: `it is not a valid record edit (${where ? `${where}: ` : ''}${issue?.message ?? 'invalid'})`,
    };
  }
  const sourceId = sourceOfRecordDocId(parsed.data._id);
  if (sourceId === null || sourceIdFromIri(parsed.data.source) !== sourceId)
    return { ok: false, reason: 'its _id does not name the source it edits' };
  const author = authorOfDoc(doc);
  if (author === null) return { ok: false, reason: 'it names no Diptych user as its creator' };
  return {
    ok: true,
    sourceId,
    fields: parsed.data.fields,
    modified: parsed.data.modified,
    author,
  };
}
