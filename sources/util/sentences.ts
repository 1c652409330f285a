/**
 * Sentence boundaries of a plain text.
 *
 * `parse-english` (unified's nlcst parser) is the judge: it keeps initials
 * and abbreviations inside their sentence ("G.D. Tolaraya", "Selig S.
 * Harrison", "Забровская Л.В.", "p.9", "Ibid."). It is also the slowest step
 * of the pipeline (~1.3 MB/s, as slow as remark-parse itself), so we do not
 * run it over whole texts. Instead `Intl.Segmenter` (ICU, ~10× faster)
 * proposes boundaries — it over-splits after initials and abbreviations but,
 * on prose, does not miss real boundaries — and parse-english decides each
 * proposal on a small window around it (`WINDOW` characters each side; 16, 24 and 32 all give the same boundaries on both texts). The
 * window holds what parse-english's rules look at: the word before the full
 * stop (abbreviation, initial) and the word after it (lower case, digit).
 *
 * The better design we did not build: a parse-english mode that only
 * tokenizes near terminal punctuation. A test checks that the hybrid and a
 * plain parse-english run agree on every block and footnote of both texts.
 *
 * Two rules of ours run after parse-english, on both paths (issue 17):
 * - a page reference that ends a sentence ("KOTRA, 2007, p.9. The share…")
 *   is a boundary: parse-english reads "p.9." as one abbreviation-like word
 *   and runs the next sentence on. Only `p.`/`pp.` + digits + full stop +
 *   space + capital letter splits, so "See p.9 of it." stays whole;
 * - a quotation is kept inside one sentence unit: where quoted speech spans
 *   a full stop (Tselko's “So far, it costs… thus saving about $400.”), the
 *   sentences from the one that opens the quote to the one that closes it
 *   are joined, so citing a sentence never gives an unbalanced quote. Curly
 *   quotes are counted as opening/closing pairs, straight double quotes by
 *   parity; a quote that never closes in the block joins nothing.
 */
import { ParseEnglish } from 'parse-english';
import type { Parent } from 'nlcst';

/** A sentence's span in the text (offsets; surrounding whitespace excluded). */
export interface SentenceSpan {
  readonly start: number;
  readonly end: number;
}

/** Characters of context on each side of a proposed boundary given to parse-english. */
const WINDOW = 24;

const parser = new ParseEnglish();
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Sentence spans by parse-english alone, over the whole text, then our rules (the reference). */
export function splitSentencesFully(text: string): SentenceSpan[] {
  return applyRules(text, parseEnglishSpans(text));
}

/** Sentence spans by parse-english alone, without our rules. */
function parseEnglishSpans(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  for (const paragraph of parser.parse(text).children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    for (const sentence of (paragraph as Parent).children) {
      if (sentence.type !== 'SentenceNode') continue;
      spans.push({
        start: sentence.position?.start.offset ?? 0,
        end: sentence.position?.end.offset ?? 0,
      });
    }
  }
  return trimSpans(text, spans);
}

/**
 * Verdicts by window: a text that repeats itself ("Mr. " × 300,000, a
 * crafted file of issue 12) asks the same question again and again, and
 * parse-english is the expensive part. Cleared when full, so memory stays
 * bounded; a verdict depends only on the window, so caching cannot change a
 * boundary.
 */
const verdicts = new Map<string, boolean>();
const MAX_VERDICTS = 10_000;

/** Whether parse-english, looking at the window around `at`, starts a sentence there. */
function confirmedByParseEnglish(text: string, at: number): boolean {
  const from = Math.max(0, at - WINDOW);
  const window = text.slice(from, Math.min(text.length, at + WINDOW));
  const boundary = at - from;
  const key = `${boundary}:${window}`;
  const known = verdicts.get(key);
  if (known !== undefined) return known;
  let verdict = false;
  for (const span of parseEnglishSpans(window)) {
    if (span.start >= boundary) {
      verdict = span.start === boundary;
      break;
    }
  }
  if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
  verdicts.set(key, verdict);
  return verdict;
}

/** True when only spaces and tabs separate `at` from a line break before it. */
function afterLineBreak(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c === '\n') return true;
    if (!/\s/.test(c)) return false;
  }
  return false;
}

/** Characters `Intl.Segmenter` is given at once (see `proposals`). */
const PIECE = 4_096;
/** Characters past a piece's end it also sees, so it has the context after a boundary. */
const OVERLAP = 256;

/**
 * Boundaries `Intl.Segmenter` proposes, in order. It is run on pieces of
 * about `PIECE` characters, each cut at the start of a word (itself a
 * proposal): V8's segment iterator slows down far faster than the text
 * grows (20,000 sentences took minutes in Node 20), while pieces keep it
 * linear. Each piece is segmented with `OVERLAP` characters more, and only
 * boundaries inside the piece are kept, so a boundary near the cut still
 * sees what follows it.
 */
function* proposals(text: string): Generator<number> {
  let from = 0;
  while (from < text.length) {
    let to = Math.min(text.length, from + PIECE);
    // Move the cut to the next word start (whitespace, then non-whitespace).
    while (to < text.length && !(/\s/.test(text[to - 1]!) && !/\s/.test(text[to]!))) to++;
    if (from > 0) yield from;
    const piece = text.slice(from, Math.min(text.length, to + OVERLAP));
    for (const segment of segmenter.segment(piece)) {
      if (segment.index === 0) continue;
      if (segment.index >= to - from) break;
      yield from + segment.index;
    }
    from = to;
  }
}

/** The sentences of `text` in order. Whitespace-only text has none. */
export function splitSentences(text: string): SentenceSpan[] {
  if (text.trim() === '') return [];
  const starts = [0];
  for (const at of proposals(text)) {
    // A line break inside a block (between list items) ends a sentence; parse-english would run the items together.
    if (afterLineBreak(text, at) || confirmedByParseEnglish(text, at)) starts.push(at);
  }
  const spans = starts.map((start, i) => ({ start, end: starts[i + 1] ?? text.length }));
  const trimmed = applyRules(text, trimSpans(text, spans));
  return trimmed.length ? trimmed : [{ start: 0, end: text.length }];
}

/** Our two rules after parse-english (see the head comment). */
function applyRules(text: string, spans: readonly SentenceSpan[]): SentenceSpan[] {
  return joinQuotations(text, splitAfterPageReferences(text, spans));
}

/** "p.9. The" / "pp.9-10. The": a page reference that ends a sentence. */
const PAGE_REFERENCE_END = /\bpp?\.\s?\d+(?:[-–]\d+)?\.(?=\s+\p{Lu})/gu;

function splitAfterPageReferences(text: string, spans: readonly SentenceSpan[]): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  for (const span of spans) {
    let start = span.start;
    const inner = text.slice(span.start, span.end);
    for (const m of inner.matchAll(PAGE_REFERENCE_END)) {
      const end = span.start + m.index + m[0].length;
      if (end >= span.end) continue;
      out.push({ start, end });
      start = end;
      while (start < span.end && /\s/.test(text[start]!)) start++;
    }
    out.push({ start, end: span.end });
  }
  return out;
}

/** Net open quotations in `s`: curly “ ” as pairs, straight " by parity (1 when odd). */
function quoteBalance(s: string): { curly: number; straight: number } {
  let curly = 0;
  let straight = 0;
  for (const ch of s) {
    if (ch === '\u201c') curly++;
    else if (ch === '\u201d') curly--;
    else if (ch === '"') straight ^= 1;
  }
  return { curly, straight };
}

function joinQuotations(text: string, spans: readonly SentenceSpan[]): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let i = 0;
  while (i < spans.length) {
    let j = i;
    const first = quoteBalance(text.slice(spans[i]!.start, spans[i]!.end));
    if (first.curly > 0 || first.straight === 1) {
      // Find the first later sentence that balances the quotation; none → leave as is.
      for (let k = i + 1; k < spans.length; k++) {
        const b = quoteBalance(text.slice(spans[i]!.start, spans[k]!.end));
        if (b.curly <= 0 && b.straight === 0) {
          j = k;
          break;
        }
      }
    }
    out.push({ start: spans[i]!.start, end: spans[j]!.end });
    i = j + 1;
  }
  return out;
}

function trimSpans(text: string, spans: readonly SentenceSpan[]): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  for (let { start, end } of spans) {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) out.push({ start, end });
  }
  return out;
}
