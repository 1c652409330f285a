/**
 * How the Related panel presents a ranked passage to a reader: its strength
 * in words and as a bar, instead of a raw score, which means nothing to a
 * reader and is only comparable within one list.
 *
 * Strength is relative to the best passage of the same list (the ranking's
 * `strength`, each signal scaled to its best for the query), so the words
 * say how close each passage comes to the best match.
 *
 * Filler words are left out of a passage's shared words by
 * `sources/related/` itself (`filler-words.ts`), so the CLI shows the same.
 * What it is not for: ranking (`sources/related/related.ts`).
 */

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
