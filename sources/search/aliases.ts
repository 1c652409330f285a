/**
 * The alias table: spellings of the same name that the two texts (or their
 * readers) use, so that a search for one finds the others and related-passage
 * retrieval sees one term.
 *
 * What belongs here: variant spellings of ONE name that no character rule
 * can fold — romanization variants (McCune–Reischauer vs Revised
 * Romanization, postal vs pinyin, the authors' own inconsistent
 * transliterations of Russian names) and the original-script spelling of a
 * name when a text prints it. Every entry names a person or place that
 * occurs in the texts; `tests/sources/search/aliases.test.ts` checks that at
 * least one spelling of each entry occurs in `sources/texts/`.
 *
 * What does NOT belong here:
 * - hyphen, space, case, apostrophe and diacritic variants ("Kim Il Sung" /
 *   "Kim Il-sung", "Kim Jong Il" / "Kim Jong-il", "P'yŏngyang" / "Pyongyang"):
 *   `normalize.ts` and `tokenize.ts` fold those for every word, so listing
 *   them here would be redundant;
 * - abbreviations and other names for the same thing ("DPRK" / "North Korea",
 *   "USSR" / "Soviet Union", "the Kremlin" / "Moscow"): they are different
 *   words, not spellings; a reader searching "DPRK" is looking for that
 *   word, and conflating them would also change related-passage scores for
 *   reasons that have nothing to do with romanization;
 * - translations ("Maritime province" / "Primorsky Krai", "Russia" / "Rossiya");
 * - variants that differ inside a multi-word name in a word that is also an
 *   ordinary word (e.g. McCune–Reischauer "Kim Il-sŏng" vs "Kim Il-sung":
 *   aliasing `song` to `sung` would corrupt every "song"). Entries are single
 *   words; the table has no multi-word rule (a better design would match
 *   token sequences; the two texts do not need it).
 */
import { normalize } from './normalize.ts';

/** One name and its spellings. */
export interface AliasEntry {
  /** The spellings as printed, canonical (index) spelling first. Single words only. */
  readonly spellings: readonly string[];
  /** Who or what it is, and where each spelling occurs (the evidence for the entry). */
  readonly note: string;
}

/** The alias table (see the head comment for what belongs here). */
export const ALIASES: readonly AliasEntry[] = [
  {
    spellings: ['Toloraya', 'Tolaraya', 'Толарая'],
    note:
      'Georgy D. Toloraya, Russian diplomat and Korea scholar. Lankov writes "Georgyi Toloraya" ' +
      'in footnote 1, "G.D. Tolaraya" in the railway paragraph, and prints the Cyrillic "Толарая Г.Д." in footnote 7.',
  },
  {
    spellings: ['Georgy', 'Georgyi'],
    note:
      'The Russian given name Георгий: Lankov writes "Georgyi" (Toloraya, footnote 1) and "Georgy" ' +
      '(Bulychev, footnote 5).',
  },
  {
    spellings: ['Beijing', 'Peking'],
    note:
      'The Chinese capital in pinyin and in postal romanization. Both texts write "Beijing"; ' +
      'Winstanley-Chesters writes the historical "treaties of Peking".',
  },
  {
    spellings: ['Pusan', 'Busan'],
    note:
      'The Korean port in McCune–Reischauer (Lankov: "from Pusan to Hamburg") and in the Revised ' +
      'Romanization that most readers type today.',
  },
];

/** Normalized variant → normalized canonical spelling. Built once from `ALIASES`. */
const CANONICAL: ReadonlyMap<string, string> = buildCanonicalMap(ALIASES);

function buildCanonicalMap(entries: readonly AliasEntry[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of entries) {
    const [first] = entry.spellings;
    if (first === undefined) continue;
    const canonical = normalize(first);
    for (const spelling of entry.spellings) map.set(normalize(spelling), canonical);
  }
  return map;
}

/**
 * The index term for a normalized word: its canonical spelling if the alias
 * table lists it, else the word itself. Input must already be normalized
 * (`normalize`), as `tokenize` produces it.
 */
export function canonicalTerm(term: string): string {
  return CANONICAL.get(term) ?? term;
}
