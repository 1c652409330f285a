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
import { PinpointModeSchema, SectionPlaceSchema } from '../../sources/citation/pinpoint.ts';
import { RecordOverridesSchema } from '../../sources/citation/record-overrides.ts';
import { CustomStyleSchema } from '../../sources/citation/custom-style.ts';
import { StyleIdSchema } from '../../sources/citation/style-id-schema.ts';

/** A built-in style id, or a style the reader loaded (its XML travels with the call). */
export const StyleRefSchema = z.union([StyleIdSchema, CustomStyleSchema]);

/** The reader's record overrides, sent with every call that formats or exports records. */
const overrides = RecordOverridesSchema.optional();

/** One passage to cite (see `PassageRequest` in `sources/citation/cite-passage.ts`). */
export const PassageRequestSchema = z.object({
  address: z.string(),
  locator: CiteLocatorSchema.optional(),
  section: SectionPlaceSchema.optional(),
  quote: z.string().optional(),
  link: z.string().optional(),
  also: z
    .array(
      z.object({
        address: z.string(),
        locator: CiteLocatorSchema.optional(),
        section: SectionPlaceSchema.optional(),
      }),
    )
    .max(49)
    .optional(),
  prefix: z.string().max(200).optional(),
  suffix: z.string().max(200).optional(),
  narrative: z.boolean().optional(),
  pinpoint: PinpointModeSchema.optional(),
});

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
  /** Values not stated by the text (its title, when the text gives none; a guessed split of a name), with why. */
  inferred: z
    .array(
      z.object({ field: z.enum(['title', 'author']), evidence: z.string().min(1).max(20_000) }),
    )
    .max(2)
    .optional(),
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
      'title-short': z.string().max(1000).optional(),
      editor: z.array(CslNameSchema).max(100).optional(),
      edition: z.string().max(100).optional(),
      volume: z.string().max(100).optional(),
      issue: z.string().max(100).optional(),
      page: z.string().max(100).optional(),
      number: z.string().max(100).optional(),
      DOI: z.string().max(1000).optional(),
      'publisher-place': z.string().max(1000).optional(),
      genre: z.string().max(1000).optional(),
      medium: z.string().max(1000).optional(),
    })
    .strict(),
});

/** What the app asks, without the id. */
export const CiterCallSchema = z.discriminatedUnion('op', [
  /** Build (and cache) a style's engine, so a later cite is instant. */
  z.object({ op: z.literal('warm'), style: StyleRefSchema }),
  /** Cite one passage, or several in one citation. */
  z.object({
    op: z.literal('cite'),
    style: StyleRefSchema,
    request: PassageRequestSchema,
    overrides,
  }),
  /** The plain-text citation (first note in a notes style), or the Pandoc form, of each passage, for the annotations digest. */
  z.object({
    op: z.literal('citeMany'),
    style: StyleRefSchema,
    requests: z.array(PassageRequestSchema).max(100_000),
    form: z.enum(['citation', 'pandoc']),
    overrides,
  }),
  /** Every source's bibliography entries: the built-in two and the reader's texts (`sources`). */
  z.object({ op: z.literal('bibliography'), style: StyleRefSchema, overrides }),
  /** A bibliography file. */
  z.object({ op: z.literal('export'), format: z.enum(EXPORT_FORMATS), overrides }),
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
  z.object({
    kind: z.literal('entry'),
    source: z.string(),
    text: z.string(),
    html: z.string(),
    missing: z.string().optional(),
  }),
  z.object({
    kind: z.literal('absent'),
    source: z.string(),
    reason: z.string(),
    missing: z.string().optional(),
  }),
]);

/** A Cite panel's content. */
export const PassageCitationSchema = z.object({
  style: z.string(),
  kind: z.enum(['in-text', 'note']),
  source: z.string(),
  locator: CiteLocatorSchema.optional(),
  items: z.array(z.object({ source: z.string(), locator: CiteLocatorSchema.optional() })),
  citation: FormattedSchema,
  subsequentNote: FormattedSchema.optional(),
  narrative: z
    .object({ author: FormattedSchema, rest: FormattedSchema, inText: FormattedSchema })
    .optional(),
  bibliography: BibliographyEntrySchema,
  entries: z.array(BibliographyEntrySchema),
  pandoc: z.string(),
  latex: z.string(),
  missing: z.array(z.string()),
  pinpointNote: z.string().optional(),
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
