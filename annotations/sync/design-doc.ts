/**
 * The design document every layer database carries, `_design/diptych`. Its
 * `validate_doc_update` is CouchDB's own way to check a write, and it runs
 * on Apache CouchDB 3 exactly as on `diptych serve` (which runs it in
 * process; see server/validation.ts). The rules:
 *
 * - A server admin (`_admin` role) may write anything: the CLI and tests.
 * - Otherwise the writer must be signed in, and a document must be a W3C
 *   Annotation whose `id` equals its `_id` and whose `creator.id` is the
 *   writer (`urn:diptych:user:<name>`, see annotation-doc.ts).
 * - A document that exists (and is not deleted) may be changed or deleted
 *   only by its creator. So in a group a member edits and deletes only
 *   their own annotations; others' they can copy into their own layer.
 *
 * Who may read or write the database at all is `_security`'s job (members),
 * not this function's. Only a server admin may write design documents on
 * `diptych serve` (its access guard), because their code runs in the server.
 *
 * The function is kept as source text (ES5, no closures over module state)
 * because CouchDB stores and evaluates it as a string; a test evaluates it.
 */

/** The design document's id. */
export const DESIGN_DOC_ID = '_design/diptych';

/** Bumped when the rules change, so the CLI knows to update a database's copy. */
export const DESIGN_DOC_VERSION = 1;

/** The `validate_doc_update` source (see the module comment for its rules). */
export const VALIDATE_DOC_UPDATE = `function (newDoc, oldDoc, userCtx, secObj) {
  var PREFIX = 'urn:diptych:user:';
  var roles = userCtx.roles || [];
  if (roles.indexOf('_admin') !== -1) return;
  if (!userCtx.name) throw({ unauthorized: 'Sign in to write to this layer.' });
  var me = PREFIX + encodeURIComponent(userCtx.name);
  function authorOf(doc) {
    return doc && doc.creator && typeof doc.creator === 'object' ? doc.creator.id : undefined;
  }
  if (oldDoc && !oldDoc._deleted && authorOf(oldDoc) !== me) {
    throw({ forbidden: 'Only its author can change or delete this annotation.' });
  }
  if (newDoc._deleted) return;
  if (newDoc.type !== 'Annotation') {
    throw({ forbidden: 'A document in a layer must be a W3C Annotation (type "Annotation").' });
  }
  if (newDoc.id !== newDoc._id) {
    throw({ forbidden: 'An annotation document must have its id as its _id.' });
  }
  if (authorOf(newDoc) !== me) {
    throw({ forbidden: 'An annotation you write must name you as its creator (' + me + ').' });
  }
}`;

/** The design document as stored (without `_rev`). */
export interface DiptychDesignDoc {
  readonly _id: typeof DESIGN_DOC_ID;
  readonly validate_doc_update: string;
  /** Which version of these rules the database has. */
  readonly diptych_version: number;
}

/** The design document to store in every layer database. */
export const DIPTYCH_DESIGN_DOC: DiptychDesignDoc = {
  _id: DESIGN_DOC_ID,
  validate_doc_update: VALIDATE_DOC_UPDATE,
  diptych_version: DESIGN_DOC_VERSION,
};
