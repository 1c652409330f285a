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
 * - The one other kind of document is a reader's record override
 *   (`record-doc.ts`, type `diptych:RecordOverride`, `_id`
 *   `diptych:record:<source id>`), allowed only in a private layer
 *   (`userCtx.db` is `userdb-…`; CouchDB and express-pouchdb both set it) and
 *   only well formed: its source IRI matching its id, a non-empty `fields`
 *   of known field names with string values (dates as `YYYY[-MM[-DD]]`, the
 *   URL http(s)), a `modified` time, the writer as creator. The client checks
 *   the values fully (real dates, names) with the store's zod schema; the
 *   server keeps out what no Diptych could have written.
 *
 * Who may read or write the database at all is `_security`'s job (members),
 * not this function's. Only a server admin may write design documents on
 * `diptych serve` (its access guard), because their code runs in the server.
 *
 * The function is kept as source text (ES5, no closures over module state)
 * because CouchDB stores and evaluates it as a string; a test evaluates it.
 */

import { EDITABLE_FIELDS, MAX_FIELD_CHARS } from '../../sources/citation/record-overrides.ts';
import { SOURCE_IRI_PREFIX } from '../io/format.ts';
import { PRIVATE_DATABASE_PREFIX } from './database-names.ts';
import { RECORD_DOC_PREFIX, RECORD_DOC_TYPE } from './record-doc.ts';

/** The design document's id. */
export const DESIGN_DOC_ID = '_design/diptych';

/** Bumped when the rules change, so the CLI knows to update a database's copy (2: record overrides). */
export const DESIGN_DOC_VERSION = 2;

/** The `validate_doc_update` source (see the module comment for its rules). */
export const VALIDATE_DOC_UPDATE = `function (newDoc, oldDoc, userCtx, secObj) {
  var RECORD_FIELDS = ${JSON.stringify(EDITABLE_FIELDS)};
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
  if (newDoc.type === '${RECORD_DOC_TYPE}' || String(newDoc._id).indexOf('${RECORD_DOC_PREFIX}') === 0) {
    checkRecordOverride(newDoc);
    return;
  }
  if (newDoc.type !== 'Annotation') {
    throw({ forbidden: 'A document in a layer must be a W3C Annotation (type "Annotation").' });
  }
  if (newDoc.id !== newDoc._id) {
    throw({ forbidden: 'An annotation document must have its id as its _id.' });
  }
  if (authorOf(newDoc) !== me) {
    throw({ forbidden: 'An annotation you write must name you as its creator (' + me + ').' });
  }
  function refuse(why) {
    throw({ forbidden: 'A record edit ' + why + '.' });
  }
  function checkRecordOverride(doc) {
    if (String(userCtx.db || '').indexOf('${PRIVATE_DATABASE_PREFIX}') !== 0) {
      refuse('belongs to its reader’s private layer, never to a group');
    }
    if (doc.type !== '${RECORD_DOC_TYPE}') refuse('must have type "${RECORD_DOC_TYPE}"');
    var source = typeof doc._id === 'string' ? doc._id.slice(${RECORD_DOC_PREFIX.length}) : '';
    if (doc._id.indexOf('${RECORD_DOC_PREFIX}') !== 0 || !/^[a-z0-9][a-z0-9-]{0,199}$/.test(source)) {
      refuse('must have the id ${RECORD_DOC_PREFIX}<source id>');
    }
    if (doc.source !== '${SOURCE_IRI_PREFIX}' + source) {
      refuse('must name the source of its id (${SOURCE_IRI_PREFIX}' + source + ')');
    }
    if (authorOf(doc) !== me) refuse('must name you as its creator (' + me + ')');
    if (typeof doc.modified !== 'string' || !/^\\d{4}-\\d{2}-\\d{2}T/.test(doc.modified)) {
      refuse('must say when it was made (modified, an ISO 8601 time)');
    }
    var fields = doc.fields;
    if (!fields || typeof fields !== 'object' || Object.prototype.toString.call(fields) !== '[object Object]') {
      refuse('must have its fields as an object');
    }
    var names = Object.keys(fields);
    if (names.length === 0) refuse('must change at least one field (a revert deletes the document)');
    for (var i = 0; i < names.length; i++) {
      var name = names[i];
      if (RECORD_FIELDS.indexOf(name) === -1) {
        refuse('has an unknown field ' + name + ' (valid: ' + RECORD_FIELDS.join(', ') + ')');
      }
      // Trimmed, as the client's own check reads a value.
      var value = typeof fields[name] === 'string' ? fields[name].replace(/^\\s+|\\s+$/g, '') : '';
      if (value === '' || value.length > ${MAX_FIELD_CHARS}) {
        refuse('field ' + name + ' must be a string of 1 to ${MAX_FIELD_CHARS} characters');
      }
      if (/[\\u0000-\\u001f\\u007f]/.test(value)) refuse('field ' + name + ' contains control characters');
      if ((name === 'issued' || name === 'accessed') && !/^\\d{4}(-\\d{2}(-\\d{2})?)?$/.test(value)) {
        refuse('field ' + name + ' must be a date as YYYY, YYYY-MM or YYYY-MM-DD');
      }
      if (name === 'URL' && !/^https?:/i.test(value)) refuse('field URL must be an http(s) address');
    }
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
