/**
 * The public surface of `annotations/`: the model and its schema, import and
 * export. Re-exports only (each module documents itself).
 */
export * from './model/annotation.ts';
export * from './model/selectors.ts';
export { addressForRange } from './model/address-for-range.ts';
export {
  exportW3cAnnotation,
  exportW3cCollection,
  serializeW3cCollection,
  toW3cAnnotation,
  type ExportOptions,
} from './io/w3c-export.ts';
export {
  importAnnotations,
  importStatus,
  MAX_IMPORT_CHARS,
  MAX_IMPORT_ITEMS,
  type ImportContext,
  type ImportFormat,
  type ImportItemResult,
  type ImportOutcome,
} from './io/import-annotations.ts';
export type { Locate, LocatedQuote } from './io/resolve-target.ts';
export { CURRENT_FORMAT_VERSION, sourceIdFromIri, sourceIri } from './io/format.ts';
export { locateInEditions } from './io/locate-in-editions.ts';
export { escapeMarkdown, markdownDigest, type DigestOptions } from './io/markdown-digest.ts';
export {
  noteText,
  parseNoteMarkdown,
  safeLinkUrl,
  type NoteBlock,
  type NoteInline,
  type NoteListItem,
  type NoteNode,
} from './model/note-markdown.ts';
export * from './comparisons/index.ts';
