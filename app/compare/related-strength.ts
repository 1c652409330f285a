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
 * whatever it was. The ranking still fuses word meaning (a passage found by
 * meaning alone can rank high and be weak here: it shares no word).
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

/** The strength of a passage whose shared-word evidence is `evidence`. */
export function relatedStrength(evidence: number): RelatedStrength {
  const e = Number.isFinite(evidence) ? Math.max(0, evidence) : 0;
  return {
    ratio: Math.min(1, e / FULL_BAR),
    words: e >= STRONG ? 'strong' : e >= MODERATE ? 'moderate' : 'weak',
  };
}
