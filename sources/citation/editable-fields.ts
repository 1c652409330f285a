/**
 * The CSL fields a reader can edit in a source's record, and what a form
 * and the CLI call each. A module of its own, with no schema: the reader's
 * Sync panel needs the labels in its first chunk, and the schemas
 * (`record-overrides.ts`) would bring zod there.
 */

/** The CSL fields a reader can set, in the order a form shows them. */
export const EDITABLE_FIELDS = [
  'author',
  'title',
  'title-short',
  'container-title',
  'issued',
  'URL',
  'accessed',
  'publisher',
  'publisher-place',
  'genre',
  'medium',
  'editor',
  'edition',
  'volume',
  'issue',
  'page',
  'number',
  'DOI',
] as const;

/** One editable CSL field. */
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** What a form and the CLI say about each field. */
export const FIELD_LABELS: Readonly<Record<EditableField, string>> = {
  author: 'Authors (Family, Given; one per “;”)',
  title: 'Title',
  'title-short': 'Short title',
  'container-title': 'Container (site, journal, book)',
  issued: 'Date issued (YYYY, YYYY-MM or YYYY-MM-DD)',
  URL: 'URL (http or https)',
  accessed: 'Accessed (YYYY-MM-DD)',
  publisher: 'Publisher or institution',
  'publisher-place': 'Place of publication',
  genre: 'Genre (e.g. Unpublished manuscript)',
  medium: 'Medium',
  editor: 'Editors (Family, Given; one per “;”)',
  edition: 'Edition',
  volume: 'Volume',
  issue: 'Issue',
  page: 'Pages (e.g. 45–67)',
  number: 'Number (report, series)',
  DOI: 'DOI (10.…/…)',
};
