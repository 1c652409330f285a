/**
 * Running a query against a `SearchIndex`: minisearch finds the sentences
 * that hold every query term (AND) and scores them with BM25; this module
 * then checks quoted phrases word for word, boosts sentences where unquoted
 * words occur in the order typed, and locates every match in the ORIGINAL
 * sentence text for highlights and the snippet. The query also runs in its
 * closed/open compound variants ("pipeline" / "pipe line",
 * `compound-variants.ts`); a sentence keeps its best score.
 *
 * When no sentence holds every word of a query of several words or
 * phrases, the sentences that hold some of them are returned instead, each
 * saying which words it lacks (`missing`), most words first: a student who
 * typed "oil subsidies" finds "subsidized trade in oil" with "Missing:
 * subsidies" rather than a dead end. Hits with every word never carry
 * `missing`, and never come with partial ones.
 *
 * What it is for: the search box and `diptych search`. What it is not for:
 * rendering (the UI renders `snippet` and `highlights` as text, never as
 * HTML) or keyboard navigation (the UI walks `groupBySource`'s order).
 */
import { eng, rus } from 'stopword';
import type { Address, SourceId } from '../edition.ts';
import type { HitKind, SearchDocument, SearchIndex } from './build-search-index.ts';
import { compoundVariants } from './compound-variants.ts';
import { parseQuery, queryTerms, type ParsedQuery, type QueryClause } from './parse-query.ts';
import { snippet, type Snippet } from './snippet.ts';

/** A span of a hit's `text` that matched the query. */
export interface TextRange {
  /** Start offset in the hit's `text`. */
  readonly start: number;
  /** End offset (exclusive). */
  readonly end: number;
}

/** One matching sentence. */
export interface SearchHit {
  /** The source it is in (results are grouped by this). */
  readonly source: SourceId;
  /** The sentence's address (the block's, for a block with no sentences). */
  readonly address: Address;
  /** The block or footnote to open when the reader picks the hit. */
  readonly passage: Address;
  /** The containing block's role, or `footnote`. */
  readonly kind: HitKind;
  /** The sentence's original text. */
  readonly text: string;
  /** BM25 score (minisearch), times `PHRASE_BOOST` where unquoted words occur in order. Higher is better. */
  readonly score: number;
  /** Every match in `text`, sorted, non-overlapping. */
  readonly highlights: readonly TextRange[];
  /** The first best match in context, cut from the original passage text. */
  readonly snippet: Snippet;
  /** Offset of `text` in `Edition.text`. */
  readonly start: number;
  /** End offset (exclusive) of `text` in `Edition.text`. */
  readonly end: number;
  /**
   * Only on a hit of the partial fallback: the query's words (a quoted phrase
   * as one entry, in quotes) this sentence does not hold, in the order typed.
   */
  readonly missing?: readonly string[];
}

/** Options for `search`. */
export interface SearchOptions {
  /** Most hits returned (default `DEFAULT_LIMIT`; `Infinity` for all). */
  readonly limit?: number;
}

/** Hits returned when no `limit` is given. */
export const DEFAULT_LIMIT = 50;

/**
 * Score factor for a sentence where the unquoted query words occur adjacent
 * and in order. A factor rather than a filter: "Kim Il Sung" without quotes
 * still finds a sentence with "Kim" and "Sung" apart, ranked lower.
 */
export const PHRASE_BOOST = 2;

/**
 * Searches the index. Returns hits ranked by score (ties in reading order);
 * an empty list for a query with no words. Pure and deterministic; never
 * throws on any string.
 */
export function search(
  index: SearchIndex,
  query: string | ParsedQuery,
  options: SearchOptions = {},
): SearchHit[] {
  const parsed = typeof query === 'string' ? parseQuery(query) : query;
  const terms = queryTerms(parsed);
  if (terms.length === 0) return [];
  const limit = count(options.limit, DEFAULT_LIMIT);
  // Best hit per sentence over the query as typed and its compound variants.
  const best = new Map<number, SearchHit>();
  for (const variant of compoundVariants(parsed, index.vocabulary)) {
    const candidates = index.engine.search(queryTerms(variant).join(' '), {
      combineWith: 'AND',
      prefix: (_term, i, all) => variant.prefixLast && i === all.length - 1,
    });
    for (const candidate of candidates) {
      const doc = index.documents[candidate.id as number];
      if (!doc) continue;
      const located = locate(doc, variant);
      if (!located) continue;
      const score = candidate.score * (located.inOrder ? PHRASE_BOOST : 1);
      const previous = best.get(doc.id);
      if (!previous || score > previous.score) best.set(doc.id, toHit(doc, score, located));
    }
  }
  if (best.size === 0) return partialSearch(index, parsed, limit);
  const hits = [...best].map(([id, hit]) => ({ id, hit }));
  hits.sort((a, b) => b.hit.score - a.hit.score || a.id - b.id);
  return hits.slice(0, limit).map((h) => h.hit);
}

/**
 * Sentences the partial fallback looks at, best BM25 first: a common word
 * ("the") would otherwise have it check every sentence of a long text.
 */
export const PARTIAL_CANDIDATES = 2000;

/** A word or a quoted phrase of the query: what a partial hit holds or lacks. */
interface QueryPart {
  readonly clause: QueryClause;
  /** As shown in `missing`: the term, or the phrase in quotes. */
  readonly label: string;
  /** Whether this part is the query's last term and matches as a prefix. */
  readonly prefix: boolean;
}

/** The query's parts: each unquoted word on its own, each quoted phrase whole. */
function queryParts(parsed: ParsedQuery): QueryPart[] {
  const parts: QueryPart[] = [];
  const last = parsed.clauses.length - 1;
  parsed.clauses.forEach((clause, c) => {
    if (clause.phrase) {
      parts.push({ clause, label: `“${clause.terms.join(' ')}”`, prefix: false });
      return;
    }
    clause.terms.forEach((term, j) =>
      parts.push({
        clause: { terms: [term], phrase: false },
        label: term,
        prefix: c === last && j === clause.terms.length - 1 && parsed.prefixLast,
      }),
    );
  });
  return parts;
}

/**
 * The fallback when no sentence holds every part of the query: sentences
 * holding at least one part, those with more parts first, then by BM25 over
 * the parts they hold (minisearch, OR), then in reading order. Empty for a
 * query of one part: there is nothing less to ask for.
 */
function partialSearch(index: SearchIndex, parsed: ParsedQuery, limit: number): SearchHit[] {
  const parts = queryParts(parsed);
  if (parts.length < 2) return [];
  const terms = queryTerms(parsed);
  const candidates = index.engine.search(terms.join(' '), {
    combineWith: 'OR',
    prefix: (_term, i, all) => parsed.prefixLast && i === all.length - 1,
  });
  // Ranked on what each sentence holds first; hits (highlights, snippet) are made for the kept ones only.
  const ranked: { doc: SearchDocument; score: number; held: QueryPart[] }[] = [];
  // Best BM25 first: a sentence with more of the parts scores higher, so the cap drops the weakest.
  for (const candidate of candidates.slice(0, PARTIAL_CANDIDATES)) {
    const doc = index.documents[candidate.id as number];
    if (!doc) continue;
    const words = new Set(doc.tokens.map((t) => t.term));
    const held = parts.filter((part) => holds(doc, words, part));
    // "the zebra": a sentence holding only "the" is no answer.
    if (!held.some(informative)) continue;
    ranked.push({ doc, score: candidate.score, held });
  }
  ranked.sort((a, b) => b.held.length - a.held.length || b.score - a.score || a.doc.id - b.doc.id);
  const hits: SearchHit[] = [];
  for (const { doc, score, held } of ranked) {
    if (hits.length >= limit) break;
    const located = locate(doc, {
      clauses: held.map((p) => p.clause),
      prefixLast: held.at(-1)!.prefix,
      truncated: parsed.truncated,
    });
    if (!located) continue;
    const missing = parts.filter((p) => !held.includes(p)).map((p) => p.label);
    hits.push({ ...toHit(doc, score, located), missing });
  }
  return hits;
}

/** Whether the sentence holds the part: a word (or, typed last, a word's start) among its words; a phrase word for word. */
function holds(doc: SearchDocument, words: ReadonlySet<string>, part: QueryPart): boolean {
  if (part.clause.phrase) return locate(doc, partQuery(part)) !== null;
  const term = part.clause.terms[0]!;
  if (words.has(term)) return true;
  if (!part.prefix) return false;
  for (const word of words) if (word.startsWith(term)) return true;
  return false;
}

/** Function words of the languages the texts are in (`stopword`'s lists, as related passages use). */
const FUNCTION_WORDS = new Set([...eng, ...rus]);

/** Whether holding this part alone makes a sentence worth showing: a phrase, or a word that is not a function word. */
const informative = (part: QueryPart): boolean =>
  part.clause.phrase || !FUNCTION_WORDS.has(part.clause.terms[0]!);

/** One part as a query of its own. */
const partQuery = (part: QueryPart): ParsedQuery => ({
  clauses: [part.clause],
  prefixLast: part.prefix,
  truncated: false,
});

/** A whole number ≥ 0 from a caller's count: `undefined` or NaN gives the default, Infinity means all. */
export function count(value: number | undefined, fallback: number): number {
  if (value === undefined || Number.isNaN(value)) return fallback;
  return Math.max(0, Math.floor(value));
}

/** A source's hits, for the grouped result list. */
export interface SearchGroup {
  /** The source. */
  readonly source: SourceId;
  /** Its title, for the group heading. */
  readonly title: string;
  /** Its hits, best first. */
  readonly hits: readonly SearchHit[];
}

/**
 * Groups hits by source in the index's source order, keeping each group's
 * ranking; sources without hits are left out. Walking the groups in order
 * gives the keyboard order of the result list.
 */
export function groupBySource(index: SearchIndex, hits: readonly SearchHit[]): SearchGroup[] {
  return index.sources
    .map((s) => ({ source: s.id, title: s.title, hits: hits.filter((h) => h.source === s.id) }))
    .filter((g) => g.hits.length > 0);
}

interface Located {
  readonly highlights: TextRange[];
  /** The match the snippet shows. */
  readonly primary: TextRange;
  /** An unquoted multi-word clause occurs adjacent and in order. */
  readonly inOrder: boolean;
}

/** Finds every clause in the sentence; `null` when a quoted phrase is missing (minisearch only checks the words). */
function locate(doc: SearchDocument, query: ParsedQuery): Located | null {
  const { tokens } = doc;
  const spans: TextRange[] = [];
  const sequences: TextRange[] = [];
  let inOrder = false;
  const lastClause = query.clauses.length - 1;
  for (const [c, clause] of query.clauses.entries()) {
    const prefixAt = c === lastClause && query.prefixLast ? clause.terms.length - 1 : -1;
    const matches = (tokenTerm: string, j: number): boolean =>
      j === prefixAt ? tokenTerm.startsWith(clause.terms[j]!) : tokenTerm === clause.terms[j];
    const n = clause.terms.length;
    let found = false;
    for (let i = 0; i + n <= tokens.length; i++) {
      let all = true;
      for (let j = 0; j < n && all; j++) all = matches(tokens[i + j]!.term, j);
      if (!all) continue;
      found = true;
      sequences.push({ start: tokens[i]!.start, end: tokens[i + n - 1]!.end });
    }
    if (clause.phrase) {
      if (!found) return null;
    } else {
      if (found && n > 1) inOrder = true;
      if (!found || n === 1) {
        for (const token of tokens) {
          if (clause.terms.some((_, j) => matches(token.term, j)))
            spans.push({ start: token.start, end: token.end });
        }
      }
    }
  }
  const all = merge([...spans, ...sequences], doc.text);
  // The snippet shows the merged highlight that holds the first sequence (phrase or word in order).
  const first = [...sequences].sort((a, b) => a.start - b.start)[0];
  const primary =
    (first && all.find((r) => r.start <= first.start && first.end <= r.end)) ?? all[0];
  if (!primary) return null;
  return { highlights: all, primary, inOrder };
}

/** Only spaces and hyphens or dashes: the gap between two words of one name. */
const JOINER = /^[\s\-\u2010-\u2015]*$/u;

/**
 * Sorts ranges and merges those that overlap or are separated only by
 * spaces and hyphens, so "Kim" + "Il Sung" highlights as one "Kim Il Sung".
 */
function merge(ranges: TextRange[], text: string): TextRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: { start: number; end: number }[] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && (r.start <= last.end || JOINER.test(text.slice(last.end, r.start)))) {
      last.end = Math.max(last.end, r.end);
    } else out.push({ start: r.start, end: r.end });
  }
  return out;
}

function toHit(doc: SearchDocument, score: number, located: Located): SearchHit {
  const at = doc.offsetInPassage;
  return {
    source: doc.source,
    address: doc.address,
    passage: doc.passage,
    kind: doc.kind,
    text: doc.text,
    score,
    highlights: located.highlights,
    snippet: snippet(doc.passageText, at + located.primary.start, at + located.primary.end),
    start: doc.offsetInEdition,
    end: doc.offsetInEdition + doc.text.length,
  };
}
