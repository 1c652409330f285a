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
 * the string is cut into runs of whole records and each run is parsed on its
 * own, a few milliseconds each, with `pause()` awaited between. Parsing stays
 * `JSON.parse`'s; this module only finds where records end, with a scan that
 * tracks strings, escapes and nesting — no streaming JSON parser on npm comes
 * near `JSON.parse`'s speed, which is the point.
 *
 * What it is not for: anything not matching the digest (`null`: the caller
 * validates in full), or deciding what the digest rule is (`stored-digest.ts`).
 */
import { parseStored, trustedSet, type ParsedStore } from './annotation-storage.ts';
import { matchesDigestInSlices } from './stored-digest.ts';

/** The longest stretch of work between two pauses, in ms. */
const SLICE_MS = 8;
/** About how many characters of records each `JSON.parse` takes (a millisecond or two). */
const RUN_CHARS = 64 * 1024;
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
  const data = await parseInRuns(raw, pause);
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
 * `JSON.parse(raw)` for an envelope as `saveAnnotations` writes it, in runs
 * of whole records; `null` if `raw` is not laid out that way.
 */
async function parseInRuns(raw: string, pause: () => Promise<void>): Promise<unknown> {
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
  let runStart = mark + RECORDS_MARK.length;
  let depth = 0;
  let end = -1;
  let deadline = now() + SLICE_MS;
  const take = (to: number): boolean => {
    if (to <= runStart) return true;
    let run: unknown;
    try {
      run = JSON.parse(`[${raw.slice(runStart, to)}]`);
    } catch {
      return false;
    }
    for (const r of run as unknown[]) records.push(r);
    return true;
  };
  for (let i = runStart; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === QUOTE) {
      // Most of the string is inside JSON strings (quotes, notes): jump to the string's end with
      // `indexOf` (a fast native search) rather than stepping through it character by character.
      i = stringEnd(raw, i);
      if (i < 0) return null;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (depth === 0) {
        if (c !== CLOSE_BRACKET || !take(i)) return null;
        end = i;
        break;
      }
      depth--;
    } else if (c === COMMA && depth === 0 && i - runStart >= RUN_CHARS) {
      if (!take(i)) return null;
      runStart = i + 1;
      if (now() >= deadline) {
        await pause();
        deadline = now() + SLICE_MS;
      }
    }
  }
  if (end < 0) return null;
  const rest = raw.slice(end + 1);
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
