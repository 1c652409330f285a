/**
 * Which fields of a bibliographic record matter for its kind of work, in the
 * order a form asks for them, and what each is called for that kind: a news
 * article has a newspaper or site, a URL and a day of publication; a journal
 * article a journal, volume, issue, pages and DOI; a chapter its book's
 * title, editors, publisher and pages; a report its institution and number.
 * The lists follow what the APA 7 (chapter 10), MLA 9 (core elements) and
 * CMOS 18 (chapter 14) reference patterns print for each kind, mapped onto
 * CSL-JSON fields (https://docs.citationstyles.org/en/stable/specification.html#appendix-iv-variables).
 *
 * Used by both record forms (Edit record over a built-in source, and over a
 * reader's own text in the Library), so the same kind of work asks the same
 * questions in both. Environment-neutral: no React, no storage.
 *
 * Not for: validating values (`fieldError` in `record-overrides.ts`) or
 * saying what a record lacks (`missing-fields.ts`).
 */
import { EDITABLE_FIELDS, FIELD_LABELS, type EditableField } from './record-overrides.ts';

/** The first fields of every kind of work. */
const CORE: readonly EditableField[] = ['author', 'title', 'title-short'];

/** The web fields, last in every list: a reader found most texts online. */
const WEB: readonly EditableField[] = ['URL', 'accessed'];

/** Fields per CSL item type, in form order. */
const TYPE_FIELDS: Readonly<Record<string, readonly EditableField[]>> = {
  'article-newspaper': [...CORE, 'container-title', 'issued', ...WEB],
  'article-magazine': [...CORE, 'container-title', 'issued', ...WEB],
  webpage: [...CORE, 'container-title', 'publisher', 'issued', ...WEB],
  'post-weblog': [...CORE, 'container-title', 'issued', ...WEB],
  'article-journal': [
    ...CORE,
    'container-title',
    'volume',
    'issue',
    'page',
    'issued',
    'DOI',
    ...WEB,
  ],
  article: [...CORE, 'container-title', 'publisher', 'issued', 'DOI', ...WEB],
  book: [
    ...CORE,
    'editor',
    'edition',
    'volume',
    'publisher',
    'publisher-place',
    'issued',
    'DOI',
    ...WEB,
  ],
  chapter: [
    ...CORE,
    'editor',
    'container-title',
    'edition',
    'volume',
    'page',
    'publisher',
    'publisher-place',
    'issued',
    'DOI',
    ...WEB,
  ],
  report: [...CORE, 'genre', 'number', 'publisher', 'publisher-place', 'issued', 'DOI', ...WEB],
  thesis: [...CORE, 'genre', 'publisher', 'publisher-place', 'issued', 'DOI', ...WEB],
  manuscript: [...CORE, 'genre', 'medium', 'publisher', 'publisher-place', 'issued', ...WEB],
};

/** Labels that differ by kind of work (the rest are `FIELD_LABELS`). */
const TYPE_LABELS: Readonly<Record<string, Partial<Record<EditableField, string>>>> = {
  'article-newspaper': { 'container-title': 'Newspaper or news site' },
  'article-magazine': { 'container-title': 'Magazine' },
  webpage: { 'container-title': 'Website', publisher: 'Publisher (if not the website)' },
  'post-weblog': { 'container-title': 'Blog' },
  'article-journal': { 'container-title': 'Journal' },
  article: { 'container-title': 'Published in' },
  chapter: { title: 'Chapter title', 'container-title': 'Book title' },
  report: {
    genre: 'Kind of report (e.g. Working paper)',
    number: 'Report number',
    publisher: 'Institution',
  },
  thesis: { genre: 'Degree (e.g. PhD thesis)', publisher: 'University' },
  manuscript: {
    genre: 'Kind (e.g. Unpublished manuscript)',
    medium: 'Medium (e.g. Typescript)',
    publisher: 'Institution or archive',
  },
};

/**
 * The fields a form shows for a record of CSL type `type`: those that matter
 * for it, then any of `alsoShow` (fields the record already sets) that the
 * list lacks, so nothing a reader entered is hidden. An unknown type gets
 * every editable field.
 */
export function recordFieldsFor(
  type: string,
  alsoShow: Iterable<EditableField> = [],
): EditableField[] {
  const base = TYPE_FIELDS[type] ?? EDITABLE_FIELDS;
  const extra = new Set(alsoShow);
  for (const f of base) extra.delete(f);
  return [...base, ...EDITABLE_FIELDS.filter((f) => extra.has(f))];
}

/** What a form calls `field` for a record of CSL type `type`. */
export function recordFieldLabel(type: string, field: EditableField): string {
  return TYPE_LABELS[type]?.[field] ?? FIELD_LABELS[field];
}
