/**
 * Text → retrieval terms for related-passage retrieval: the search
 * tokenizer (normalization and the alias table, so "Kim Il Sung" and
 * "Kim Il-sung", "Toloraya" and "Tolaraya" give the same terms), then
 * English stop words removed and the Porter stemmer applied, so "railway"
 * and "railways", "cooperate" and "cooperation" meet.
 *
 * Stop words: the English list of the `stopword` package (108 function
 * words, from the `natural` NLP library), a maintained list rather than one
 * of our own. Single characters are dropped too: after tokenization they are
 * initials and possessive leftovers ("G.D." → `g`, `d`), not content.
 *
 * What it is for: `related.ts`. What it is not for: the search box, which
 * must match stop words ("the Soviet Union") and unstemmed words.
 */
import { stemmer } from 'stemmer';
import { eng } from 'stopword';
import { tokenize } from '../search/tokenize.ts';

const STOP_WORDS: ReadonlySet<string> = new Set(eng);

/** One retrieval term and where it stands in the original text. */
export interface AnalyzedTerm {
  /** The Porter stem of the normalized, alias-canonical word. */
  readonly stem: string;
  /** The normalized, alias-canonical word before stemming (what word vectors are looked up by). */
  readonly word: string;
  /** Start offset of the word in the original text. */
  readonly start: number;
  /** End offset (exclusive) of the word in the original text. */
  readonly end: number;
}

/** The retrieval terms of `text`, in order. Pure; never throws. */
export function analyze(text: string): AnalyzedTerm[] {
  const terms: AnalyzedTerm[] = [];
  for (const token of tokenize(text)) {
    if (token.term.length < 2 || STOP_WORDS.has(token.term)) continue;
    terms.push({ stem: stemmer(token.term), word: token.term, start: token.start, end: token.end });
  }
  return terms;
}
