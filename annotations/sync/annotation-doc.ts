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
 * - `diptych:device` names the browser profile that wrote this revision
 *   (`urn:diptych:device:<uuid>`, one per profile: `replica/device-id.ts`),
 *   so that when an annotation was edited on two devices each version can
 *   say where it was made ("Made on this device", "Made on another
 *   device"). Optional: documents written before it, or by another client,
 *   lack it, and a version without one says so. It names a profile, not a
 *   person or a machine: a random id, nothing read from the device.
 *
 * What it is for: writing a document and reading its author. Not for:
 * validating a document that came from a server — the client runs it
 * through the importer (`importAnnotations`), the same check as a file.
 */
import { z } from 'zod';
import type { Annotation } from '../model/annotation.ts';
import { exportW3cAnnotation, type JsonObject } from '../io/w3c-export.ts';

/** The prefix of an author's IRI. */
export const AUTHOR_IRI_PREFIX = 'urn:diptych:user:';

/** The prefix of a device's IRI. */
export const DEVICE_IRI_PREFIX = 'urn:diptych:device:';

/** The document field naming the device that wrote a revision. */
export const DEVICE_FIELD = 'diptych:device';

/**
 * A device's IRI: the prefix and a UUID (lower-case hex). What a document
 * from a server must match before the reader is told anything about it.
 */
export const DeviceIriSchema = z
  .string()
  .regex(/^urn:diptych:device:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

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
  /** The device (browser profile) that wrote this revision, when known (see the module comment). */
  readonly 'diptych:device'?: string;
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
 * The document for `annotation` written by `author` (a CouchDB user name)
 * on `device` (a device IRI, `DeviceIriSchema`; left out when not given).
 * Without `_rev`: the caller adds the revision it is updating. Throws if the
 * annotation is invalid (as `exportW3cAnnotation` does) or `device` is not a
 * device IRI.
 */
export function toAnnotationDoc(
  annotation: Annotation,
  author: string,
  device?: string,
): AnnotationDoc {
  return {
    _id: annotation.id,
    ...exportW3cAnnotation(annotation),
    creator: { ...creatorOf(author) },
    ...(device === undefined ? {} : { [DEVICE_FIELD]: DeviceIriSchema.parse(device) }),
  } as unknown as AnnotationDoc;
}

/** The device that wrote `doc`, or `null` when it names none or something that is not a device IRI. */
export function deviceOfDoc(doc: Readonly<Record<string, unknown>>): string | null {
  const parsed = DeviceIriSchema.safeParse(doc[DEVICE_FIELD]);
  return parsed.success ? parsed.data : null;
}

/**
 * `doc`'s W3C JSON-LD without the device that wrote it: what two writes of
 * the same annotation share (a document is not written again only because
 * another device wrote the same content).
 */
export function contentOfDoc(doc: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { [DEVICE_FIELD]: _device, ...content } = w3cOfDoc(doc);
  return content;
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
