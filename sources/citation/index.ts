/**
 * The public surface of `sources/citation/`, for Node and the browser alike
 * (nothing here touches the file system or Vite). Node code adds
 * `nodeCslLoader` from `node-csl-loader.ts`; the browser imports
 * `load-citer.ts` on demand instead.
 */
export { citePassage, type PassageCitation, type PassageRequest } from './cite-passage.ts';
export {
  createCiter,
  type BibliographyEntry,
  type CitationResult,
  type Citer,
  type Formatted,
} from './create-citer.ts';
export type { CslLoader } from './csl-loader.ts';
export { bibtexKey, exportBibliography } from './export-bibliography.ts';
export {
  EXPORT_FILE,
  EXPORT_FORMATS,
  parseExportFormat,
  type ExportFormat,
} from './export-formats.ts';
export { CiteLocatorSchema } from './locator-schema.ts';
export { citeTargetOf, locatorFor, paragraphRangeLocator, type CiteLocator } from './locator.ts';
export { escapeHtml, quoteWithCitation } from './quote-with-citation.ts';
export { exportRecord, styleRecord } from './records.ts';
export {
  DEFAULT_STYLE,
  LOCALE_FILE,
  STYLES,
  STYLE_IDS,
  StyleIdSchema,
  isStyleId,
  parseStyleId,
  styleDescriptor,
  type StyleDescriptor,
  type StyleId,
  type StyleKind,
} from './styles.ts';
