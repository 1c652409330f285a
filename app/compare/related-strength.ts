/**
 * How the Related panel presents a ranked passage to a reader: its strength
 * in words and as a bar, instead of a raw score, which means nothing to a
 * reader and is only comparable within one list.
 *
 * Strength is absolute: it comes from the passage's shared-word evidence
 * (`RelatedPassage.evidence`, `sources/related/`: the idf of each shared
 * word, in units of a word found in one passage of the other text only),
 * not from its rank or its distance to the best hit. So a selection of
 * common words gets weak matches only, and the panel says there is no close
 * match, where a strength relative to the best called its best "strong"
 * whatever it was. Meaning counts too, as the ranking fuses it: a passage
 * is as strong as the stronger of its two kinds of evidence, its shared
 * words and its closeness by word meaning (`RelatedPassage.meaning`: the
 * SIF similarities the fusion used, discounted for a query of common
 * words), so a passage found by meaning alone, sharing no word, is not
 * called weak when it is close.
 *
 * Filler words are left out of a passage's shared words by
 * `sources/related/` itself (`filler-words.ts`), so the CLI shows the same.
 * What it is not for: ranking (`sources/related/related.ts`).
 */

/** A passage's strength, on a scale that is the same for every query. */
export interface RelatedStrength {
  /** 0–1, for the bar: the evidence over `FULL_BAR`, capped. */
  readonly ratio: number;
  /** "strong", "moderate" or "weak". */
  readonly words: 'strong' | 'moderate' | 'weak';
}

/*
 * Thresholds on the evidence, read off the two built-in texts (2026-12-02): for each curated
 * comparison, both ways, the query paragraph's evidence with its curated counterpart (90
 * queries) against its evidence with the candidate ranked in the middle of the other text.
 * The counterpart's median is 2.1 and the middle candidate's 1.2; at these thresholds 63 % of
 * counterparts are moderate or strong and 34 % strong, against 39 % and 12 % of middle
 * candidates. A selection of common words ("it is not very important at the moment, and the
 * issue plays a secondary role") reaches 0.7 at best; Lankov's railway from Rajin to Khasan,
 * selected, meets Winstanley-Chesters 13 at 2.8.
 */
/** About three words rarer than most shared: strong. */
export const STRONG = 2.5;
/** About one word found nowhere else in the other text, and a common one: moderate. */
export const MODERATE = 1.5;
/** Evidence that fills the bar (about the 90th percentile of curated counterparts, 4.4). */
const FULL_BAR = 4;

/*
 * Thresholds on the meaning evidence, read the same way (scripts/calibrate-related-strength.ts,
 * 2026-12-02; 84 curated queries both ways): the counterpart's median is 0.17 and the middle
 * candidate's 0.07; at 0.25, 30 % of counterparts and 2 % of middle candidates are moderate or
 * strong by meaning, at 0.4, 13 % and none. Four counterparts weak by their shared words are
 * moderate by meaning. Selections of common words reach 0.23 at best ("it is not very important
 * at the moment, and the issue plays a secondary role"; "there are many other things that we
 * should also take into account here"), so they stay weak; without the discount for common words
 * their SIF cosines reached 0.54, which is why the raw cosine is not the scale.
 */
/** Close by meaning: strong. */
export const MEANING_STRONG = 0.4;
/** Somewhat close by meaning: moderate. */
export const MEANING_MODERATE = 0.25;
/** Meaning evidence that fills the bar (about the 90th percentile of curated counterparts, 0.48). */
const MEANING_FULL_BAR = 0.5;

const finite = (x: number) => (Number.isFinite(x) ? Math.max(0, x) : 0);

/**
 * The strength of a passage whose shared-word evidence is `evidence` and meaning evidence
 * `meaning` (`RelatedPassage`): the stronger of the two.
 */
export function relatedStrength(evidence: number, meaning = 0): RelatedStrength {
  const e = finite(evidence);
  const m = finite(meaning);
  const level = (strong: boolean, moderate: boolean) => (strong ? 2 : moderate ? 1 : 0);
  const best = Math.max(
    level(e >= STRONG, e >= MODERATE),
    level(m >= MEANING_STRONG, m >= MEANING_MODERATE),
  );
  return {
    ratio: Math.min(1, Math.max(e / FULL_BAR, m / MEANING_FULL_BAR)),
    words: best === 2 ? 'strong' : best === 1 ? 'moderate' : 'weak',
  };
}
