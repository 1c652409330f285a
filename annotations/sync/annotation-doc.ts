/**
 * The sync contract's document shape: one CouchDB document per annotation,
 * and that document is the annotation's W3C JSON-LD (`exportW3cAnnotation`)
 * plus CouchDB's own `_id` and `_rev`, so any CouchDB client reads a standard
 * format (issue 13).
 *
 * - `_id` is the annotation's `id` (an absolute URI such as `urn:uuid:…`),
 *   so the same annotation has the same document id in every layer and a
 *   replica never needs a lookup table.
 * - `creator` (W3C §3.3.1 Agents) names the author:
 *   `{ "id": "urn:diptych:user:<percent-encoded name>", "type": "Person",
 *   "nickname": "<name>" }`. The server's design document (`design-doc.ts`)
 *   lets only that user change or delete it. A URN, not a URL: we have no
 *   profile pages and never invent an address.
 *
 * What it is for: writing a document and reading its author. Not for:
 * validating a document that came from a server — the client runs it
 * through the importer (`importAnnotations`), the same check as a file.
 */
import type { Annotation } from '../model/annotation.ts';
import { exportW3cAnnotation, type JsonObject } from '../io/w3c-export.ts';

/** The prefix of an author's IRI. */
export const AUTHOR_IRI_PREFIX = 'urn:diptych:user:';

/** The W3C `creator` of an annotation document. */
export interface AnnotationDocCreator {
  /** `urn:diptych:user:<percent-encoded user name>`: what the server checks. */
  readonly id: string;
  /** W3C agent class. */
  readonly type: 'Person';
  /** The CouchDB user name, for display. */
  readonly nickname: string;
}

/** One annotation as stored in a layer's database. */
export type AnnotationDoc = JsonObject & {
  /** CouchDB's document id: the annotation's `id`. */
  readonly _id: string;
  /** CouchDB's revision, present on documents read from a database. */
  readonly _rev?: string;
  /** The annotation's IRI (W3C §3.1), equal to `_id`. */
  readonly id: string;
  /** Always `Annotation`. */
  readonly type: 'Annotation';
  /** Who made it; only they may change it in a group. */
  readonly creator: AnnotationDocCreator;
};

/** The IRI naming CouchDB user `name` as an author. */
export function authorIri(name: string): string {
  return `${AUTHOR_IRI_PREFIX}${encodeURIComponent(name)}`;
}

/** The W3C `creator` for CouchDB user `name`. */
export function creatorOf(name: string): AnnotationDocCreator {
  return { id: authorIri(name), type: 'Person', nickname: name };
}

/**
 * The document for `annotation` written by `author` (a CouchDB user name).
 * Without `_rev`: the caller adds the revision it is updating. Throws if the
 * annotation is invalid (as `exportW3cAnnotation` does).
 */
export function toAnnotationDoc(annotation: Annotation, author: string): AnnotationDoc {
  return {
    _id: annotation.id,
    ...exportW3cAnnotation(annotation),
    creator: { ...creatorOf(author) },
  } as unknown as AnnotationDoc;
}

/** A stored document without CouchDB's underscore fields: the W3C JSON-LD alone. */
export function w3cOfDoc(doc: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) if (!key.startsWith('_')) out[key] = value;
  return out;
}

/** The CouchDB user who wrote `doc`, or `null` when its `creator` is not one of ours. */
export function authorOfDoc(doc: Readonly<Record<string, unknown>>): string | null {
  const creator = doc['creator'];
  if (typeof creator !== 'object' || creator === null) return null;
  const id = (creator as Record<string, unknown>)['id'];
  if (typeof id !== 'string' || !id.startsWith(AUTHOR_IRI_PREFIX)) return null;
  try {
    return decodeURIComponent(id.slice(AUTHOR_IRI_PREFIX.length));
  } catch {
    return null;
  }
}
