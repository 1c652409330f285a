/**
 * Record overrides: what a reader adds to or corrects in a source's
 * bibliographic record (the URL, the day of publication, a publisher…),
 * kept apart from the shipped metadata and laid over it when citing or
 * exporting. The shipped record (`sources/metadata.ts`) is never changed.
 *
 * One override per source id, a flat map from an editable field to the
 * value as a person types it (`issued` = `2015-06-03`, `author` =
 * `Winstanley-Chesters, Robert`). The same shape serves the reader's Edit
 * record form, its storage, the annotation export, and the CLI's
 * `--set FIELD=value`; every value is validated here, with messages that
 * name the valid choices.
 *
 * Environment-neutral: no storage, no DOM. The reader's store is
 * `app/citations/record-override-store.ts`.
 */
import { z } from 'zod';
import type { CslDate, CslItem, CslName, SourceMetadata } from '../metadata.ts';
import { EDITABLE_FIELDS, type EditableField } from './editable-fields.ts';

// The field list and labels live in a module without zod, so the reader's entry chunk (the Sync
// panel shows the labels) does not carry zod (bench/reader.ts: initial JS).
export { EDITABLE_FIELDS, FIELD_LABELS, type EditableField } from './editable-fields.ts';

/** A source's override: field → value as typed. An absent field keeps the shipped value. */
export type RecordOverride = Partial<Record<EditableField, string>>;

/** Longest value accepted for any field (a title, a URL). */
export const MAX_FIELD_CHARS = 2000;

/** Longest value accepted for a number-like field (volume, issue, edition, number, pages). */
export const MAX_NUMBER_CHARS = 100;

/** Fields that hold a short number or label (a volume, "2nd", "S1"), not prose. */
const NUMBER_FIELDS: ReadonlySet<EditableField> = new Set(['edition', 'volume', 'issue', 'number']);

/** One page or page range: `45`, `45-67`, `45–67`, `e1012`, `S12–S20`, `xii–xv`. */
const PAGES =
  /^(?:[A-Za-z]{0,2}\d+[A-Za-z]?|[ivxlcdm]+)(?:\s*[-–]\s*(?:[A-Za-z]{0,2}\d+[A-Za-z]?|[ivxlcdm]+))?$/i;

/** A DOI as the DOI Handbook gives it (2.2: prefix `10.` + registrant, `/`, suffix), without `https://doi.org/`. */
const DOI = /^10\.\d{4,9}\/\S+$/;

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The CSL date of `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or `null` when it is not a real date. */
export function parseDateValue(value: string): CslDate | null {
  const m = DATE.exec(value.trim());
  if (!m) return null;
  const parts = [Number(m[1])];
  if (m[2] !== undefined) parts.push(Number(m[2]));
  if (m[3] !== undefined) parts.push(Number(m[3]));
  const [y, mo = 1, d = 1] = parts as [number, number?, number?];
  if (y < 1000 || mo < 1 || mo > 12) return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return { 'date-parts': [parts] };
}

/** Names from `Family, Given; Family, Given`, or `null` if a name has no family part. */
export function parseNames(value: string): CslName[] | null {
  const names = value
    .split(';')
    .map((n) => n.trim())
    .filter(Boolean)
    .map((n) => {
      const comma = n.indexOf(',');
      const family = (comma === -1 ? n : n.slice(0, comma)).trim();
      const given = comma === -1 ? '' : n.slice(comma + 1).trim();
      return { family, given };
    });
  return names.length > 0 && names.every((n) => n.family) ? names : null;
}

/** `Family, Given; …` for a form, from CSL names. */
export function formatNames(names: readonly CslName[]): string {
  return names.map((n) => (n.given ? `${n.family}, ${n.given}` : n.family)).join('; ');
}

/** `YYYY[-MM[-DD]]` for a form, from a CSL date. */
export function formatDateValue(date: CslDate | undefined): string {
  const parts = date?.['date-parts'][0] ?? [];
  return parts.map((p, i) => (i === 0 ? String(p) : String(p).padStart(2, '0'))).join('-');
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * Checks one field's value; returns `null` when it is valid, else a
 * one-line message saying what is expected.
 */
export function fieldError(field: EditableField, value: string): string | null {
  const v = value.trim();
  if (v === '') return `${field} is empty (leave the field out to keep the built-in value)`;
  if (v.length > MAX_FIELD_CHARS) return `${field} is longer than ${MAX_FIELD_CHARS} characters`;
  // Control characters (a tab or newline is fine only in no field either).
  if ([...v].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127)) {
    return `${field} contains control characters`;
  }
  switch (field) {
    case 'issued':
    case 'accessed':
      return parseDateValue(v)
        ? null
        : `${field} must be a real date as YYYY, YYYY-MM or YYYY-MM-DD, not ${JSON.stringify(value)}`;
    case 'URL':
      return isHttpUrl(v) ? null : `URL must be an http(s) address, not ${JSON.stringify(value)}`;
    case 'author':
    case 'editor':
      return parseNames(v)
        ? null
        : `${field} must be "Family, Given" names separated by ";", not ${JSON.stringify(value)}`;
    case 'page':
      return PAGES.test(v)
        ? null
        : `page must be a page or a range such as 45–67, not ${JSON.stringify(value)}`;
    case 'DOI':
      return DOI.test(v)
        ? null
        : `DOI must look like 10.1234/abc (without https://doi.org/), not ${JSON.stringify(value)}`;
    default:
      if (NUMBER_FIELDS.has(field) && v.length > MAX_NUMBER_CHARS)
        return `${field} is longer than ${MAX_NUMBER_CHARS} characters`;
      return null;
  }
}

/** True if `name` is an editable field. */
export function isEditableField(name: string): name is EditableField {
  return (EDITABLE_FIELDS as readonly string[]).includes(name);
}

/** Zod schema of one stored override: only editable fields, each valid. */
export const RecordOverrideSchema = z
  .record(z.string(), z.string())
  .superRefine((value, ctx) => {
    for (const [field, v] of Object.entries(value)) {
      if (!isEditableField(field)) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `unknown field ${field} (valid: ${EDITABLE_FIELDS.join(', ')})`,
        });
        continue;
      }
      const error = fieldError(field, v);
      if (error) ctx.addIssue({ code: 'custom', path: [field], message: error });
    }
  })
  .transform((value) => value as RecordOverride);

/** Zod schema of every source's override, keyed by source id. */
export const RecordOverridesSchema = z.record(
  z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a source id'),
  RecordOverrideSchema,
);

/** Every source's override, keyed by source id. */
export type RecordOverrides = Readonly<Record<string, RecordOverride>>;

/**
 * Parses one `FIELD=value` assignment (the CLI's `--set`). Throws a
 * one-line message naming the valid fields or the expected value.
 */
export function parseAssignment(text: string): [EditableField, string] {
  const eq = text.indexOf('=');
  const field = eq === -1 ? text : text.slice(0, eq);
  if (!isEditableField(field)) {
    throw new Error(
      `unknown field ${JSON.stringify(field)} in --set (valid: ${EDITABLE_FIELDS.join(', ')})`,
    );
  }
  if (eq === -1) throw new Error(`--set ${field} needs a value: --set ${field}=<value>`);
  const value = text.slice(eq + 1).trim();
  const error = fieldError(field, value);
  if (error) throw new Error(error);
  return [field, value];
}

/** The CSL value of a field's typed value (already validated). */
function cslValue(field: EditableField, value: string): unknown {
  switch (field) {
    case 'issued':
    case 'accessed':
      return parseDateValue(value);
    case 'author':
    case 'editor':
      return parseNames(value);
    default:
      return value.trim();
  }
}

/**
 * The source with its override laid over the shipped record: the CSL record
 * gets each set field; a set field is no longer listed as inferred (a date
 * the reader gives is a date, not a guess), and `edited` names what the
 * reader changed. Pure; an empty or absent override returns `meta` itself.
 * Throws if a value is invalid (validate with `RecordOverrideSchema` first).
 */
export function applyRecordOverride(
  meta: SourceMetadata,
  override: RecordOverride | undefined,
): SourceMetadata {
  const fields = Object.keys(override ?? {}).filter(isEditableField);
  if (!override || fields.length === 0) return meta;
  const csl: Record<string, unknown> = { ...meta.csl };
  for (const field of fields) {
    const value = override[field]!;
    const error = fieldError(field, value);
    if (error) throw new Error(`${meta.id}: ${error}`);
    csl[field] = cslValue(field, value);
  }
  return {
    ...meta,
    csl: csl as unknown as CslItem,
    inferred: meta.inferred.filter((v) => !fields.includes(v.field as EditableField)),
    edited: fields,
  };
}

/** Each source with its override applied (sources without one are returned as they are). */
export function applyRecordOverrides(
  sources: readonly SourceMetadata[],
  overrides: RecordOverrides | undefined,
): SourceMetadata[] {
  return sources.map((m) => applyRecordOverride(m, overrides?.[m.id]));
}

/** The form values of a record: every editable field as a person would type it (empty when unset). */
export function formValues(csl: CslItem): Record<EditableField, string> {
  const out = {} as Record<EditableField, string>;
  for (const field of EDITABLE_FIELDS) {
    const v = (csl as unknown as Record<string, unknown>)[field];
    if (field === 'author') out[field] = formatNames(csl.author);
    else if (field === 'editor') out[field] = formatNames(csl.editor ?? []);
    else if (field === 'issued' || field === 'accessed')
      out[field] = formatDateValue(v as CslDate | undefined);
    else out[field] = typeof v === 'string' ? v : '';
  }
  return out;
}

/**
 * The override a form's values make: each field whose value differs from the
 * shipped record's (an emptied field keeps the shipped value). Returns the
 * override and the first invalid field's message, if any.
 */
export function overrideFromForm(
  shipped: CslItem,
  values: Partial<Record<EditableField, string>>,
): { override: RecordOverride; errors: Partial<Record<EditableField, string>> } {
  const base = formValues(shipped);
  const override: RecordOverride = {};
  const errors: Partial<Record<EditableField, string>> = {};
  for (const field of EDITABLE_FIELDS) {
    const value = (values[field] ?? '').trim();
    if (value === '' || value === base[field]) continue;
    const error = fieldError(field, value);
    if (error) errors[field] = error;
    else override[field] = value;
  }
  return { override, errors };
}

/** What merging imported record edits into the reader's own did. */
export interface RecordMerge {
  /** The reader's edits with the imported ones added. */
  readonly merged: RecordOverrides;
  /** Sources whose edits came from the file (the reader had none for them). */
  readonly added: readonly string[];
  /** Sources where the reader's own, different edits were kept and the file's left out. */
  readonly kept: readonly string[];
}

/**
 * Adds imported record edits to the reader's own. A source the reader has
 * not edited takes the file's edits; where the reader has, the reader's are
 * kept whole (nothing of theirs is overwritten by a file) and the source is
 * listed in `kept` so the caller can say so.
 */
export function mergeRecordOverrides(
  current: RecordOverrides,
  imported: RecordOverrides,
): RecordMerge {
  const merged: Record<string, RecordOverride> = { ...current };
  const added: string[] = [];
  const kept: string[] = [];
  for (const [id, fields] of Object.entries(imported)) {
    if (Object.keys(fields).length === 0) continue;
    const mine = current[id];
    if (mine === undefined || Object.keys(mine).length === 0) {
      merged[id] = fields;
      added.push(id);
    } else if (!sameOverride(mine, fields)) {
      kept.push(id);
    }
  }
  return { merged, added, kept };
}

function sameOverride(a: RecordOverride, b: RecordOverride): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<EditableField>;
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
}

/** One sentence on a merge for an import's summary, or `''` when nothing was in the file. */
export function describeRecordMerge(merge: RecordMerge, label: (id: string) => string): string {
  const parts: string[] = [];
  if (merge.added.length) {
    parts.push(`record edits added for ${merge.added.map(label).join(', ')}`);
  }
  if (merge.kept.length) {
    parts.push(
      `your own record edits kept for ${merge.kept.map(label).join(', ')} (the file’s differ and were not used)`,
    );
  }
  return parts.length ? ` ${parts.join('; ').replace(/^./, (c) => c.toUpperCase())}.` : '';
}
