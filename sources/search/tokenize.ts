/**
 * Words of a text, as index terms with their place in the ORIGINAL text.
 *
 * A word is a run of letters and digits; hyphens, dashes, spaces,
 * punctuation and quotes separate words, so "Kim Il-sung" and "Kim Il Sung"
 * both give `kim il sung`. Apostrophes inside a word are dropped ("P'yŏngyang"
 * → `pyongyang`, "Stroitel'naiia" → `stroitelnaiia`) and the English
 * possessive `'s` is removed from the term and from the word's span
 * ("Russia’s" → `russia`, spanning "Russia"), so curly and straight
 * apostrophes match and a possessive matches its noun. Each term then goes
 * through the alias table (`aliases.ts`).
 *
 * Closed and open compounds stay different words here: hyphen and space
 * are one separator, but "pipeline" is one word and "pipe line" two (Lankov
 * writes both). `search` tries both forms (`compound-variants.ts`) where the
 * texts use them; related retrieval does not.
 *
 * What it is for: the search index, query parsing, related-passage
 * retrieval. What it is not for: linguistic analysis (sentence splitting and
 * the reader's tokens come from the pipeline), stemming or stop words
 * (related retrieval adds those on top; search does not, so that phrases
 * like "the Soviet Union" match word for word).
 */
import { canonicalTerm } from './aliases.ts';
import { normalizeText } from './normalize.ts';

/** One word of a text. */
export interface Token {
  /** The index term: normalized, apostrophes and possessive removed, alias-canonical. Never empty, never contains a space. */
  readonly term: string;
  /** Start offset of the word in the original text. */
  readonly start: number;
  /** End offset (exclusive) of the word in the original text. */
  readonly end: number;
}

const WORD = /[\p{L}\p{N}\p{M}]+(?:'[\p{L}\p{N}\p{M}]+)*/gu;

/** The words of `text` in order, with their original offsets. Pure; never throws. */
export function tokenize(text: string): Token[] {
  const normalized = normalizeText(text);
  const tokens: Token[] = [];
  for (const match of normalized.text.matchAll(WORD)) {
    let word = match[0];
    const first = match.index;
    // The possessive is not part of the word: drop it from the term and from the span.
    let last = first + word.length - 1;
    if (word.endsWith("'s")) {
      word = word.slice(0, -2);
      last -= 2;
    }
    word = word.replaceAll("'", '');
    if (word === '') continue;
    tokens.push({
      term: canonicalTerm(word),
      start: normalized.from[first]!,
      end: normalized.to[last]!,
    });
  }
  return tokens;
}
