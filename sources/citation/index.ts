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
  type CiteItemRequest,
  type CiteOptions,
  type Citer,
  type CiterStyle,
  type ClusterResult,
  type Formatted,
  type NarrativeCitation,
  type StyleSpec,
} from './create-citer.ts';
export { baseCitationKey, citationKeys } from './citation-keys.ts';
export { missingFields, missingNote, type MissingField } from './missing-fields.ts';
export { recordFieldLabel, recordFieldsFor } from './record-fields.ts';
export {
  PINPOINT_LABELS,
  PINPOINT_MODES,
  PinpointModeSchema,
  SectionPlaceSchema,
  defaultPinpoint,
  parsePinpointMode,
  pinpointChoices,
  sectionPlace,
  type PinpointMode,
  type SectionPlace,
} from './pinpoint.ts';
export {
  EDITABLE_FIELDS,
  FIELD_LABELS,
  RecordOverrideSchema,
  RecordOverridesSchema,
  applyRecordOverride,
  applyRecordOverrides,
  fieldError,
  formValues,
  overrideFromForm,
  parseAssignment,
  type EditableField,
  type RecordOverride,
  type RecordOverrides,
} from './record-overrides.ts';
export { CustomStyleSchema, parseStyleFile, styleLocale, type CustomStyle } from './style-file.ts';
export type { CslLoader } from './csl-loader.ts';
export { exportBibliography } from './export-bibliography.ts';
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
  BUNDLED_LOCALES,
  DEFAULT_STYLE,
  LOCALE_FILE,
  bundledLocale,
  STYLES,
  STYLE_IDS,
  isStyleId,
  parseStyleId,
  styleDescriptor,
  type StyleDescriptor,
  type StyleId,
  type StyleKind,
} from './styles.ts';
export { StyleIdSchema } from './style-id-schema.ts';
