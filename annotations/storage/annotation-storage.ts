/**
 * Loading and saving the annotation set through a storage port.
 *
 * What it is for: the two boundary crossings. Load reads the one key,
 * migrates, validates every record with the model's `AnnotationSchema`, and
 * — before anything can overwrite it — copies data it could not fully read
 * to a backup key, keeps it, and reports it; the app opens either way. Save
 * writes the whole set in one `setItem`, so a failed write (a full storage)
 * leaves the previous value intact, and reports the failure in words the
 * reader can act on. What it is not for: deciding when to save or merging
 * tabs' changes (`annotations/store.ts`, `merge.ts`).
 *
 * One exception to "validates every record": the string this app itself
 * last wrote. Each save also writes a digest of the exact string written
 * (`stored-digest.ts`, under `DIGEST_KEY`, after the data); a load whose
 * stored string matches that digest checks the envelope but not each record
 * again — they were checked when they entered the store, and with 10,000
 * annotations that check was two seconds of the reader's start (issue 15).
 * Any mismatch, a missing digest, another version or validation epoch
 * validates in full, with the backup and message as before; so does every
 * string arriving from another tab (`port-persistence.ts` calls
 * `parseStored` without a digest). `stored-digest.ts` says why the rule is
 * safe and what it does not guard against.
 *
 * Departs from Excalidraw's `localStorage.ts` (`excalidraw-app/data/`), which
 * reads unparsable data as empty and lets the next save erase it, and writes
 * two keys one after the other, so a failed second write leaves them out of
 * step. (The digest is a second key too, but it holds no data: out of step
 * with the data, it matches nothing and costs one full validation.)
 */
import { AnnotationSchema, TimestampSchema, type Annotation } from '../model/annotation.ts';
import {
  ANNOTATIONS_KEY,
  BACKUP_PREFIX,
  DIGEST_KEY,
  ENVELOPE_SOURCE,
  ENVELOPE_TYPE,
  EnvelopeHeaderSchema,
  STORAGE_VERSION,
  StoredEnvelopeSchema,
  type StoredEnvelope,
} from './envelope.ts';
import { EMPTY_SET, mergeSets, type AnnotationSet } from './merge.ts';
import { MAX_TIME } from '../state/stamps.ts';
import { migrateEnvelope } from './migrations.ts';
import { isQuotaExceeded } from './quota.ts';
import {
  digestHead,
  digestRecord,
  matchesDigest,
  murmur128Utf16InSlices,
} from './stored-digest.ts';
import type { StoragePort } from './storage-port.ts';
import { firstIssue } from '../../sources/util/zod-issue.ts';
import { counted } from '../../sources/util/plural.ts';

/** Why stored data could not be read in full. */
export type LoadProblemKind =
  /** Not JSON at all. */
  | 'unparsable'
  /** JSON, but not a Diptych annotation envelope. */
  | 'not-ours'
  /** Written by a newer Diptych, or by a version we cannot migrate. */
  | 'unsupported-version'
  /** A Diptych envelope of the right version, but malformed. */
  | 'wrong-shape'
  /** Some records failed validation; the others were loaded. */
  | 'invalid-records';

/** A record that failed validation. */
export interface InvalidRecord {
  /** Its index in the stored array. */
  readonly index: number;
  /** Its id, when it had a readable one. */
  readonly id?: string;
  /** The first problem, with the field path: `targets.0.selectors.position.end: …`. */
  readonly message: string;
}

/** What `parseStored` found. Pure data; no I/O. */
export interface ParsedStore {
  /** What could be read (empty when nothing could). */
  readonly set: AnnotationSet;
  /** What went wrong, or `null`. */
  readonly problem: { readonly kind: LoadProblemKind; readonly message: string } | null;
  /** The records that failed validation. */
  readonly invalid: readonly InvalidRecord[];
}

/**
 * True if `set` has no duplicate ids and no annotation its tombstones delete.
 *
 * A set this app saved is sorted by id (each save writes `mergeSets`'s
 * result): ids in strictly increasing order are all different, and each
 * tombstone's annotation, if any, is found by binary search. That is a few
 * milliseconds for 10,000 annotations where the set of their ids built
 * below took 10–20 (issue 15: the reader's start). Any other order is
 * checked that way, as before.
 */
function isNormal(set: AnnotationSet): boolean {
  const list = set.annotations;
  for (let i = 1; i < list.length; i++) {
    const a = list[i - 1]!.id;
    const b = list[i]!.id;
    if (typeof a !== 'string' || typeof b !== 'string' || !(a < b)) return isNormalUnsorted(set);
  }
  for (const [id, at] of Object.entries(set.deleted)) {
    const a = byIdIn(list, id);
    if (a !== undefined && Date.parse(at) >= Date.parse(a.modified)) return false;
  }
  return true;
}

/** The annotation with `id` in `list`, sorted by id (strictly increasing), or `undefined`. */
function byIdIn(list: readonly Annotation[], id: string): Annotation | undefined {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.id < id) lo = mid + 1;
    else hi = mid;
  }
  return list[lo]?.id === id ? list[lo] : undefined;
}

/** `isNormal` for a set in any order. */
function isNormalUnsorted(set: AnnotationSet): boolean {
  const ids = new Set<string>();
  for (const a of set.annotations) {
    if (ids.has(a.id)) return false;
    ids.add(a.id);
    const at = set.deleted[a.id];
    if (at !== undefined && Date.parse(at) >= Date.parse(a.modified)) return false;
  }
  return true;
}

/**
 * Reads a stored value (or `null` for none). Never throws, and is
 * deterministic: the same strings always give the same result. `digest` is
 * what `DIGEST_KEY` held: when it is the digest of `raw`, the records are
 * not validated again (see the module comment); otherwise, or without it,
 * every record is.
 */
export function parseStored(raw: string | null, digest: string | null = null): ParsedStore {
  if (raw === null) return { set: EMPTY_SET, problem: null, invalid: [] };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return failed('unparsable', 'The stored annotations are not readable (not valid JSON).');
  }
  return (matchesDigest(raw, digest) ? trustedSet(data) : null) ?? validateStored(data);
}

function failed(kind: LoadProblemKind, message: string): ParsedStore {
  return { set: EMPTY_SET, problem: { kind, message }, invalid: [] };
}

/**
 * The set in parsed stored data whose string matched the digest of what this
 * app wrote: the envelope is checked (the current version, its shape), the
 * records are taken as they are. `null` when the envelope is not what this
 * version writes — then the caller validates in full (`validateStored`).
 */
export function trustedSet(data: unknown): ParsedStore | null {
  const records = (data as { annotations?: unknown } | null)?.annotations;
  if (!Array.isArray(records)) return null;
  // Checked without its records (they are taken as they are): `z.array(z.unknown())` still
  // visits each of 10,000.
  const envelope = StoredEnvelopeSchema.safeParse({ ...(data as object), annotations: [] });
  if (!envelope.success) return null;
  const stored: AnnotationSet = {
    annotations: records as Annotation[],
    deleted: envelope.data.deleted,
    revision: envelope.data.revision,
  };
  return {
    set: isNormal(stored) ? stored : mergeSets(EMPTY_SET, stored),
    problem: null,
    invalid: [],
  };
}

/** Parsed stored data, every record validated: what `parseStored` does without a matching digest. */
function validateStored(data: unknown): ParsedStore {
  const header = EnvelopeHeaderSchema.safeParse(data);
  if (!header.success) {
    return failed(
      'not-ours',
      `The stored data is not a Diptych annotation set (${firstIssue(header.error)}).`,
    );
  }
  const migrated = migrateEnvelope(header.data, header.data.version);
  if (!migrated.ok) return failed('unsupported-version', migrated.message);
  const envelope = StoredEnvelopeSchema.safeParse(migrated.envelope);
  // A bad field around the records (a tombstone, the revision, an unknown
  // field) costs nothing but itself: every record is still checked and kept
  // if valid (issue 12, item 2). Only records that are not a list are lost.
  const damage = envelope.success ? null : firstIssue(envelope.error);
  const body = envelope.success ? envelope.data : salvage(migrated.envelope);
  if (body === null) {
    return failed('wrong-shape', `The stored annotation set is damaged (${damage}).`);
  }
  const valid: Annotation[] = [];
  const invalid: InvalidRecord[] = [];
  body.annotations.forEach((record, index) => {
    const parsed = AnnotationSchema.safeParse(record);
    if (parsed.success) {
      valid.push(parsed.data);
    } else {
      const id = (record as { id?: unknown } | null)?.id;
      invalid.push({
        index,
        ...(typeof id === 'string' ? { id } : {}),
        message: firstIssue(parsed.error),
      });
    }
  });
  const stored: AnnotationSet = {
    annotations: valid,
    deleted: body.deleted,
    revision: body.revision,
  };
  // A set we wrote has no duplicate ids and no annotation under a live
  // tombstone; only otherwise is the merge (which sorts) needed to apply
  // the rule for duplicates and deletions.
  const set = isNormal(stored) ? stored : mergeSets(EMPTY_SET, stored);
  const total = body.annotations.length;
  const records = `${invalid.length} of ${counted(total, 'stored annotation')} could not be read (the first, #${(invalid[0]?.index ?? 0) + 1}: ${invalid[0]?.message})`;
  const problem =
    damage !== null
      ? {
          kind: 'wrong-shape' as const,
          message: `The stored annotation set is damaged (${damage}); ${valid.length} of ${counted(total, 'annotation was', 'annotations were')} recovered${invalid.length ? ` (${records})` : ''}.`,
        }
      : invalid.length
        ? {
            kind: 'invalid-records' as const,
            message: `${records}; the others are open as usual.`,
          }
        : null;
  return { set, problem, invalid };
}

/**
 * What can be read around the records of an envelope that fails
 * `StoredEnvelopeSchema`: the records if they are a list, the tombstones
 * that are valid, the revision if valid (else 0). `null` when the records
 * are not a list (nothing to recover).
 */
function salvage(
  envelope: Record<string, unknown>,
): { annotations: unknown[]; deleted: Record<string, string>; revision: number } | null {
  if (!Array.isArray(envelope.annotations)) return null;
  const deleted: Record<string, string> = {};
  const tombs = envelope.deleted;
  if (tombs !== null && typeof tombs === 'object' && !Array.isArray(tombs)) {
    for (const [id, at] of Object.entries(tombs))
      if (TimestampSchema.safeParse(at).success) deleted[id] = at as string;
  }
  const revision = StoredEnvelopeSchema.shape.revision.safeParse(envelope.revision);
  return {
    annotations: envelope.annotations,
    deleted,
    revision: revision.success ? revision.data : 0,
  };
}

/** What loading found and did. */
export interface LoadResult extends ParsedStore {
  /** Where the unreadable data was copied before anything could overwrite it, or `null` if nothing needed copying (or the copy failed). */
  readonly backupKey: string | null;
  /**
   * False when stored data could not be read *and* could not be backed up
   * (saving would overwrite the only copy), or was written by a newer
   * Diptych (saving would replace it under the newer version's feet): the
   * store must not save; the app says so with `message`.
   */
  readonly writable: boolean;
  /** What to tell the reader, or `null` when all went well. */
  readonly message: string | null;
}

/** A backup key for `now` that is not in use yet. */
export function backupKey(now: Date, existing: readonly string[]): string {
  const base = `${BACKUP_PREFIX}${now.toISOString()}`;
  const taken = new Set(existing);
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/**
 * Copies `raw` to a fresh backup key. Returns the key, or `null` if the copy
 * failed (typically a full storage).
 */
export function backUp(port: StoragePort, raw: string, now: Date): string | null {
  const key = backupKey(now, port.keys());
  try {
    port.set(key, raw);
    return port.get(key) === raw ? key : null;
  } catch {
    return null;
  }
}

/**
 * Loads the annotation set. Unreadable data is copied to a backup key
 * *first*; the result says where, and whether saving is safe.
 */
export function loadAnnotations(port: StoragePort, now: Date = new Date()): LoadResult {
  const raw = port.get(ANNOTATIONS_KEY);
  return settleLoad(port, raw, parseStored(raw, raw === null ? null : port.get(DIGEST_KEY)), now);
}

/**
 * The second half of `loadAnnotations`, for a caller that parsed `raw`
 * elsewhere (the reader parses and validates it in a worker,
 * `app/annotations/read-stored-set.ts`): backs up what could not be read and
 * says whether saving is safe. `parsed` must be `parseStored(raw)`.
 */
export function settleLoad(
  port: StoragePort,
  raw: string | null,
  parsed: ParsedStore,
  now: Date = new Date(),
): LoadResult {
  if (!parsed.problem || raw === null)
    return { ...parsed, backupKey: null, writable: true, message: null };
  const key = backUp(port, raw, now);
  // Data from a newer Diptych is left where that version will look for it:
  // this one reads nothing from it and must not replace it.
  const newer = parsed.problem.kind === 'unsupported-version';
  const message = !key
    ? `${parsed.problem.message} Diptych could not make a backup copy (the browser's storage may be full), so it will not save changes over the stored data. Export your annotations to keep them.`
    : newer
      ? `${parsed.problem.message} It is left as it is (a copy is also kept under "${key}"), and changes made here will not be saved. Export them to keep them.`
      : `${parsed.problem.message} A copy of everything that was stored is kept in this browser under "${key}".`;
  return { ...parsed, backupKey: key, writable: key !== null && !newer, message };
}

/** The envelope for a set, as it is written. */
export function toEnvelope(set: AnnotationSet, now: Date): StoredEnvelope {
  return {
    type: ENVELOPE_TYPE,
    version: STORAGE_VERSION,
    source: ENVELOPE_SOURCE,
    revision: set.revision,
    // A clock past the year 9999 would write a date the loader refuses.
    savedAt: new Date(Math.min(now.getTime(), MAX_TIME)).toISOString(),
    annotations: [...set.annotations],
    deleted: { ...set.deleted },
  };
}

/** The outcome of a save. */
export type SaveResult =
  | { readonly ok: true }
  | {
      readonly ok: false;
      /** `quota` when the storage is full. */
      readonly reason: 'quota' | 'error';
      /** What to tell the reader. */
      readonly message: string;
    };

/** The words for a full storage. */
export const QUOTA_MESSAGE =
  "Your browser's storage is full; nothing was lost — the last change was not saved. Export your annotations to keep a copy, then free some space (for example, delete old backups).";

/** Why `envelope` must not be written (what the loader would refuse), or `null` when it may be. */
function envelopeRefusal(envelope: StoredEnvelope): Extract<SaveResult, { ok: false }> | null {
  // Never write what the loader would refuse (issue 12: a tombstone dated
  // past the year 9999 once emptied the list on the next load). The records
  // were each checked by the store; this checks what is around them. The
  // schema takes the records as `unknown`, so checking the envelope with an
  // empty list is the same check without visiting each of 10,000.
  const checked = Array.isArray(envelope.annotations)
    ? StoredEnvelopeSchema.safeParse({ ...envelope, annotations: [] })
    : StoredEnvelopeSchema.safeParse(envelope);
  if (checked.success) return null;
  return {
    ok: false,
    reason: 'error',
    message: `The last change was not saved: it would have been stored unreadable (${firstIssue(checked.error)}); nothing stored was lost. Export your annotations to keep a copy.`,
  };
}

/** Writes `json` (a checked envelope's JSON), then `digest` (its digest record, made on demand); the outcome in words. */
function writeChecked(port: StoragePort, json: string, digest: () => string): SaveResult {
  try {
    port.set(ANNOTATIONS_KEY, json);
  } catch (error) {
    if (isQuotaExceeded(error)) return { ok: false, reason: 'quota', message: QUOTA_MESSAGE };
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      reason: 'error',
      message: `The last change could not be saved (${detail}); nothing stored was lost. Export your annotations to keep a copy.`,
    };
  }
  // After the data, never before: a digest that could not be written (a full
  // storage) is removed, and a stale one matches nothing; either way the next
  // load validates in full, and nothing is lost.
  try {
    port.set(DIGEST_KEY, digest());
  } catch {
    port.remove(DIGEST_KEY);
  }
  return { ok: true };
}

/**
 * Writes the set in one `setItem`. On failure the stored value is the
 * previous one, untouched; the result says why in plain words.
 */
export function saveAnnotations(
  port: StoragePort,
  set: AnnotationSet,
  now: Date = new Date(),
): SaveResult {
  const envelope = toEnvelope(set, now);
  const refused = envelopeRefusal(envelope);
  if (refused) return refused;
  const json = JSON.stringify(envelope);
  return writeChecked(port, json, () => digestRecord(json));
}

/** A save made ready over short tasks (`prepareSaveInSlices`), written with `writePrepared`. */
export type PreparedSave =
  | {
      readonly ok: true;
      /** Exactly `JSON.stringify(toEnvelope(set, now))`. */
      readonly json: string;
      /** `digestRecord(json)`. */
      readonly digest: string;
    }
  | Extract<SaveResult, { ok: false }>;

/** The longest stretch of serializing between two pauses, in ms. */
const SLICE_MS = 8;
/** Annotations serialized between two looks at the clock. */
const SLICE_RECORDS = 200;

/**
 * What `saveAnnotations` does before its `setItem`, spread over tasks of
 * at most a few ms (`pause()` is awaited between them): the envelope check,
 * the JSON (records serialized a few hundred at a time; the result is the
 * same string as `JSON.stringify(toEnvelope(set, now))`, which the unit test
 * checks) and its digest (`murmur128Utf16InSlices`). For the 10,000
 * annotations of a first replication, done in one go it was a task of
 * 100-200 ms (`bench/trace-sync-replication.ts`). `set` must not change
 * meanwhile (the store's sets are never mutated: it is replaced).
 */
export async function prepareSaveInSlices(
  set: AnnotationSet,
  now: Date,
  pause: () => Promise<void>,
): Promise<PreparedSave> {
  const envelope = toEnvelope(set, now);
  const refused = envelopeRefusal(envelope);
  if (refused) return refused;
  const { annotations, deleted, ...head } = envelope;
  const parts: string[] = [];
  const clock = (): number => globalThis.performance?.now() ?? Date.now();
  let deadline = clock() + SLICE_MS;
  for (let from = 0; from < annotations.length; from += SLICE_RECORDS) {
    if (clock() >= deadline) {
      await pause();
      deadline = clock() + SLICE_MS;
    }
    // `[a,b]` without its brackets: the array's JSON is its items' joined by commas.
    parts.push(JSON.stringify(annotations.slice(from, from + SLICE_RECORDS)).slice(1, -1));
  }
  // `toEnvelope`'s key order: type, version, source, revision, savedAt, annotations, deleted.
  const json = `${JSON.stringify(head).slice(0, -1)},"annotations":[${parts.join(',')}],"deleted":${JSON.stringify(deleted)}}`;
  await pause();
  return {
    ok: true,
    json,
    digest: digestHead(json.length) + (await murmur128Utf16InSlices(json, pause)),
  };
}

/** Writes a prepared save (data, then digest), as `saveAnnotations` writes; the outcome in words. */
export function writePrepared(port: StoragePort, prepared: PreparedSave): SaveResult {
  return prepared.ok ? writeChecked(port, prepared.json, () => prepared.digest) : prepared;
}

/** The backup keys in storage, oldest first (ISO times sort as text). */
export function listBackups(port: StoragePort): string[] {
  return port
    .keys()
    .filter((k) => k.startsWith(BACKUP_PREFIX))
    .sort();
}
