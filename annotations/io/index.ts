/**
 * Import and export's public surface: the W3C export, the importer (W3C and
 * Hypothesis), the Markdown digest, and the names the files use.
 * Re-exports only.
 */
export {
  exportW3cAnnotation,
  exportW3cCollection,
  serializeW3cCollection,
  toW3cAnnotation,
  type ExportOptions,
} from './w3c-export.ts';
export {
  importAnnotations,
  importFileSizeCheck,
  importStatus,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_CHARS,
  MAX_IMPORT_ITEMS,
  type ImportContext,
  type ImportFormat,
  type ImportItemResult,
  type ImportOutcome,
} from './import-annotations.ts';
export type { Locate, LocatedQuote } from './resolve-target.ts';
export { locateInEditions } from './locate-in-editions.ts';
export { escapeMarkdown, markdownDigest, type DigestOptions } from './markdown-digest.ts';
export { CURRENT_FORMAT_VERSION, sourceIdFromIri, sourceIri } from './format.ts';
