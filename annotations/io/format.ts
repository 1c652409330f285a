/**
 * The names and numbers our exported W3C JSON-LD carries: the JSON-LD
 * context, our extension namespace, the source IRIs, the generator and the
 * format version. Shared by `w3c-export.ts` and `w3c-import.ts` so that what
 * we write and what we read cannot drift apart.
 *
 * Not for: parsing or validation (see the import and export modules).
 *
 * None of the IRIs here is a URL. We do not know where the texts live on the
 * web and never invent an address for them: a source is named by a URN,
 * `urn:diptych:source:<id>`, stable for as long as the id is.
 */
import type { SourceId } from '../../sources/edition.ts';

/** The W3C Web Annotation JSON-LD context (§3.1 requires it). */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/**
 * Our extension namespace. Extension properties are written as compact IRIs
 * (`diptych:address`) so they cannot collide with the W3C terms, as the
 * vocabulary's extension rules ask (Web Annotation Vocabulary §4,
 * https://www.w3.org/TR/annotation-vocab/#extensions; consumers MUST ignore
 * properties they do not know). The prefix is declared inline in our
 * `@context` rather than in a published context document: a URN, not a URL,
 * because we have nowhere to publish one and never invent an address.
 */
export const DIPTYCH_NAMESPACE = 'urn:diptych:vocab:';

/** The `@context` of every document we write: the W3C context, then our prefix. */
export const EXPORT_CONTEXT = [ANNO_CONTEXT, { diptych: DIPTYCH_NAMESPACE }] as const;

/**
 * The version of the exported format. Bump it when what we write changes in a
 * way an older Diptych could misread, and add a migration for the old one in
 * `migrations.ts`. Written as `diptych:formatVersion` on the collection.
 */
export const CURRENT_FORMAT_VERSION = 1;

/** The tool named in `generator` (W3C §3.3.1). */
export const GENERATOR_NAME = 'Diptych';

/** The prefix of every source IRI (`urn:diptych:source:<id>`). */
export const SOURCE_IRI_PREFIX = 'urn:diptych:source:';

/** The stable IRI of a source, used as a SpecificResource's `source`. Not a URL. */
export function sourceIri(id: SourceId): string {
  return `${SOURCE_IRI_PREFIX}${id}`;
}

/** The source id named by one of our source IRIs, or `null` if it is not one. */
export function sourceIdFromIri(iri: string): string | null {
  return iri.startsWith(SOURCE_IRI_PREFIX) ? iri.slice(SOURCE_IRI_PREFIX.length) : null;
}

/**
 * The id we give an annotation imported from Hypothesis, which uses short
 * ids that are not IRIs (W3C §3.1 requires one). Deterministic, so a second
 * import of the same file finds the duplicates.
 */
export function hypothesisAnnotationIri(hypothesisId: string): string {
  return `urn:diptych:hypothesis:${encodeURIComponent(hypothesisId)}`;
}
