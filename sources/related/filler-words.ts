/**
 * Words that carry no matter of their own but pass the `stopword` list
 * (modal verbs, hedges, quantifiers, linking adverbs: "will", "even",
 * "likely", "also"), left out of what explains a related passage — the
 * shared terms and the matched concepts — so the explanation names what
 * the passages are about. They still count in the ranking: leaving them out
 * of BM25 would change the measured figures, and a word such as "likely"
 * can be part of what two hedged forecasts share.
 *
 * A short list written here rather than a larger package's for the shared
 * words: the fuller English lists (`stopwords-iso`, 1,298 words) also drop
 * words that carry matter in these texts ("world", "year", "information",
 * "interest"). The matched concepts, which are guesses by word vectors
 * rather than words both passages use, take that fuller list too
 * (`isGeneralWord`).
 */
import stopwordsEn from 'stopwords-en/stopwords-en.json' with { type: 'json' };

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
  'when',
  'why',
  'whose',
  'not',
  'following',
  'began',
  'begin',
  'begins',
  // Light verbs and hedges that read as a reason and are none ("sure ~ meant, having").
  'having',
  'meant',
  'sure',
]);

/** Whether a word (any case) is filler. */
export function isFiller(word: string): boolean {
  return FILLER_WORDS.has(word.toLowerCase());
}

/**
 * The English stop words of `stopwords-en` (the English list of stopwords-iso, 1,298 words,
 * maintained there): function words, light verbs ("having", "seen", "doing"), vague adjectives
 * and adverbs ("clear", "important", "today", "anything").
 */
const GENERAL_WORDS: ReadonlySet<string> = new Set(stopwordsEn);

/**
 * Whether a word (any case) is too general to explain a match by meaning: filler, or one of
 * `stopwords-en`'s stop words. Word vectors put such words near many others ("possible ~
 * difficult, anything", "having ~ saw, believed"), so a matched concept made of one says
 * nothing about what two passages share. Not used for the shared words (see the head comment).
 */
export function isGeneralWord(word: string): boolean {
  const lower = word.toLowerCase();
  return FILLER_WORDS.has(lower) || GENERAL_WORDS.has(lower);
}
