/**
 * What the W3C and Hypothesis readers share: the result of reading one item
 * of a file, the context they read in, and small helpers for untrusted JSON.
 *
 * Not for: deciding a file's format or summing up (`import-annotations.ts`).
 */
import { AnnotationSchema, type Annotation } from '../model/annotation.ts';
import type { ResolveContext } from './resolve-target.ts';
import type { ItemProblem } from './import-advice.ts';
import { firstIssue } from '../../sources/util/zod-issue.ts';

/** The pure inputs a reader needs. */
export interface ReadContext extends ResolveContext {
  /** The time to stamp on an imported annotation that carries no date of its own. */
  readonly now: string;
}

/** The outcome of reading one item of a file. */
export type ItemRead =
  | {
      readonly kind: 'annotation';
      readonly annotation: Annotation;
      /** A target placed where its quote is, not where the file said: where and why. */
      readonly rederived?: { readonly path: string; readonly reason: string };
      /** A target kept unplaced: its quote is nowhere in its text (`ResolveContext.keepUnplaced`). */
      readonly unplaced?: true;
    }
  | { readonly kind: 'skipped'; readonly reason: string }
  | {
      readonly kind: 'error';
      readonly path: string;
      readonly message: string;
      /** Set when the file may be fine but this browser lacks the item's text or quote. */
      readonly cause?: ItemProblem;
    };

/** A plain JSON object. */
export type JsonRecord = Readonly<Record<string, unknown>>;

/** True for a JSON object (not an array, not null). */
export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON-LD value that may be one item or an array of them, as an array. */
export function asArray(value: unknown): readonly unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** True when a JSON-LD `type` (a string or an array of strings) includes `name`. */
export function hasType(value: unknown, name: string): boolean {
  return asArray(value).includes(name);
}

/** Appends a property or index to a JSON path (`items[3].target`). */
export function child(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  const safe = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
  if (safe !== key) return `${path}[${safe}]`;
  return path === '' ? key : `${path}.${key}`;
}

const ISO_UTC_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * A date as we store it (`toISOString`), or `null` if it is not a date with a
 * time zone. W3C §3.3.1 asks for xsd:dateTime with a timezone; Hypothesis
 * writes microseconds and `+00:00`. A date without a zone is ambiguous, so
 * it is refused rather than guessed.
 */
export function normalizeDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  // Fast path: already as we write it (every date in our own export).
  if (ISO_UTC_MS.test(value)) {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? null : new Date(ms).toISOString() === value ? value : null;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value.trim()))
    return null;
  const ms = Date.parse(value.trim().replace(/(\.\d{3})\d+/, '$1'));
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/**
 * Validates a built annotation with the one schema, turning a failure into an
 * error at the item's path (the schema's own field path in parentheses).
 */
export function validated(
  built: unknown,
  path: string,
  rederived?: { readonly path: string; readonly reason: string },
  unplaced = false,
): ItemRead {
  const result = AnnotationSchema.safeParse(built);
  if (result.success)
    return {
      kind: 'annotation',
      annotation: result.data,
      ...(rederived === undefined ? {} : { rederived }),
      ...(unplaced ? { unplaced: true as const } : {}),
    };
  return { kind: 'error', path, message: firstIssue(result.error) };
}
