/**
 * The CSL-JSON record each style is given for each source, derived from the
 * base record in `sources/metadata.ts` (which holds only what the corpus
 * issue established; nothing here adds a fact).
 *
 * Why per style: CSL item types are not neutral. The same "article on an
 * online-only news site" has to come out as APA 7 wants it (article title in
 * italics, site in roman: CSL `webpage` does that in the official APA style)
 * and as MLA and Chicago want it (title in quotation marks, site in italics:
 * CSL `article-newspaper`). Which type gives which rendering was checked
 * against the official styles and is pinned by exact-string tests
 * (`tests/sources/citation/`). Lankov's paper of unknown venue is a CSL
 * `manuscript` everywhere ("[Unpublished manuscript]" in APA, "unpublished
 * manuscript" in Chicago; Chicago notes-bibliography leaves it out of the
 * bibliography on purpose, CMOS 18 14.114).
 *
 * Titles are stored in sentence case (what APA prints); citeproc title-cases
 * them for MLA and Chicago. One word defeats citeproc's title-caser: in
 * "moving up Moscow's agenda", "up" is an adverb (a phrasal-verb particle),
 * which Chicago (CMOS 8.159) and MLA capitalize, but citeproc lowercases every
 * "up" as if it were a preposition. For the title-case styles we hand citeproc
 * the same title with that one letter capitalized; citeproc leaves capitalized
 * words alone. `TITLE_CASE_HINTS` is checked to differ from the stored title
 * in letter case only.
 *
 * The series ("Russia's borders", `collection-title`) is kept in the exports
 * but not given to the styles: none of the manuals' patterns for a news-site
 * article has a slot for a series, and the official styles print it as if it
 * were a section of the site ("The Conversation, Russia's borders").
 *
 * Not for: formatting (`create-citer.ts`) or file formats (`export-bibliography.ts`).
 */
import type { CslItem, SourceMetadata } from '../metadata.ts';
import type { StyleId } from './styles.ts';

/** CSL item type per source and style, where it differs from the base record's type. */
const STYLE_TYPES: Readonly<Record<string, Partial<Record<StyleId, string>>>> = {
  // APA 7 10.16 (news website): title in italics, site name in roman. The
  // official APA style renders `webpage` so; `article-newspaper` would
  // italicize the site and not the title, as for a print newspaper.
  'winstanley-chesters-2015': { apa: 'webpage' },
};

/** Styles whose manual wants titles in title case (citeproc title-cases English sentence-case titles for them). */
const TITLE_CASE_STYLES: ReadonlySet<StyleId> = new Set<StyleId>([
  'mla',
  'chicago-notes',
  'chicago-author-date',
  'chicago-notes-17',
  'chicago-author-date-17',
]);

/**
 * Titles given to the title-case styles instead of the stored one, differing
 * from it in letter case only (checked when used and pinned in a test).
 */
export const TITLE_CASE_HINTS: Readonly<Record<string, string>> = {
  'winstanley-chesters-2015': 'Russia’s borders: North Korea is moving Up Moscow’s agenda',
};

/**
 * Styles whose manual has no form for a guessed date, so an inferred
 * (`circa`) date is left out and the style prints what it prints for an
 * undated work:
 *   - APA 7 writes "n.d." for a work without a date (Publication Manual 9.17
 *     and Table 9.1); "ca." is for approximate dates of ancient and religious
 *     works only. `(Lankov, n.d., para. 12)`; `Lankov, A. (n.d.). …`.
 *   - MLA 9 leaves an unknown date out (it no longer writes "n.d."), and
 *     recommends an access date for an online work that has none, which the
 *     reader can give (Edit record).
 * The Chicago styles keep it: "[2007?]" is CMOS's own form for a
 * conjectural date. A style a reader loads gets no guessed date either: we
 * cannot know that it prints CSL `circa`, and one that does not would state
 * the guess as a fact. The inferred year stays in the record and the exports.
 */
const NO_GUESSED_DATES: ReadonlySet<string> = new Set(['apa', 'mla', 'custom']);

/** Custom styles are formatted with the base record as it is (its type and title unchanged, series dropped). */
export type StyleRef = StyleId | 'custom';

/** The record a style formats for a source. Pure: returns a new object, never mutates `meta`. */
export function styleRecord(meta: SourceMetadata, style: StyleRef): CslItem {
  const { 'collection-title': _series, ...rest } = meta.csl;
  let base: CslItem = rest as CslItem;
  if (NO_GUESSED_DATES.has(style) && base.issued?.circa) {
    const { issued: _guess, ...undated } = base;
    base = undated as CslItem;
  }
  if (style === 'custom') return base;
  const type = STYLE_TYPES[meta.id]?.[style] ?? base.type;
  let title = base.title;
  const hint = TITLE_CASE_HINTS[meta.id];
  if (hint !== undefined && TITLE_CASE_STYLES.has(style) && !meta.edited?.includes('title')) {
    if (hint.toLowerCase() !== base.title.toLowerCase()) {
      throw new Error(
        `title-case hint for ${meta.id} differs from its title in more than letter case`,
      );
    }
    title = hint;
  }
  return { ...base, type, title };
}

/**
 * The record Diptych exports (BibTeX, RIS, CSL-JSON): the base record as the
 * corpus issue established it, series included, with each inferred value
 * stated in `note` (BibTeX and RIS cannot carry CSL's `circa`, so without the
 * note an export would state an inferred year as a fact). Pure.
 */
export function exportRecord(meta: SourceMetadata): CslItem {
  // One short sentence per value, not the evidence: a reference manager
  // shows `note` in a narrow field, and the evidence is in the app and the
  // README.
  const inferred = meta.inferred.map((v) =>
    v.field === 'issued'
      ? 'Year inferred; not printed in the source.'
      : v.field === 'title'
        ? 'Title inferred; not stated in the source.'
        : v.field === 'author'
          ? 'Author name split at its last space; family name inferred, not stated in the source.'
          : `${v.field} inferred.`,
  );
  const edited = meta.edited?.length ? [`Edited by you: ${meta.edited.join(', ')}.`] : [];
  const note = [meta.csl.note, ...inferred, ...edited]
    .filter((s): s is string => Boolean(s))
    .join(' ');
  return note ? { ...meta.csl, note } : { ...meta.csl };
}
