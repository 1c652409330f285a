/**
 * W3C export: annotations → a Web Annotation `AnnotationCollection` in
 * JSON-LD (https://www.w3.org/TR/annotation-model/, collections:
 * https://www.w3.org/TR/annotation-model/#collections). Every annotation
 * written here passes the W3C MUST suite (`tests/annotations/io/`).
 *
 * What it is for: "what we write" — one strict, current format
 * (`CURRENT_FORMAT_VERSION`), which `importAnnotations` reads back to an
 * identical list. Not for: reading other tools' files (`w3c-import.ts`) or
 * the Markdown digest (`markdown-digest.ts`).
 *
 * The mapping, per annotation:
 * - `id`, `type: "Annotation"`, `motivation`, `created`, `modified` (§3.1, §3.3).
 * - The note: a `TextualBody` (§3.2.4) with `purpose: "commenting"` and
 *   `format: "text/markdown"`. Each tag: a `TextualBody` with
 *   `purpose: "tagging"` (§3.3.5).
 * - The colour: `diptych:color` on the annotation. The W3C way is a Style
 *   (§4.4: a CSS stylesheet plus `styleClass` on the target). We do not use it
 *   because a colour name is data, not presentation: the app picks the shade
 *   per theme, and a CSS class in a file would bind readers to our stylesheet.
 * - Each target: a `SpecificResource` (§4) whose `source` is the source's URN
 *   (`format.ts`) and whose `selector` lists a `TextQuoteSelector` and a
 *   `TextPositionSelector` (§4.2.4, §4.2.5), which select the same span, as
 *   §4.2 requires of alternative selectors.
 * - The passage address: `diptych:address` on the SpecificResource, not a
 *   selector. The address names the whole paragraph (or range, or footnote)
 *   that holds the quote, a larger span than the quote; listing it as a
 *   FragmentSelector next to the other two would tell a W3C consumer that it
 *   selects the same text, and one that chose it would highlight a paragraph.
 * - A `linking` annotation (a claim comparison) has two targets, in order,
 *   and its link as bodies: the relation as `purpose: "classifying"`, the
 *   topic and each paraphrase as `purpose: "describing"`, the editor's note as
 *   `purpose: "commenting"`. `diptych:field` says which is which, and
 *   `diptych:target` which target a paraphrase belongs to (0 or 1);
 *   `diptych:curated` is on the annotation.
 * - Where an imported annotation came from: `diptych:origin`.
 */
import { AnnotationSchema, type Annotation } from '../model/annotation.ts';
import type { Target } from '../model/selectors.ts';
import type { SourceId } from '../../sources/edition.ts';
import { CURRENT_FORMAT_VERSION, EXPORT_CONTEXT, GENERATOR_NAME, sourceIri } from './format.ts';
import { firstIssue } from '../../sources/util/zod-issue.ts';
import type { RecordOverrides } from '../../sources/citation/record-overrides.ts';
import { RECORDS_PROPERTY, recordEditsJson } from './record-edits.ts';

/** A JSON value, as written. */
export type Json =
  string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };
/** A JSON object, as written. */
export type JsonObject = { readonly [key: string]: Json };

/** Options for `exportW3cCollection`. */
export interface ExportOptions {
  /** The collection's IRI. Default: a fresh `urn:uuid:`. Pass one for a reproducible file. */
  readonly id?: string;
  /** When the file was made (`generated`). Default: now. */
  readonly now?: string;
  /** Diptych's version, named in the generator. */
  readonly appVersion?: string;
  /** A label for the collection (§5.1). */
  readonly label?: string;
  /**
   * Titles of the reader's own texts the annotations name, written as
   * `diptych:sources` so that a browser lacking a text can say which one its
   * annotations wait for (built-in sources need none).
   */
  readonly sources?: readonly { readonly id: string; readonly title: string }[];
  /**
   * The reader's record edits (URL, date… over the built-in records), written
   * as `diptych:records` so that they travel with the annotations
   * (`record-edits.ts`).
   */
  readonly records?: RecordOverrides;
}

/** The W3C JSON-LD of one target. */
function targetToW3c(target: Target): JsonObject {
  const { quote, position, address } = target.selectors;
  return {
    type: 'SpecificResource',
    source: sourceIri(target.source),
    selector: [
      { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      { type: 'TextPositionSelector', start: position.start, end: position.end },
    ],
    'diptych:address': address,
  };
}

/** The bodies of one annotation, in a fixed order: note, tags, then the link's parts. */
function bodiesOf(a: Annotation): JsonObject[] {
  const bodies: JsonObject[] = [];
  if (a.note !== undefined) {
    bodies.push({
      type: 'TextualBody',
      purpose: 'commenting',
      format: 'text/markdown',
      value: a.note,
    });
  }
  for (const tag of a.tags) bodies.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  if (a.link !== undefined) {
    const { relation, topic, paraphrases, note } = a.link;
    bodies.push({
      type: 'TextualBody',
      purpose: 'classifying',
      value: relation,
      'diptych:field': 'relation',
    });
    bodies.push({
      type: 'TextualBody',
      purpose: 'describing',
      value: topic,
      'diptych:field': 'topic',
    });
    paraphrases.forEach((value, i) => {
      if (value === null) return;
      bodies.push({
        type: 'TextualBody',
        purpose: 'describing',
        value,
        'diptych:field': 'paraphrase',
        'diptych:target': i,
      });
    });
    if (note !== undefined) {
      bodies.push({
        type: 'TextualBody',
        purpose: 'commenting',
        format: 'text/markdown',
        value: note,
        'diptych:field': 'linkNote',
      });
    }
  }
  return bodies;
}

/**
 * One annotation as a W3C Annotation object, without `@context` (it inherits
 * the collection's). Validates the annotation first and throws an error
 * naming it if it is not valid: we never write what we could not read back.
 */
export function toW3cAnnotation(annotation: Annotation): JsonObject {
  const checked = AnnotationSchema.safeParse(annotation);
  if (!checked.success) {
    throw new Error(
      `Cannot export annotation ${String((annotation as { id?: unknown }).id)}: ${firstIssue(checked.error)}`,
    );
  }
  const a = checked.data;
  const bodies = bodiesOf(a);
  const out: Record<string, Json> = {
    id: a.id,
    type: 'Annotation',
    motivation: a.motivation,
    created: a.created,
    modified: a.modified,
  };
  if (bodies.length > 0) out['body'] = bodies;
  out['target'] = a.targets.length === 1 ? targetToW3c(a.targets[0]!) : a.targets.map(targetToW3c);
  if (a.color !== undefined) out['diptych:color'] = a.color;
  if (a.link !== undefined) out['diptych:curated'] = a.link.curated;
  if (a.origin !== undefined) out['diptych:origin'] = { ...a.origin };
  return out;
}

/** One annotation as a standalone W3C JSON-LD document (with its own `@context`). */
export function exportW3cAnnotation(annotation: Annotation): JsonObject {
  return { '@context': EXPORT_CONTEXT, ...toW3cAnnotation(annotation) };
}

function recordsProperty(records: RecordOverrides | undefined): JsonObject {
  const entries = records ? recordEditsJson(records) : undefined;
  return entries ? { [RECORDS_PROPERTY]: entries as unknown as Json } : {};
}

/**
 * The reader's annotations as one W3C `AnnotationCollection` with a single
 * embedded page, in the order given (the store's order). The envelope says
 * what the file is (`type`), which format version (`diptych:formatVersion`)
 * and which tool wrote it (`generator`). Throws if any annotation is invalid.
 */
export function exportW3cCollection(
  annotations: readonly Annotation[],
  options: ExportOptions = {},
): JsonObject {
  const id = options.id ?? `urn:uuid:${globalThis.crypto.randomUUID()}`;
  const generator: Record<string, Json> = { type: 'Software', name: GENERATOR_NAME };
  if (options.appVersion !== undefined) generator['diptych:version'] = options.appVersion;
  return {
    '@context': EXPORT_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: options.label ?? 'Diptych annotations',
    'diptych:formatVersion': CURRENT_FORMAT_VERSION,
    ...(options.sources?.length
      ? {
          'diptych:sources': options.sources.map((t) => ({
            id: sourceIri(t.id as SourceId),
            title: t.title,
          })),
        }
      : {}),
    ...recordsProperty(options.records),
    generator,
    generated: options.now ?? new Date().toISOString(),
    total: annotations.length,
    first: {
      id: `${id}#page1`,
      type: 'AnnotationPage',
      startIndex: 0,
      items: annotations.map(toW3cAnnotation),
    },
  };
}

/** `exportW3cCollection` as the text of a `.jsonld` file (two-space indented). */
export function serializeW3cCollection(
  annotations: readonly Annotation[],
  options: ExportOptions = {},
): string {
  return `${JSON.stringify(exportW3cCollection(annotations, options), null, 2)}\n`;
}
