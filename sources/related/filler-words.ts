/**
 * Words that carry no matter of their own but pass the `stopword` list
 * (modal verbs, hedges, quantifiers, linking adverbs: "will", "even",
 * "likely", "also"), left out of what explains a related passage — the
 * shared terms and the matched concepts — so the explanation names what
 * the passages are about. They still count in the ranking: leaving them out
 * of BM25 would change the measured figures, and a word such as "likely"
 * can be part of what two hedged forecasts share.
 *
 * A short list written here rather than a larger package's: the fuller
 * English lists (`stopwords-iso`, 1,298 words) also drop words that carry
 * matter in these texts ("country", "world", "year", "information").
 */

/** Filler words, lower case. */
export const FILLER_WORDS: ReadonlySet<string> = new Set([
  'also',
  'although',
  'among',
  'another',
  'anyway',
  'around',
  'can',
  'could',
  'did',
  'does',
  'done',
  'due',
  'either',
  'else',
  'even',
  'ever',
  'every',
  'however',
  'indeed',
  'instead',
  'just',
  'least',
  'less',
  'like',
  'likely',
  'many',
  'may',
  'might',
  'much',
  'must',
  'neither',
  'never',
  'now',
  'often',
  'one',
  'perhaps',
  'quite',
  'rather',
  'really',
  'seem',
  'seems',
  'several',
  'shall',
  'since',
  'still',
  'though',
  'thus',
  'unlikely',
  'upon',
  'well',
  'whether',
  'within',
  'without',
  'would',
  'yet',
  'will',
  'made',
  'make',
  'makes',
  'way',
  'thing',
  'things',
  'say',
  'says',
  'said',
  'get',
  'got',
  'became',
  'become',
  'becomes',
  'per',
  'via',
  'almost',
  'already',
  'always',
  'probably',
  'usually',
  'certain',
  'certainly',
  'so',
  'no',
  'not',
  'following',
  'began',
  'begin',
  'begins',
]);

/** Whether a word (any case) is filler. */
export function isFiller(word: string): boolean {
  return FILLER_WORDS.has(word.toLowerCase());
}
