/**
 * What a record lacks that the manuals require, so that no citation,
 * bibliography entry or export of an incomplete record looks complete: the
 * Cite panel shows the note beside its copy buttons, the CLI prints it on
 * stderr, BibTeX carries it as an `@comment` and RIS as an `N1` note.
 *
 * The rules (by CSL type of the shipped record, which says what the source
 * is; the per-style type in `records.ts` is only how a style is told to
 * print it):
 *   - An article on a news website (`article-newspaper`, `webpage`): APA 7
 *     (10.2, news website: year, month and day; URL), MLA 9 (full
 *     publication date and URL for a web source) and CMOS (14.89 ff.,
 *     news sites: date and URL) all require the day of publication and the
 *     URL. MLA additionally asks for an access date when the work shows no
 *     publication date.
 *   - An unpublished manuscript (`manuscript`): its date (every style; a
 *     year inferred from internal evidence is not a printed date), and for
 *     APA the institution it comes from (APA 10.8, unpublished manuscript:
 *     "Department, University").
 *   - Any other published work (`article`, `article-journal`, `report`,
 *     `book`, `chapter`): its date (APA prints "n.d." without one, which
 *     reads as a fact about the work, not a gap in the record).
 *   - Where it was published (APA 10.1–10.3, MLA 9 "container", CMOS
 *     14.68 ff.): a journal article's journal, a chapter's book, a news
 *     article's newspaper or site, a web page's site; a book's publisher, a
 *     chapter's (its book's), a report's issuing institution (APA 10.4).
 *   - Any record whose title is inferred (a reader's text that states no
 *     title, named after its file): every style cites a work by its title,
 *     or, untitled, by a description the writer gives (APA 9.21 ff.), which
 *     a file's name is not.
 *   - Any record whose author's name was split by guess (a reader's text
 *     giving "Kim Minji" as one string): every style sorts and abbreviates
 *     by the family name, which the text does not say.
 * Pure and environment-neutral.
 */
import type { SourceMetadata } from '../metadata.ts';
import type { StyleRef } from './records.ts';
import { plural } from '../../sources/util/plural.ts';

/** One missing value: the CSL field a reader can set, and what it is in words. */
export interface MissingField {
  /** The CSL field to set (Edit record, `--set FIELD=…`). */
  readonly field: string;
  /** What is missing, in words: "the day of publication". */
  readonly what: string;
}

const ONLINE_TYPES = new Set(['article-newspaper', 'webpage', 'post-weblog', 'article-magazine']);

/** Published works other than online ones, which every style dates. */
const PUBLISHED_TYPES = new Set(['article', 'article-journal', 'report', 'book', 'chapter']);

/** What a work of each type was published in, in words (CSL `container-title`). */
const CONTAINER: Readonly<Record<string, string>> = {
  'article-journal': 'the journal it appeared in',
  chapter: 'the book it is in',
  'article-newspaper': 'the newspaper or site it appeared in',
  webpage: 'the website it is on',
};

/** Who published a work of each type, in words (CSL `publisher`). */
const PUBLISHER: Readonly<Record<string, string>> = {
  book: 'its publisher',
  chapter: 'the book’s publisher',
  report: 'the institution that issued it',
};

function hasDay(meta: SourceMetadata): boolean {
  const date = meta.csl.issued;
  return Boolean(date && !date.circa && (date['date-parts'][0]?.length ?? 0) >= 3);
}

function hasDate(meta: SourceMetadata): boolean {
  return Boolean(meta.csl.issued && !meta.csl.issued.circa);
}

/** What `meta` lacks for `style` (or for any style, when `style` is omitted). */
export function missingFields(meta: SourceMetadata, style?: StyleRef): MissingField[] {
  const missing: MissingField[] = [];
  const csl = meta.csl;
  const title = meta.inferred.find((v) => v.field === 'title');
  if (title) missing.push({ field: 'title', what: `its title (${title.evidence})` });
  const author = meta.inferred.find((v) => v.field === 'author');
  if (author)
    missing.push({
      field: 'author',
      what: `which part of an author’s name is the family name (${author.evidence})`,
    });
  if (ONLINE_TYPES.has(csl.type)) {
    if (!hasDay(meta)) missing.push({ field: 'issued', what: 'the day of publication' });
    const container = CONTAINER[csl.type];
    if (container && !csl['container-title'])
      missing.push({ field: 'container-title', what: container });
    if (!csl.URL) missing.push({ field: 'URL', what: 'the URL' });
    if ((style === undefined || style === 'mla') && !hasDate(meta) && !csl.accessed) {
      missing.push({ field: 'accessed', what: 'the date you accessed it (MLA)' });
    }
  } else if (csl.type === 'manuscript') {
    if (!hasDate(meta)) missing.push({ field: 'issued', what: 'the date of the paper' });
    if ((style === undefined || style === 'apa') && !csl.publisher) {
      missing.push({ field: 'publisher', what: 'the institution it comes from (APA)' });
    }
  } else if (PUBLISHED_TYPES.has(csl.type)) {
    if (!hasDate(meta)) missing.push({ field: 'issued', what: 'the date of publication' });
    const container = CONTAINER[csl.type];
    if (container && !csl['container-title'])
      missing.push({ field: 'container-title', what: container });
    const publisher = PUBLISHER[csl.type];
    if (publisher && !csl.publisher) missing.push({ field: 'publisher', what: publisher });
  }
  return missing;
}

/**
 * One sentence for a reader, or `null` when nothing is missing:
 * "Incomplete record: Diptych does not know the day of publication or the URL. Edit the record to add them."
 */
export function missingNote(meta: SourceMetadata, style?: StyleRef): string | null {
  const missing = missingFields(meta, style);
  if (missing.length === 0) return null;
  const whats = missing.map((m) => m.what);
  const list =
    whats.length === 1 ? whats[0]! : `${whats.slice(0, -1).join(', ')} or ${whats.at(-1)!}`;
  const fields = missing.map((m) => m.field).join(', ');
  return `Incomplete record for ${meta.label}: Diptych does not know ${list}; the manuals require ${plural(missing.length, 'it', 'them')}. Edit the record to add ${plural(missing.length, 'it', 'them')} (${fields}).`;
}
