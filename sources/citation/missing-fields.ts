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

/** A list in words: "a", "a or b", "a, b or c" (or "and", after "lacks"). */
function wordList(items: readonly string[], conjunction: 'or' | 'and'): string {
  return items.length === 1
    ? items[0]!
    : `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)!}`;
}

/**
 * What a style prints for a record whose only year is inferred, and why, for
 * `missingNote`: a reader who sees "n.d." beside "Lankov (2007)" should read
 * it as the manual's rule for an undated work, not as Diptych losing the year
 * (`styleRecord` in `records.ts` decides what each style is given).
 */
function inferredYearNote(year: number, style: StyleRef | undefined): string {
  const inferred = `the text carries no date. Diptych infers the year (about ${year}) from the text, but an inferred year is not a date of publication`;
  switch (style) {
    case undefined:
      return `${inferred}.`;
    case 'apa':
      return `${inferred}, so APA shows “n.d.”, as for any undated work.`;
    case 'mla':
      return `${inferred}, so MLA leaves the date out, as for any undated work.`;
    case 'custom':
      return `${inferred}, so this style, which may not mark a guess, shows no date.`;
    default:
      return `${inferred}, so Chicago shows it marked as a guess, “[${year}?]”.`;
  }
}

/**
 * One or two sentences for a reader, or `null` when nothing is missing. Says
 * what is missing, why a citation looks as it does without it, and where to
 * add it:
 * "Incomplete record for Lankov (2007): the text carries no date. Diptych
 * infers the year (about 2007) …, so APA shows “n.d.”, as for any undated
 * work. … If you know them, add them with Edit record (issued, publisher)."
 */
export function missingNote(meta: SourceMetadata, style?: StyleRef): string | null {
  const missing = missingFields(meta, style);
  if (missing.length === 0) return null;
  const issued = meta.csl.issued;
  const year = issued?.circa ? issued['date-parts'][0]?.[0] : undefined;
  const undated = year !== undefined && missing.some((m) => m.field === 'issued');
  const others = undated ? missing.filter((m) => m.field !== 'issued') : missing;
  const them = plural(missing.length, 'it', 'them');
  const parts: string[] = [];
  if (undated) parts.push(inferredYearNote(year, style));
  if (others.length > 0) {
    const whats = others.map((m) => m.what);
    const require = `the manuals require ${plural(others.length, 'it', 'them')}`;
    parts.push(
      undated
        ? `The record also lacks ${wordList(whats, 'and')}; ${require}.`
        : `Diptych does not know ${wordList(whats, 'or')}; ${require}.`,
    );
  }
  const fields = missing.map((m) => m.field).join(', ');
  return `Incomplete record for ${meta.label}: ${parts.join(' ')} If you know ${them}, add ${them} with Edit record (${fields}).`;
}
