/**
 * The messages between the app and the citation worker (`citer-worker.ts`),
 * declared once as zod schemas. Both sides validate what they receive: the
 * worker every request, the app every reply, so a malformed message becomes
 * a one-line error in the panel rather than a wrong citation.
 *
 * Not for: formatting (the worker calls `sources/citation/load-citer.ts`).
 */
import { z } from 'zod';
import { EXPORT_FORMATS } from '../../sources/citation/export-formats.ts';
import { CiteLocatorSchema } from '../../sources/citation/locator-schema.ts';
import { StyleIdSchema } from '../../sources/citation/styles.ts';

/** A CSL-JSON name of a reader's record. */
const CslNameSchema = z.object({ family: z.string().min(1).max(200), given: z.string().max(200) });
/** A CSL-JSON date of a reader's record. */
const CslDateSchema = z.object({
  'date-parts': z.array(z.array(z.number().int()).min(1).max(3)).min(1).max(2),
});

/** A reader's text as the citer needs it: its id and CSL-JSON record (`app/library/record-to-csl.ts`). */
export const UserSourceSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  label: z.string().min(1).max(1000),
  csl: z
    .object({
      id: z.string(),
      type: z.string().min(1).max(50),
      title: z.string().min(1).max(1000),
      author: z.array(CslNameSchema).max(100),
      issued: CslDateSchema.optional(),
      accessed: CslDateSchema.optional(),
      'container-title': z.string().max(1000).optional(),
      publisher: z.string().max(1000).optional(),
      URL: z.string().max(2048).optional(),
    })
    .strict(),
});

/** What the app asks, without the id. */
export const CiterCallSchema = z.discriminatedUnion('op', [
  /** Build (and cache) a style's engine, so a later cite is instant. */
  z.object({ op: z.literal('warm'), style: StyleIdSchema }),
  /** Cite one passage (see `PassageRequest` in `sources/citation/cite-passage.ts`). */
  z.object({
    op: z.literal('cite'),
    style: StyleIdSchema,
    request: z.object({
      address: z.string(),
      locator: CiteLocatorSchema.optional(),
      quote: z.string().optional(),
      link: z.string().optional(),
    }),
  }),
  /** The plain-text citation (first note in a notes style) of each address, for the annotations digest. */
  z.object({
    op: z.literal('citeMany'),
    style: StyleIdSchema,
    addresses: z.array(z.string()).max(100_000),
  }),
  /** Both sources' bibliography entries. */
  z.object({ op: z.literal('bibliography'), style: StyleIdSchema }),
  /** A bibliography file. */
  z.object({ op: z.literal('export'), format: z.enum(EXPORT_FORMATS) }),
  /** The reader's own texts and their records (replacing those sent before). */
  z.object({ op: z.literal('sources'), sources: z.array(UserSourceSchema).max(10_000) }),
]);

/** A request: a call with the id its reply will carry. */
export const CiterRequestSchema = z.intersection(
  z.object({ id: z.number().int() }),
  CiterCallSchema,
);

/** A call to the worker. */
export type CiterCall = z.infer<typeof CiterCallSchema>;
/** A call with its id. */
export type CiterRequest = z.infer<typeof CiterRequestSchema>;

/** Text and HTML of one formatted string. */
export const FormattedSchema = z.object({ text: z.string(), html: z.string() });

/** A bibliography entry or its explained absence. */
export const BibliographyEntrySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('entry'), source: z.string(), text: z.string(), html: z.string() }),
  z.object({ kind: z.literal('absent'), source: z.string(), reason: z.string() }),
]);

/** A Cite panel's content. */
export const PassageCitationSchema = z.object({
  style: StyleIdSchema,
  source: z.string(),
  locator: CiteLocatorSchema.optional(),
  citation: FormattedSchema,
  subsequentNote: FormattedSchema.optional(),
  bibliography: BibliographyEntrySchema,
  quoted: FormattedSchema.optional(),
});

/** A file to download. */
export const ExportedFileSchema = z.object({
  name: z.string(),
  mime: z.string(),
  text: z.string(),
});

/** The value a reply carries, per call. */
export const REPLY_VALUE = {
  warm: z.null(),
  cite: PassageCitationSchema,
  citeMany: z.array(z.string()),
  bibliography: z.array(BibliographyEntrySchema),
  export: ExportedFileSchema,
  sources: z.null(),
} as const;

/** A reply: the request's id and either its value or a one-line error. */
export const CiterReplySchema = z.union([
  z.object({ id: z.number().int(), ok: z.literal(true), value: z.unknown() }),
  z.object({ id: z.number().int(), ok: z.literal(false), error: z.string() }),
]);

/** A reply. */
export type CiterReply = z.infer<typeof CiterReplySchema>;

/** What a call resolves to. */
export type CiterValue<C extends CiterCall> = z.infer<(typeof REPLY_VALUE)[C['op']]>;
