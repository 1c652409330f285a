/**
 * The library's data: what is stored about each text a reader adds, declared
 * once as zod schemas (the types derive from them) and checked on every load
 * from IndexedDB and every workspace import.
 *
 * A text is stored once, under its id, in three parts, so that listing the
 * library never reads a text's content:
 * - `TextEntry`: title, record, sizes, version — small, listed;
 * - the content: what the pipeline reads (Markdown; HTML arrives as the
 *   Markdown extracted from it), one string per text;
 * - the edition: the parsed result, a cache (rebuilt from the content when it
 *   is missing, stale or unreadable — nothing is lost with it).
 *
 * Not for: parsing (`sources/import-text.ts`) or storage (`idb-storage.ts`).
 */
import { z } from 'zod';
import { fieldError } from '../sources/citation/record-overrides.ts';
import { nameFromString } from './names.ts';

/** Ids of texts a reader adds: `slug-<10 hex>` (`sources/text-id.ts`), or any source id grammar for older ids. */
export const TextIdSchema = z
  .string()
  .max(80)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a text id (lower-case letters, digits, hyphens)');

/** A name in a citation record. */
export const RecordNameSchema = z
  .object({
    /** Family name (or the whole name of an organisation). */
    family: z.string().min(1).max(200),
    /** Given names; empty for an organisation. */
    given: z.string().max(200),
  })
  .strict();

/** A date as a reader writes it: `2024`, `2024-03` or `2024-03-05`, checked to be a real date. */
export const RecordDateSchema = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be a date like 2024, 2024-03 or 2024-03-05')
  .refine(
    (s) => {
      const [y, m, d] = s.split('-').map(Number);
      if (m === undefined) return true;
      if (m < 1 || m > 12) return false;
      if (d === undefined) return true;
      const date = new Date(Date.UTC(y!, m - 1, d));
      return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
    },
    { message: 'is not a real calendar date' },
  );

/** A short label or number (a volume, an issue, an edition). */
const ShortSchema = z.string().min(1).max(100);

/** The CSL item types a reader can pick for a text. */
export const RECORD_TYPES = [
  'manuscript',
  'article',
  'article-journal',
  'article-newspaper',
  'webpage',
  'report',
  'book',
  'chapter',
] as const;

/**
 * A text's citation record: the CSL fields that matter for the reader's
 * texts, each only as the reader or the file stated it (never guessed).
 */
export const TextRecordSchema = z
  .object({
    /** CSL item type. */
    type: z.enum(RECORD_TYPES),
    /** Title, in the case the reader wrote. */
    title: z.string().min(1).max(1000),
    /** Authors in order. */
    authors: z.array(RecordNameSchema).max(100),
    /** Date issued. */
    issued: RecordDateSchema.optional(),
    /** Journal, site or newspaper. */
    containerTitle: z.string().min(1).max(1000).optional(),
    /** Publisher. */
    publisher: z.string().min(1).max(1000).optional(),
    /** Where the text lives on the web: http(s) only. */
    url: z
      .string()
      .max(2048)
      .regex(/^https?:\/\/\S+$/i, 'must be an http(s) URL')
      .optional(),
    /** Day the reader consulted it online. */
    accessed: RecordDateSchema.optional(),
    /** Short title (notes styles' subsequent notes). */
    titleShort: z.string().min(1).max(1000).optional(),
    /** Editors of a book, or of the book a chapter is in. */
    editors: z.array(RecordNameSchema).min(1).max(100).optional(),
    /** Edition of a book ("2nd", "Revised"). */
    edition: ShortSchema.optional(),
    /** Volume of a journal or of a multi-volume book. */
    volume: ShortSchema.optional(),
    /** Issue of a journal. */
    issue: ShortSchema.optional(),
    /** Pages of an article or chapter: `45`, `45–67`. */
    page: ShortSchema.refine((v) => fieldError('page', v) === null, {
      message: 'must be a page or a range such as 45–67',
    }).optional(),
    /** Number of a report or working paper. */
    number: ShortSchema.optional(),
    /** DOI, `10.…/…`. */
    doi: z
      .string()
      .max(1000)
      .refine((v) => fieldError('DOI', v) === null, {
        message: 'must look like 10.1234/abc (without https://doi.org/)',
      })
      .optional(),
    /** Place of publication. */
    place: z.string().min(1).max(1000).optional(),
    /** Kind of work (a report's kind, a thesis's degree, "Unpublished manuscript"). */
    genre: z.string().min(1).max(1000).optional(),
    /** Medium ("Typescript"). */
    medium: z.string().min(1).max(1000).optional(),
  })
  .strict();

/** A text's citation record. */
export type TextRecord = z.infer<typeof TextRecordSchema>;

/** What the file said about itself when it was added (for "pre-filled from the file"). */
export const TextFactsSchema = z
  .object({
    title: z.string().max(1000),
    titleFrom: z.enum(['front matter', 'heading', 'first line', 'page', 'file name']),
    /** Authors as written: one string each, or split into family and given where the file split them. */
    authors: z.array(z.union([z.string().max(500), RecordNameSchema])).max(100),
    date: z.string().max(100).optional(),
    url: z.string().max(2048).optional(),
    /** The website a saved page belongs to, as the page names it. */
    site: z.string().min(1).max(1000).optional(),
  })
  .strict();

/** One stored text's entry (everything but its content and edition). */
export const TextEntrySchema = z
  .object({
    /** The text's id: the prefix of its addresses; stable across versions. */
    id: TextIdSchema,
    /** The file name it was added from (or `Pasted text`). */
    name: z.string().min(1).max(500),
    /** The title shown in the library and the pane; the reader may rename it. */
    title: z.string().min(1).max(1000),
    /** What the file was. */
    format: z.enum(['markdown', 'html']),
    /** Counted from 1; a re-import adds one. */
    version: z.number().int().min(1),
    /** Size of the content in characters. */
    size: z.number().int().min(0),
    /** When it was first added (ISO 8601). */
    added: z.iso.datetime(),
    /** When its content or entry last changed. */
    modified: z.iso.datetime(),
    /** What the file said about itself. */
    facts: TextFactsSchema,
    /** The citation record (pre-filled from `facts`, edited by the reader). */
    record: TextRecordSchema,
    /** True once the reader has edited the record. */
    recordEdited: z.boolean(),
  })
  .strict();

/** One stored text's entry. */
export type TextEntry = z.infer<typeof TextEntrySchema>;

/** A text that annotations name but this browser lacks (from an annotation or workspace import). */
export const WaitingTextSchema = z
  .object({
    id: TextIdSchema,
    /** Its title, as the file that named it said; absent when the file did not say. */
    title: z.string().min(1).max(1000).optional(),
    /** When the first annotation for it arrived. */
    since: z.iso.datetime(),
  })
  .strict();

/** A text that annotations wait for. */
export type WaitingText = z.infer<typeof WaitingTextSchema>;

/** A name in a citation record. */
export type RecordName = z.infer<typeof RecordNameSchema>;

/** An author as a file states it (see `TextFactsSchema`). */
export type FactName = z.infer<typeof TextFactsSchema>['authors'][number];

/** A fact's name as a record's name: split by the file, or by `nameFromString`. */
export function recordName(name: FactName): RecordName {
  return typeof name === 'string' ? nameFromString(name) : name;
}

/** `name` cut to the lengths the schemas allow (500 for one string; 200 a part). */
export function clipFactName(name: FactName): FactName {
  return typeof name === 'string'
    ? name.slice(0, 500)
    : { family: name.family.slice(0, 200), given: name.given.slice(0, 200) };
}

/**
 * The record pre-filled from what the file says: its title, authors, date
 * (only when it is a calendar date: a timestamp keeps its day), URL and, for
 * a saved page, the site it names as its own (APA and MLA cite a web page in
 * its site). The type: `webpage` for a saved page, `manuscript` otherwise —
 * the reader changes it in the record editor.
 */
export function recordFromFacts(
  facts: z.infer<typeof TextFactsSchema>,
  format: 'markdown' | 'html',
): TextRecord {
  const day = /^(\d{4}(-\d{2}(-\d{2})?)?)/.exec(facts.date ?? '')?.[1];
  const issued = day !== undefined && RecordDateSchema.safeParse(day).success ? day : undefined;
  const url =
    facts.url !== undefined && /^https?:\/\/\S+$/i.test(facts.url) ? facts.url : undefined;
  return {
    type: format === 'html' ? 'webpage' : 'manuscript',
    title: facts.title.slice(0, 1000) || 'Untitled',
    authors: facts.authors
      .map(recordName)
      .filter((n) => n.family !== '')
      .slice(0, 100),
    ...(issued !== undefined ? { issued } : {}),
    ...(url !== undefined ? { url } : {}),
    ...(facts.site ? { containerTitle: facts.site.slice(0, 1000) } : {}),
  };
}
