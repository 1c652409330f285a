/**
 * The gate every document from a server passes before it touches the
 * reader's annotations: the same reading and checks as an imported file
 * (`importAnnotations`, zod schemas included), plus what the sync contract
 * adds — the document's `_id` is the annotation's `id`, and it names a
 * creator. A document that fails is described in one sentence for the
 * Sync panel's list of rejected documents; it never throws.
 */
import type { Edition } from '../../sources/edition.ts';
import { importAnnotations } from '../io/import-annotations.ts';
import type { Annotation } from '../model/annotation.ts';
import { authorOfDoc, w3cOfDoc } from '../sync/annotation-doc.ts';

/** The largest document we read (an annotation is a few KB; a note at most 50,000 characters). */
export const MAX_DOC_CHARS = 1_000_000;

/** A document read: the annotation and who wrote it, or why it was rejected. */
export type IncomingDoc =
  | { readonly ok: true; readonly annotation: Annotation; readonly author: string }
  | { readonly ok: false; readonly reason: string };

/** What reading needs: the editions annotations may target, and which missing texts they may wait for. */
export interface IncomingContext {
  readonly editions: readonly Edition[];
  readonly waitFor?: (sourceId: string) => boolean;
}

/** Reads one stored document (see the module comment). */
export function readIncomingDoc(doc: Record<string, unknown>, ctx: IncomingContext): IncomingDoc {
  let text: string;
  try {
    text = JSON.stringify(w3cOfDoc(doc));
  } catch {
    return { ok: false, reason: 'it cannot be read as JSON' };
  }
  if (text.length > MAX_DOC_CHARS)
    return {
      ok: false,
      reason: `it is ${(text.length / 1_000_000).toFixed(1)} MB; an annotation is at most ${MAX_DOC_CHARS / 1_000_000} MB`,
    };
  const author = authorOfDoc(doc);
  if (author === null) return { ok: false, reason: 'it names no Diptych user as its creator' };
  const outcome = importAnnotations(text, {
    existing: [],
    editions: ctx.editions,
    ...(ctx.waitFor ? { waitFor: ctx.waitFor } : {}),
  });
  if (!outcome.ok || outcome.annotations.length !== 1) {
    const error = outcome.results.find((r) => r.status === 'error');
    const skipped = outcome.results.find((r) => r.status === 'skipped');
    const reason =
      error && error.status === 'error'
        ? error.message
        : skipped && skipped.status === 'skipped'
          ? skipped.reason
          : (outcome.fileError ?? outcome.summary);
    return { ok: false, reason: `it is not a valid annotation (${reason})` };
  }
  const annotation = outcome.annotations[0]!;
  if (annotation.id !== doc['_id'])
    return { ok: false, reason: 'its _id is not the annotation’s id' };
  return { ok: true, annotation, author };
}
