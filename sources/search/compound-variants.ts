/**
 * Closed and open compounds: "pipeline" / "pipe line", "co-operation" /
 * "cooperation". Hyphen and space are already the same separator
 * (`tokenize.ts`); this module rewrites a query so that a word written
 * closed in one place and open in another still matches.
 *
 * How: a query word is also tried split in two where that pair of words
 * stands side by side somewhere in the texts ("pipeline" → "pipe line"), and
 * two adjacent query words are also tried joined where the joined word
 * occurs in the texts ("co operation" → "cooperation"). Rewrites are checked
 * against the index's own vocabulary, so only spellings the texts actually
 * use are tried; that keeps "nowhere" from matching "now here" unless the
 * texts contain "now here". Each variant makes one rewrite (no
 * combinations), and a split pair must stand adjacent (a phrase), so
 * "pipeline" never matches a sentence with "pipe" and "line" apart.
 *
 * Not handled: splits into three or more words ("Kimilsung" is not found as
 * "Kim Il Sung"; "Ilsung" is found as "Il Sung"), and prefixes of a rewritten
 * word. A compound dictionary would be the better design; the two texts
 * do not need one.
 *
 * What it is for: `search`. Not for: related retrieval (term statistics
 * are per word; compounds are too rare in two texts to move a ranking).
 */
import type { ParsedQuery, QueryClause } from './parse-query.ts';

/** Most query variants tried, the query as typed included (each costs one index lookup). */
export const MAX_VARIANTS = 8;

/** The shortest part a word is split into ("an" + "other" would be noise; this keeps "il" + "sung"). */
const MIN_PART = 2;

/** What `compoundVariants` needs of the index. */
export interface Vocabulary {
  /** Every index term. */
  readonly terms: ReadonlySet<string>;
  /** Every pair of index terms that stand side by side in a sentence, as `"a b"`. */
  readonly pairs: ReadonlySet<string>;
}

/**
 * The query as typed, then up to `MAX_VARIANTS - 1` variants, each with one
 * word split or one pair of words joined (see the head comment). Pure.
 */
export function compoundVariants(query: ParsedQuery, vocabulary: Vocabulary): ParsedQuery[] {
  const out: ParsedQuery[] = [query];
  const push = (clauses: QueryClause[]): void => {
    if (out.length < MAX_VARIANTS) out.push({ ...query, clauses });
  };
  query.clauses.forEach((clause, c) => {
    const before = query.clauses.slice(0, c);
    const after = query.clauses.slice(c + 1);
    clause.terms.forEach((term, j) => {
      for (let k = MIN_PART; k <= term.length - MIN_PART; k++) {
        const a = term.slice(0, k);
        const b = term.slice(k);
        if (!vocabulary.pairs.has(`${a} ${b}`)) continue;
        if (clause.phrase) {
          push([
            ...before,
            {
              terms: [...clause.terms.slice(0, j), a, b, ...clause.terms.slice(j + 1)],
              phrase: true,
            },
            ...after,
          ]);
        } else {
          // The split pair must stay adjacent: it becomes a phrase between the loose words around it.
          const left = clause.terms.slice(0, j);
          const right = clause.terms.slice(j + 1);
          push([
            ...before,
            ...(left.length ? [{ terms: left, phrase: false }] : []),
            { terms: [a, b], phrase: true },
            ...(right.length ? [{ terms: right, phrase: false }] : []),
            ...after,
          ]);
        }
      }
      const next = clause.terms[j + 1];
      if (next !== undefined && vocabulary.terms.has(term + next)) {
        push([
          ...before,
          {
            terms: [...clause.terms.slice(0, j), term + next, ...clause.terms.slice(j + 2)],
            phrase: clause.phrase,
          },
          ...after,
        ]);
      }
    });
  });
  return out;
}
