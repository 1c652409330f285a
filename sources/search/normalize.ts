/**
 * Text normalization for matching: folds the differences a reader does not
 * mean when searching — case, diacritics, curly versus straight quotes and
 * apostrophes, non-breaking and other Unicode spaces, the dash and hyphen
 * variants, soft hyphens and zero-width characters, compatibility forms
 * (ligatures, full-width letters, superscript digits) — and keeps a map from
 * every normalized character back to the original text, so hits and
 * snippets are always cut from the ORIGINAL text.
 *
 * What it is for: the search index, query parsing and related-passage
 * retrieval (both go through `tokenize`, which builds on this). What it is
 * not for: display (never show normalized text), or spelling variants of
 * names — those are the alias table's job (`aliases.ts`), because no
 * character rule can tell that Toloraya and Tolaraya are one person.
 *
 * Folding works one code point at a time, so the offset map is exact: each
 * output character records the original code-unit span it came from.
 * Trade-off: rules that span several characters (e.g. `ae` ↔ `æ` beyond
 * NFKD, or Korean romanization) cannot be expressed here. Hangul syllables
 * are kept whole (NFKD would split them into jamo); in every other script
 * combining marks are dropped after NFKD, so `ŏ` → `o`, `é` → `e`, and also
 * Cyrillic `й` → `и` and `ё` → `е` (a common, harmless folding for search).
 */

/** Every apostrophe-like character folds to `'`. */
const APOSTROPHES = /[\u2018\u2019\u201A\u201B\u2032\u02BC\u02B9\u0060\u00B4\uFF07]/u;
/** Every double-quote-like character folds to `"`. */
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\uFF02]/u;
/** Hyphens, dashes and minus signs fold to `-` (a word separator for `tokenize`). */
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D\u2E3A\u2E3B]/u;
/** Characters that vanish: soft hyphen, zero-width space/joiners, word joiner, BOM. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/u;
/** Any Unicode white space, non-breaking spaces included. */
const SPACE = /\s/u;
const MARKS = /\p{M}/gu;
const IS_MARK = /^\p{M}$/u;
const HANGUL = /\p{Script=Hangul}/u;

function foldSimple(ch: string): string {
  if (APOSTROPHES.test(ch)) return "'";
  if (DOUBLE_QUOTES.test(ch)) return '"';
  if (DASHES.test(ch)) return '-';
  if (INVISIBLE.test(ch)) return '';
  if (SPACE.test(ch)) return ' ';
  return ch;
}

/**
 * Folds one code point (a string holding one code point) to its normalized
 * form; may return `''` (invisible characters, standalone combining marks)
 * or several characters (ligatures).
 */
export function foldCodePoint(ch: string): string {
  const code = ch.charCodeAt(0);
  if (ch.length === 1 && code < 0x80) return ASCII_FOLD[code]!;
  let folded = FOLDED.get(ch);
  if (folded === undefined) {
    folded = foldNonAscii(ch);
    FOLDED.set(ch, folded);
  }
  return folded;
}

function foldAscii(code: number): string {
  if (code >= 0x41 && code <= 0x5a) return String.fromCharCode(code + 0x20);
  if (code === 0x60) return "'";
  if (code >= 0x09 && code <= 0x0d) return ' ';
  return String.fromCharCode(code);
}

/** The ASCII fast path: most of the text. */
const ASCII_FOLD: readonly string[] = Array.from({ length: 0x80 }, (_, code) => foldAscii(code));

/**
 * Memo of non-ASCII foldings. Module state, but only a cache of a pure
 * function: results never depend on it. Bounded by the number of distinct
 * code points ever seen.
 */
const FOLDED = new Map<string, string>();

function foldNonAscii(ch: string): string {
  const simple = foldSimple(ch);
  if (simple !== ch) return simple;
  if (IS_MARK.test(ch)) return '';
  if (HANGUL.test(ch)) return ch;
  // Lower-casing can itself produce a combining mark ("İ" → "i" + U+0307), so decompose again after it.
  const decomposed = ch.normalize('NFKD').toLowerCase().normalize('NFKD').replace(MARKS, '');
  // A compatibility decomposition may itself yield a quote, dash or space (full-width forms).
  let folded = '';
  for (const part of decomposed) folded += foldSimple(part);
  return folded;
}

/** Normalized text plus the way back to the original. */
export interface NormalizedText {
  /** The folded text (lower case, no diacritics, straight quotes, plain spaces and hyphens). */
  readonly text: string;
  /** For each character of `text`, the start offset (UTF-16) of the original code point it came from. */
  readonly from: readonly number[];
  /** For each character of `text`, the end offset (exclusive) of that original code point. */
  readonly to: readonly number[];
}

/**
 * Normalizes `input` one code point at a time and records, for every output
 * character, the span of the original it came from. Pure; never throws
 * (lone surrogates pass through unchanged).
 */
export function normalizeText(input: string): NormalizedText {
  const parts: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const length = input.length;
  for (let offset = 0; offset < length;) {
    const code = input.charCodeAt(offset);
    const width =
      code >= 0xd800 &&
      code <= 0xdbff &&
      offset + 1 < length &&
      isLowSurrogate(input.charCodeAt(offset + 1))
        ? 2
        : 1;
    const end = offset + width;
    const folded =
      code < 0x80
        ? ASCII_FOLD[code]!
        : foldCodePoint(width === 1 ? input[offset]! : input.slice(offset, end));
    for (let i = 0; i < folded.length; i++) {
      from.push(offset);
      to.push(end);
    }
    parts.push(folded);
    offset = end;
  }
  return { text: parts.join(''), from, to };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The normalized form of `input` without the offset map (for comparisons and tests). */
export function normalize(input: string): string {
  return normalizeText(input).text;
}
