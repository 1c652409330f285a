/**
 * What a reader typed in the search box, as clauses of index terms.
 *
 * Syntax: words, and phrases in double quotes (straight or curly). Every
 * word and every phrase must occur in the same sentence (AND). A quoted
 * phrase must occur word for word; unquoted words may occur anywhere in the
 * sentence, and rank higher where they occur in the order typed. The last
 * word also matches longer words that start with it (search as you type:
 * "Sovi" finds "Soviet", "railway" finds "railways") unless it closes a
 * quoted phrase. An unclosed quote runs to the end of the query.
 *
 * Limits, so a pasted page cannot stall the reader: the query is cut at
 * `MAX_QUERY_LENGTH` characters and `MAX_QUERY_TERMS` terms, and
 * `truncated` says so.
 *
 * Not for: running the query (`search.ts`).
 */
import { normalize } from './normalize.ts';
import { tokenize } from './tokenize.ts';

/** Characters of a query that are read; the rest is ignored (and `truncated` is set). */
export const MAX_QUERY_LENGTH = 1000;
/** Terms of a query that are used; the rest are ignored (and `truncated` is set). */
export const MAX_QUERY_TERMS = 32;
/** The shortest last word that gets prefix matching (shorter ones would match half the index). */
export const MIN_PREFIX_LENGTH = 3;

/** A run of query words: a quoted phrase, or the unquoted words between phrases. */
export interface QueryClause {
  /** Index terms in the order typed (see `tokenize`). */
  readonly terms: readonly string[];
  /** True for a quoted phrase: the terms must be adjacent and in order. */
  readonly phrase: boolean;
}

/** A parsed query. */
export interface ParsedQuery {
  /** The clauses in the order typed; empty when the query has no words. */
  readonly clauses: readonly QueryClause[];
  /** Whether the very last term matches as a prefix. */
  readonly prefixLast: boolean;
  /** True when the query was cut at `MAX_QUERY_LENGTH` or `MAX_QUERY_TERMS`. */
  readonly truncated: boolean;
}

/** Parses a search-box query. Pure; never throws, whatever the input. */
export function parseQuery(query: string): ParsedQuery {
  let truncated = query.length > MAX_QUERY_LENGTH;
  const parts = normalize(truncated ? query.slice(0, MAX_QUERY_LENGTH) : query).split('"');
  const clauses: QueryClause[] = [];
  let budget = MAX_QUERY_TERMS;
  let lastClosed = false;
  parts.forEach((part, i) => {
    const phrase = i % 2 === 1;
    let terms = tokenize(part).map((t) => t.term);
    if (terms.length === 0) return;
    if (terms.length > budget) {
      terms = terms.slice(0, budget);
      truncated = true;
    }
    if (terms.length === 0) return;
    budget -= terms.length;
    clauses.push({ terms, phrase });
    // A phrase is closed when a later part exists (the closing quote was typed).
    lastClosed = phrase && i < parts.length - 1;
  });
  const last = clauses.at(-1)?.terms.at(-1);
  return {
    clauses,
    prefixLast: last !== undefined && !lastClosed && last.length >= MIN_PREFIX_LENGTH,
    truncated,
  };
}

/** All terms of a parsed query, in order. */
export function queryTerms(query: ParsedQuery): string[] {
  return query.clauses.flatMap((c) => c.terms);
}
