/**
 * Reads the stored annotation string this app itself last wrote (its digest
 * matches, `stored-digest.ts`) in short tasks, on the caller's thread.
 *
 * What it is for: the reader's start with 10,000 stored annotations (issue
 * 15: ready within a second, no task over 100 ms). Trusted, the string needs
 * no record-by-record validation, only parsing — but `JSON.parse` of its
 * 5 M characters is one task of 45–200 ms in Chromium here, and a worker
 * costs more than it saves (the string must be copied to it, and the records
 * back as JSON to be parsed again: `app/annotations/read-stored-set.ts`). So
 * each record is parsed on its own, with `pause()` awaited every few
 * milliseconds. Parsing stays `JSON.parse`'s; this module only finds where
 * records end (`parseRecords`) — no streaming JSON parser on npm comes near
 * `JSON.parse`'s speed, which is the point.
 *
 * What it is not for: anything not matching the digest (`null`: the caller
 * validates in full), or deciding what the digest rule is (`stored-digest.ts`).
 */
import { parseStored, trustedSet, type ParsedStore } from './annotation-storage.ts';
import { matchesDigestInSlices } from './stored-digest.ts';

/** The longest stretch of work between two pauses, in ms. */
const SLICE_MS = 8;
/** How `saveAnnotations` separates two records: the guess at where one ends (see `parseRecords`). */
const RECORD_GAP = '},{"';
/** Where the records start in what `saveAnnotations` writes (`toEnvelope`'s key order). */
const RECORDS_MARK = ',"annotations":[';

const BACKSLASH = 0x5c;
const QUOTE = 0x22;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

const now = (): number => globalThis.performance?.now() ?? Date.now();

/**
 * `parseStored(raw, digest)` when `digest` is the digest of `raw`, done in
 * slices of a few ms with `pause()` awaited between; `null` when it is not
 * (the caller then validates `raw` in full, as before).
 */
export async function readTrustedSet(
  raw: string,
  digest: string | null,
  pause: () => Promise<void>,
): Promise<ParsedStore | null> {
  if (!(await matchesDigestInSlices(raw, digest, pause))) return null;
  await pause();
  const data = await parseRecords(raw, pause);
  await pause();
  // Not the shape this version writes (it always is, for a string whose
  // digest it wrote): read it the plain way, which validates what it must.
  return (data === null ? null : trustedSet(data)) ?? parseStored(raw, digest);
}

/**
 * Where the JSON string opened by the quote at `open` ends (its closing
 * quote), or -1 if it never does. A quote is escaped when an odd number of
 * backslashes precede it (`\\"` is a backslash, then the end).
 */
function stringEnd(raw: string, open: number): number {
  let close = raw.indexOf('"', open + 1);
  while (close > 0) {
    let before = close - 1;
    while (raw.charCodeAt(before) === BACKSLASH) before--;
    if ((close - 1 - before) % 2 === 0) return close;
    close = raw.indexOf('"', close + 1);
  }
  return -1;
}

/**
 * Where the JSON object or array opened at `open` ends (its closing brace or
 * bracket), tracking strings, escapes and nesting; -1 if it never does.
 */
function valueEnd(raw: string, open: number): number {
  let depth = 0;
  for (let i = open; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === QUOTE) {
      // Most of a record is inside JSON strings (quotes, notes): jump to the string's end with
      // `indexOf` (a fast native search) rather than stepping through it character by character.
      i = stringEnd(raw, i);
      if (i < 0) return -1;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (--depth === 0) return i;
    }
  }
  return -1;
}

/**
 * `JSON.parse(raw)` for an envelope as `saveAnnotations` writes it, record by
 * record; `null` if `raw` is not laid out that way.
 *
 * Each record is parsed on its own, from a slice of `raw` (V8 slices a string
 * without copying it, and `JSON.parse` reads the slice in place): cheaper than
 * parsing runs of records wrapped in brackets, which copied every run into a
 * new string first. Where a record ends is guessed first: `saveAnnotations`
 * writes records as `{…},{"…`, so the next `},{"` is its end unless a string
 * holds that text (a note ending in `},{`, say) — then the slice is not one
 * JSON value, `JSON.parse` throws, and the end is found by a scan that tracks
 * strings and nesting (`valueEnd`). Either way the records are parsed from
 * slices that tile the array exactly (each followed by one comma, the last by
 * its `]`), each slice one whole JSON value: so the result is exactly
 * `JSON.parse(raw)`'s, whatever the guess.
 */
async function parseRecords(raw: string, pause: () => Promise<void>): Promise<unknown> {
  const mark = raw.indexOf(RECORDS_MARK);
  if (mark < 0) return null;
  let head: unknown;
  try {
    head = JSON.parse(`${raw.slice(0, mark)}}`);
  } catch {
    return null; // the mark was inside a string, or the head is not an object's start
  }
  if (head === null || typeof head !== 'object' || Array.isArray(head)) return null;
  const records: unknown[] = [];
  let start = mark + RECORDS_MARK.length;
  let deadline = now() + SLICE_MS;
  // An empty list is `[]`; otherwise each record starts with `{` and is followed by `,` or the `]`.
  while (raw.charCodeAt(start) !== CLOSE_BRACKET) {
    if (raw.charCodeAt(start) !== OPEN_BRACE) return null;
    let record: unknown = undefined;
    let end = raw.indexOf(RECORD_GAP, start);
    if (end > 0) {
      try {
        record = JSON.parse(raw.slice(start, end + 1));
      } catch {
        end = -1; // the guess was inside a string, or past an empty record: scan
      }
    }
    if (end < 0) {
      end = valueEnd(raw, start);
      if (end < 0) return null;
      try {
        record = JSON.parse(raw.slice(start, end + 1));
      } catch {
        return null;
      }
    }
    records.push(record);
    const after = raw.charCodeAt(end + 1);
    if (after === CLOSE_BRACKET) {
      start = end + 1;
      break;
    }
    if (after !== COMMA) return null;
    start = end + 2;
    if ((records.length & 31) === 0 && now() >= deadline) {
      await pause();
      deadline = now() + SLICE_MS;
    }
  }
  const rest = raw.slice(start + 1);
  let tail: unknown = {};
  if (rest !== '}') {
    if (!rest.startsWith(',')) return null;
    try {
      tail = JSON.parse(`{${rest.slice(1)}`);
    } catch {
      return null;
    }
  }
  if (tail === null || typeof tail !== 'object' || Array.isArray(tail)) return null;
  return { ...head, annotations: records, ...tail };
}
