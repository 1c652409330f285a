/**
 * How the Related panel presents a ranked passage to a reader: its strength
 * in words and as a bar (instead of a raw BM25 score, which means nothing to
 * a reader and is only comparable within one list), and only the shared
 * words that carry meaning.
 *
 * Strength is relative to the best passage of the same list (BM25 scores are
 * comparable within one query and one source, not across queries), so the
 * words say how close each passage comes to the best match.
 *
 * Filler words: the ranking (`sources/related/`) drops the 108 stop words of
 * the `stopword` package; words like "so", "following", "began" or "will"
 * still reach it. The panel leaves out of its "shared words" every word of
 * the English list of `stopwords-en` (1,298 words, the stopwords-iso
 * collection), so what it shows as the reason for a match is content.
 * What it is not for: ranking (`sources/related/related.ts`).
 */
import FILLER_LIST from 'stopwords-en';

const FILLER: ReadonlySet<string> = new Set(FILLER_LIST as readonly string[]);

/** True for a word that says nothing about what a passage is about ("so", "will", "following"). */
export function isFillerWord(word: string): boolean {
  const w = word.toLowerCase().replace(/[’']s$/, '');
  return w.length < 2 || FILLER.has(w);
}

/** A passage's strength, relative to the best of its list. */
export interface RelatedStrength {
  /** 0–1: the score over the best score of the list. */
  readonly ratio: number;
  /** "strong", "moderate" or "weak". */
  readonly words: 'strong' | 'moderate' | 'weak';
}

/** Thresholds on the ratio to the best match: the best and near it are strong. */
const STRONG = 0.7;
const MODERATE = 0.4;

/** The strength of `score` in a list whose best score is `best`. */
export function relatedStrength(score: number, best: number): RelatedStrength {
  const ratio = best > 0 ? Math.max(0, Math.min(1, score / best)) : 0;
  return { ratio, words: ratio >= STRONG ? 'strong' : ratio >= MODERATE ? 'moderate' : 'weak' };
}
