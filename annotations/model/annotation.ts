/**
 * The one internal annotation type, declared once as a zod schema; the
 * TypeScript types are derived from it. Every boundary (storage, import,
 * export, the store) validates with `AnnotationSchema`.
 *
 * What it is for: the shape of a reader's highlight, note or tag, and of a
 * curated claim comparison (a `linking` annotation with exactly two targets),
 * and the rules that make one valid. What it is not for: anchoring
 * (`annotations/anchoring/`), persistence (`annotations/storage/`), the W3C
 * JSON-LD form (`annotations/io/`), or rendering notes (see
 * `annotations/model/note-markdown.ts`: notes are plain text, never HTML).
 *
 * Shape after Zotero's `src/common/types.ts`: `Annotation` is what is stored;
 * `NewAnnotation` is what a caller supplies before the store fills in `id`,
 * `created` and `modified`.
 *
 * Refinements live in one function (`checkAnnotation`) applied to both
 * schemas, rather than on the object, so that the object shape can still be
 * picked and omitted (zod refuses `.omit()` on a refined object).
 */
import { z } from 'zod';
import { TargetSchema } from './selectors.ts';

/** An annotation's id: an absolute URI, e.g. `urn:uuid:…` for ours. Branded so it is never mixed up with other strings. */
export type AnnotationId = string & { readonly __brand: 'AnnotationId' };

/**
 * An absolute URI (RFC 3986): a scheme, a colon, then only URI characters
 * (unreserved, sub-delims, `:@/?`, percent-escapes), at most one `#`, and no
 * `?` straight after the colon. W3C §3.1 wants an IRI, and the W3C suite
 * checks it as JSON Schema's `format: uri`; this is the subset both accept
 * (a test compares it with that check). Hierarchical URIs (`scheme://…`) must
 * also parse as a URL. Import maps a foreign IRI with other characters to its
 * URI (RFC 3987 §3.1, percent-encoding), so every id we write conforms.
 */
const URI_CHAR = "(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})";
const URI_RE = new RegExp(`^[a-zA-Z][a-zA-Z0-9+.-]*:(?!\\?)${URI_CHAR}+(?:#${URI_CHAR}*)?$`);

/**
 * The schemes an id may have: a URN (ours are `urn:uuid:…`, Hypothesis's
 * become `urn:diptych:hypothesis:…`) or an http(s) IRI (another tool's
 * published annotation). Anything else — `javascript:`, `data:`, `file:` —
 * is refused (issue 12, item 6): an id is shown and may be followed as a
 * link by other tools, so it must never be something a browser would run.
 */
const ID_SCHEME_RE = /^(?:urn:[a-z0-9][a-z0-9-]{0,31}:|https?:\/\/)/i;

/** True when `value` is an absolute URI we accept as an annotation id. */
function isAnnotationIdString(value: string): boolean {
  if (value.length > MAX_ID_LENGTH || !URI_RE.test(value) || !ID_SCHEME_RE.test(value))
    return false;
  if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(value)) return true;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/** The longest id we accept (imported ids included). */
export const MAX_ID_LENGTH = 2048;

/** An annotation id: an absolute URI (see `isAnnotationIdString`). */
export const AnnotationIdSchema = z.custom<AnnotationId>(
  (value) => typeof value === 'string' && isAnnotationIdString(value),
  { message: 'must be a URN such as "urn:uuid:…" or an http(s) IRI' },
);

/**
 * Why the annotation exists, as a W3C motivation (§3.3.5,
 * https://www.w3.org/TR/annotation-model/#motivation-and-purpose). The
 * subset a reader needs: `highlighting` (colour only), `commenting` (has a
 * note), `tagging` (tags only) and `linking` (a claim comparison: two targets).
 */
export const MOTIVATIONS = ['highlighting', 'commenting', 'tagging', 'linking'] as const;
/** An annotation's motivation. */
export const MotivationSchema = z.enum(MOTIVATIONS);
/** An annotation's motivation. */
export type Motivation = z.infer<typeof MotivationSchema>;

/** The highlight palette: few enough to tell apart, named rather than hex so the app picks accessible shades per theme. */
export const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
/** A highlight colour. */
export const ColorSchema = z.enum(COLORS);
/** A highlight colour. */
export type Color = z.infer<typeof ColorSchema>;

/** The longest note we keep. */
export const MAX_NOTE_LENGTH = 50_000;
/** The longest tag. */
export const MAX_TAG_LENGTH = 100;
/** The most tags one annotation may carry. */
export const MAX_TAGS = 100;

/** A tag: trimmed, non-empty, on one line. */
export const TagSchema = z.lazy(() =>
  z
    .string()
    .min(1, 'a tag must not be empty')
    .max(MAX_TAG_LENGTH)
    .refine((t) => t.trim() === t, { message: 'a tag must not start or end with white space' })
    .refine((t) => !/[\r\n]/.test(t), { message: 'a tag must be on one line' }),
);

/** How two claims relate, in a curated or user comparison. */
export const RELATIONS = ['agrees', 'contradicts', 'qualifies', 'complements'] as const;
/** How two claims relate. */
export const RelationSchema = z.enum(RELATIONS);
/** How two claims relate. */
export type Relation = z.infer<typeof RelationSchema>;

/** What a `linking` annotation says about its two targets. */
export const LinkSchema = z.lazy(() =>
  z
    .object({
      /** How the first target's claim relates to the second's. */
      relation: RelationSchema,
      /** The shared topic, a short phrase shown as the comparison's title. */
      topic: z.string().min(1).max(300),
      /**
       * One neutral paraphrase per target, in target order: what each text claims; `null` where
       * nobody wrote one (a reader's Link passages leaves them blank unless the reader fills them).
       */
      paraphrases: z
        .tuple([z.string().min(1).max(2000).nullable(), z.string().min(1).max(2000).nullable()])
        .readonly(),
      /** The editor's explanation of the relation, light Markdown. */
      note: z.string().min(1).max(MAX_NOTE_LENGTH).optional(),
      /** True for the comparisons shipped with Diptych; false for a reader's own. */
      curated: z.boolean(),
    })
    .strict()
    .readonly(),
);
/** What a `linking` annotation says about its two targets. */
export type Link = z.infer<typeof LinkSchema>;

/** Where an imported annotation came from, kept so a reader can trace it and so re-import finds duplicates. */
export const OriginSchema = z.lazy(() =>
  z
    .object({
      /** The format it was read from. */
      format: z.enum(['w3c', 'hypothesis']),
      /** The producing tool, as the file named it (a W3C `generator` id or name), if it did. */
      generator: z.string().min(1).max(MAX_ID_LENGTH).optional(),
      /** The id the annotation had in that tool, when we had to give it a new one. */
      id: z.string().min(1).max(MAX_ID_LENGTH).optional(),
      /** The document the tool said it annotated (`uri` or `target.source`), when that was not our own source IRI. */
      document: z.string().min(1).max(MAX_ID_LENGTH).optional(),
    })
    .strict()
    .readonly(),
);
/** Where an imported annotation came from. */
export type Origin = z.infer<typeof OriginSchema>;

/** An ISO 8601 UTC timestamp as `Date.prototype.toISOString` writes it (W3C §3.3.1 wants xsd:dateTime with a timezone). */
export const TimestampSchema = z.iso.datetime({
  message: 'must be an ISO 8601 UTC timestamp like 2026-01-31T12:00:00.000Z',
});

/** The fields a caller supplies; the store adds `id`, `created`, `modified`. (A function: see `AnnotationSchema`.) */
const contentShape = () => ({
  /** Why the annotation exists; `linking` iff it is a comparison with two targets. */
  motivation: MotivationSchema,
  /** Highlight colour; absent means the app's default. */
  color: ColorSchema.optional(),
  /** The reader's note: plain text with light Markdown, rendered only through `parseNoteMarkdown`. */
  note: z
    .string()
    .max(MAX_NOTE_LENGTH)
    .refine((n) => n.trim() !== '', { message: 'an empty or blank note is written as no note' })
    .optional(),
  /** Tags, in the order the reader added them, no duplicates. */
  tags: z.array(TagSchema).max(MAX_TAGS).readonly(),
  /** Where it is: one target, or exactly two for `linking`. */
  targets: z.array(TargetSchema).min(1).max(2).readonly(),
  /** For `linking` only: what the comparison says. */
  link: LinkSchema.optional(),
  /** For imported annotations: where they came from. */
  origin: OriginSchema.optional(),
});

const recordShape = {
  /** Stable identity across storage, export and import; duplicates are found by it. */
  id: AnnotationIdSchema,
  /** When it was made (UTC). */
  created: TimestampSchema,
  /** When it last changed (UTC); never before `created`. */
  modified: TimestampSchema,
};

type Content = z.infer<z.ZodObject<ReturnType<typeof contentShape>>>;

/** The cross-field rules, shared by `AnnotationSchema` and `NewAnnotationSchema`. */
function checkAnnotation(
  a: Content & { created?: string; modified?: string },
  ctx: z.RefinementCtx,
): void {
  const linking = a.motivation === 'linking';
  if (linking && a.targets.length !== 2) {
    ctx.addIssue({
      code: 'custom',
      path: ['targets'],
      message: 'a linking annotation has exactly two targets',
    });
  }
  if (!linking && a.targets.length !== 1) {
    ctx.addIssue({
      code: 'custom',
      path: ['targets'],
      message: `a ${a.motivation} annotation has exactly one target`,
    });
  }
  if (linking && a.link === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['link'],
      message: 'a linking annotation needs a link (relation, topic, paraphrases)',
    });
  }
  if (!linking && a.link !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['link'],
      message: `a ${a.motivation} annotation has no link`,
    });
  }
  const seen = new Set<string>();
  a.tags.forEach((tag, i) => {
    if (seen.has(tag))
      ctx.addIssue({ code: 'custom', path: ['tags', i], message: `duplicate tag "${tag}"` });
    seen.add(tag);
  });
  if (
    a.created !== undefined &&
    a.modified !== undefined &&
    Date.parse(a.modified) < Date.parse(a.created)
  ) {
    ctx.addIssue({ code: 'custom', path: ['modified'], message: 'modified is before created' });
  }
}

/**
 * The internal annotation, as stored and as the app sees it. Strict: unknown
 * fields are errors, so a typo never silently drops data.
 *
 * Built on first use (`z.lazy`, as are the composite schemas it is made of,
 * here and in `selectors.ts`): zod builds a schema object for every step of
 * a chain (`.min`, `.strict`, `.readonly`, `.refine`…), and building this
 * module's at load was about 15 ms of the annotation runtime's start, on the
 * way to the reader's 10,000 stored annotations (issue 15) — whose trusted
 * load (`annotations/storage/stored-digest.ts`) checks the envelope but no
 * record. The first check of a record builds them; what they accept and the
 * issues they report are the same (`z.lazy` only defers the building).
 */
export const AnnotationSchema = z.lazy(() =>
  z
    .object({ ...recordShape, ...contentShape() })
    .strict()
    .readonly()
    .superRefine(checkAnnotation),
);

/** What a caller supplies to create an annotation (Zotero's `NewAnnotation`). `tags` may be omitted. */
export const NewAnnotationSchema = z.lazy(() => {
  const content = contentShape();
  return z
    .object({ ...content, tags: content.tags.default([]) })
    .strict()
    .readonly()
    .superRefine(checkAnnotation);
});

/** An annotation. */
export type Annotation = z.infer<typeof AnnotationSchema>;
/** What a caller supplies before the store fills in `id`, `created` and `modified`. */
export type NewAnnotation = z.input<typeof NewAnnotationSchema>;

/** A fresh random annotation id (`urn:uuid:` + a version 4 UUID; W3C §3.1 wants an IRI). */
export function newAnnotationId(): AnnotationId {
  return `urn:uuid:${globalThis.crypto.randomUUID()}` as AnnotationId;
}

/**
 * Completes and validates a `NewAnnotation`. Pure: the id and the time are
 * passed in (the store supplies `newAnnotationId()` and the clock).
 * Throws a `z.ZodError` naming each bad field when the input is invalid.
 */
export function completeAnnotation(
  input: NewAnnotation,
  id: AnnotationId,
  now: string,
): Annotation {
  const content = NewAnnotationSchema.parse(input);
  return AnnotationSchema.parse({ ...content, id, created: now, modified: now });
}

/** The motivation that describes an annotation's content: `commenting` with a note, `tagging` with tags only, else `highlighting`. */
export function motivationFor(content: {
  readonly note?: string;
  readonly tags?: readonly string[];
}): Motivation {
  if (content.note !== undefined && content.note.trim() !== '') return 'commenting';
  if (content.tags !== undefined && content.tags.length > 0) return 'tagging';
  return 'highlighting';
}
