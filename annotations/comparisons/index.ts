/**
 * The public surface of `annotations/comparisons/`: the curated claim
 * comparisons and the Compare view's data. Re-exports only (each module
 * documents itself). The generator (`build-curated.ts`,
 * `curated-collection.ts`) is left out: it runs at test time in Node.
 */
export {
  CURATED_COMPARISONS,
  CURATED_AT,
  type CuratedClaim,
  type CuratedComparison,
} from './curated.ts';
export { alignmentAnchors } from './alignment-anchors.ts';
export {
  CURATED_COLLECTION,
  curatedCollectionText,
  loadCuratedComparisons,
} from './load-curated.ts';
export {
  citedAddress,
  comparisonLinks,
  comparisonRows,
  comparisonTopics,
  filterComparisons,
  tableRows,
  type ComparisonFilter,
  type ComparisonLink,
  type ComparisonRow,
  type ComparisonSide,
  type ComparisonTable,
  type TopicGroup,
} from './comparison-rows.ts';
export {
  linkPassages,
  LinkPassagesError,
  READER_TOPIC,
  type LinkPassagesInput,
  type LinkSelection,
} from './link-passages.ts';
export {
  comparisonsToCsv,
  comparisonsToMarkdown,
  CSV_COLUMNS,
  csvField,
  escapeMarkdownCell,
  type TableExportOptions,
} from './export-table.ts';
