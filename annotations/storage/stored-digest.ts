/**
 * The digest of the stored annotation string, kept under `DIGEST_KEY` so that
 * loading can skip re-validating a string this app wrote itself.
 *
 * The rule (issue 15, 10,000 annotations ready within a second; decided by
 * the lead): every record is checked with the model's schema whenever it
 * crosses into the app, except the one string the app itself last wrote —
 * already checked record by record when it entered the store, and written
 * by `saveAnnotations` only after its envelope was checked. Each save writes
 * the data, then this digest of the exact string written, under a separate
 * key (so a failed digest write never costs the data; it only costs the next
 * load its shortcut). On load, if the digest record equals the digest of the
 * stored string, the string is trusted: it is parsed, its envelope is
 * checked (cheap), its records are not. Anything else — no digest, a
 * digest of another string (a one-character edit, a truncation, another
 * program's write), a digest from another data version or validation epoch —
 * is validated in full as before, with its backup and its message.
 *
 * What it guards against: accidental change (developer tools, a broken
 * extension, a half-restored profile, an older or newer Diptych). What it
 * does not guard against: a script running in this origin, which could
 * rewrite both keys — but such a script can already call the store itself.
 *
 * Why MurmurHash3 and not SHA-256 (`crypto.subtle`): SHA-256 needs bytes,
 * and encoding the 5 M-character string of 10,000 annotations to UTF-8 took
 * 176–213 ms in Chromium on this machine (the texts' Korean and Russian make
 * it a two-byte string), plus 60 ms of digest, on every save; `crypto.subtle`
 * is also missing outside secure contexts. MurmurHash3_x86_128 (Austin
 * Appleby, public domain) reads the string's UTF-16 code units directly,
 * 8 to a 128-bit block, in a few milliseconds, and can be fed in slices so
 * that no slice is a long task. It is not a cryptographic hash — it need not
 * be (see above); 128 bits make an accidental match negligible. Written here
 * rather than taken from npm because the maintained JavaScript ports
 * (`murmurhash3js-revisited`) take bytes, which would bring back the
 * encoding cost; the unit test checks this one against that port on the
 * UTF-16LE bytes of the same strings.
 */
import { STORAGE_VERSION } from './envelope.ts';

/**
 * Bump this when `AnnotationSchema` or `StoredEnvelopeSchema` come to refuse
 * something they accepted before: digests written under an older epoch then
 * stop matching, and stored data is validated in full once more against the
 * new rules. (tests/annotations/storage/stored-digest.test.ts pins the JSON
 * Schema of both as a tripwire; refinements it cannot see need this bump by
 * hand.)
 */
export const VALIDATION_EPOCH = 1;

/** The algorithm's name, first in the record: a record of any other shape never matches. */
export const DIGEST_ALGORITHM = 'murmur3-x86-128/utf16le';

/** Code units per block: 16 bytes of UTF-16LE. */
const BLOCK = 8;

const C1 = 0x239b961b;
const C2 = 0xab0e9789;
const C3 = 0x38b34ae5;
const C4 = 0xa1e38b93;

/** The running state of one hashing; mutated by `blocks` and `finish`. */
interface MurmurState {
  h1: number;
  h2: number;
  h3: number;
  h4: number;
}

const rotl = (x: number, r: number): number => (x << r) | (x >>> (32 - r));

const fmix = (h: number): number => {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
};

/** Mixes the whole blocks of `text` from `from` to `to` (a multiple of `BLOCK` apart) into `s`. Mutates `s`. */
function blocks(s: MurmurState, text: string, from: number, to: number): void {
  let { h1, h2, h3, h4 } = s;
  for (let i = from; i < to; i += BLOCK) {
    let k1 = text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16);
    let k2 = text.charCodeAt(i + 2) | (text.charCodeAt(i + 3) << 16);
    let k3 = text.charCodeAt(i + 4) | (text.charCodeAt(i + 5) << 16);
    let k4 = text.charCodeAt(i + 6) | (text.charCodeAt(i + 7) << 16);
    k1 = Math.imul(rotl(Math.imul(k1, C1), 15), C2);
    h1 ^= k1;
    h1 = (Math.imul(rotl(h1, 19) + h2, 5) + 0x561ccd1b) | 0;
    k2 = Math.imul(rotl(Math.imul(k2, C2), 16), C3);
    h2 ^= k2;
    h2 = (Math.imul(rotl(h2, 17) + h3, 5) + 0x0bcaa747) | 0;
    k3 = Math.imul(rotl(Math.imul(k3, C3), 17), C4);
    h3 ^= k3;
    h3 = (Math.imul(rotl(h3, 15) + h4, 5) + 0x96cd1c35) | 0;
    k4 = Math.imul(rotl(Math.imul(k4, C4), 18), C1);
    h4 ^= k4;
    h4 = (Math.imul(rotl(h4, 13) + h1, 5) + 0x32ac3b17) | 0;
  }
  s.h1 = h1;
  s.h2 = h2;
  s.h3 = h3;
  s.h4 = h4;
}

/** Mixes the last (fewer than `BLOCK`) code units from `from`, and the length, into `s`; returns the hex digest. */
function finish(s: MurmurState, text: string, from: number): string {
  const unit = (i: number): number => (from + i < text.length ? text.charCodeAt(from + i) : 0);
  const tail = text.length - from;
  const k = [0, 0, 0, 0];
  // The reference's fall-through switch on the tail's byte count, in code units:
  // word w takes units 2w and 2w + 1, and is mixed if it has any.
  for (let w = 0; w < 4; w++) if (tail > 2 * w) k[w] = unit(2 * w) | (unit(2 * w + 1) << 16);
  if (tail > 6) s.h4 ^= Math.imul(rotl(Math.imul(k[3]!, C4), 18), C1);
  if (tail > 4) s.h3 ^= Math.imul(rotl(Math.imul(k[2]!, C3), 17), C4);
  if (tail > 2) s.h2 ^= Math.imul(rotl(Math.imul(k[1]!, C2), 16), C3);
  if (tail > 0) s.h1 ^= Math.imul(rotl(Math.imul(k[0]!, C1), 15), C2);
  const bytes = text.length * 2;
  let { h1, h2, h3, h4 } = s;
  h1 ^= bytes;
  h2 ^= bytes;
  h3 ^= bytes;
  h4 ^= bytes;
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  h1 = fmix(h1);
  h2 = fmix(h2);
  h3 = fmix(h3);
  h4 = fmix(h4);
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  return [h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
}

/**
 * MurmurHash3_x86_128 (seed 0) of `text`'s UTF-16LE bytes, as 32 hex digits
 * (the reference's h1…h4, each big-endian hex, as `murmurhash3js-revisited` prints it).
 */
export function murmur128Utf16(text: string): string {
  const s: MurmurState = { h1: 0, h2: 0, h3: 0, h4: 0 };
  const whole = text.length - (text.length % BLOCK);
  blocks(s, text, 0, whole);
  return finish(s, text, whole);
}

/** The longest stretch of hashing between two pauses, in ms. */
const SLICE_MS = 8;

const now = (): number => globalThis.performance?.now() ?? Date.now();

/**
 * `murmur128Utf16`, in steps of about `step` code units, with `pause()`
 * awaited whenever `SLICE_MS` have passed (or after every step, with
 * `everyStep`): no stretch of it is a long task, however cold the code or
 * busy the machine (5 M characters take 10–100 ms in all).
 */
export async function murmur128Utf16InSlices(
  text: string,
  pause: () => Promise<void>,
  step = 1 << 16,
  everyStep = false,
): Promise<string> {
  const s: MurmurState = { h1: 0, h2: 0, h3: 0, h4: 0 };
  const size = Math.max(BLOCK, step - (step % BLOCK));
  const whole = text.length - (text.length % BLOCK);
  let deadline = now() + SLICE_MS;
  for (let from = 0; from < whole; from += size) {
    if (from > 0 && (everyStep || now() >= deadline)) {
      await pause();
      deadline = now() + SLICE_MS;
    }
    blocks(s, text, from, Math.min(whole, from + size));
  }
  return finish(s, text, whole);
}

/** The head of a digest record for a string of `length` code units: everything but the hash. */
export function digestHead(length: number): string {
  return `${DIGEST_ALGORITHM} v${STORAGE_VERSION} e${VALIDATION_EPOCH} n${length} `;
}

/**
 * The record `saveAnnotations` writes under `DIGEST_KEY` after writing `raw`:
 * algorithm, data version, validation epoch, length, hash. A load trusts
 * `raw` only if the stored record equals this exactly.
 */
export function digestRecord(raw: string): string {
  return digestHead(raw.length) + murmur128Utf16(raw);
}

/**
 * Whether `record` (what `DIGEST_KEY` held) is the digest record of `raw`.
 * Hashes only when the head (algorithm, version, epoch, length) already
 * matches; `pause` spreads the hashing over short tasks.
 */
export async function matchesDigestInSlices(
  raw: string,
  record: string | null,
  pause: () => Promise<void>,
): Promise<boolean> {
  const head = digestHead(raw.length);
  if (record === null || !record.startsWith(head)) return false;
  return record === head + (await murmur128Utf16InSlices(raw, pause));
}

/** `matchesDigestInSlices` in one go. */
export function matchesDigest(raw: string, record: string | null): boolean {
  const head = digestHead(raw.length);
  return record !== null && record.startsWith(head) && record === digestRecord(raw);
}
