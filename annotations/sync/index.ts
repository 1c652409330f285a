/**
 * The sync contract shared by the server, the CLI and the browser client:
 * database names, the document shape and the design document with the
 * write rules. docs/sync.md describes it in full. Re-exports only.
 */
export {
  GROUP_DATABASE_PREFIX,
  GROUP_NAME_PATTERN,
  MAX_USER_NAME_LENGTH,
  PRIVATE_DATABASE_PREFIX,
  groupDatabaseName,
  groupOfDatabase,
  isGroupName,
  privateDatabaseName,
  userNameProblem,
  userOfPrivateDatabase,
} from './database-names.ts';
export {
  AUTHOR_IRI_PREFIX,
  authorIri,
  authorOfDoc,
  contentOfDoc,
  creatorOf,
  DEVICE_FIELD,
  DEVICE_IRI_PREFIX,
  DeviceIriSchema,
  deviceOfDoc,
  toAnnotationDoc,
  w3cOfDoc,
  type AnnotationDoc,
  type AnnotationDocCreator,
} from './annotation-doc.ts';
export {
  DESIGN_DOC_ID,
  DESIGN_DOC_VERSION,
  DIPTYCH_DESIGN_DOC,
  VALIDATE_DOC_UPDATE,
  type DiptychDesignDoc,
} from './design-doc.ts';
export {
  MAX_RECORD_DOC_CHARS,
  RECORD_DOC_PREFIX,
  RECORD_DOC_TYPE,
  readRecordOverrideDoc,
  recordDocId,
  sourceOfRecordDocId,
  toRecordOverrideDoc,
  type IncomingRecordDoc,
  type RecordOverrideDoc,
} from './record-doc.ts';
export { GROUPS_FIELD, groupSecurity, type SecurityObject } from './group-security.ts';
