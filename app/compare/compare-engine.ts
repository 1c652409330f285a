/**
 * The comparisons' heavy half, loaded on demand (`load-compare.ts`): the
 * curated collection (read through the importer at build time), anchoring, the Compare table, its exports and Link passages.
 *
 * What it is for: one dynamic-import boundary, so none of this weighs on the
 * reader's first paint (bench/reader.ts holds the initial JS to its budget).
 * The app asks this module; it never parses, matches or validates itself.
 * What it is not for: rendering (`compare-view.tsx`, `compare-marks.tsx`) or
 * the related-passage index (`related-engine.ts`, a separate chunk, because
 * most readers who open the Compare table never ask for it).
 */
import type { Edition, SourceId } from '../../sources/edition.ts';
import { anchor } from '../../annotations/anchoring/anchor.ts';
import type { Annotation } from '../../annotations/model/annotation.ts';
import curated from 'virtual:diptych-curated';
import { placeComparisons, type PlacedComparison } from './place-comparisons.ts';
// The comparisons' styles travel with this chunk: nothing they style exists before it loads,
// and the build-time prerender (Node) never imports it.
import '../views/stacked-table.css';
import './compare.css';

export {
  comparisonRows,
  comparisonTopics,
  filterComparisons,
  tableRows,
} from '../../annotations/comparisons/comparison-rows.ts';
export {
  comparisonsToCsv,
  comparisonsToMarkdown,
} from '../../annotations/comparisons/export-table.ts';
export { linkPassages, LinkPassagesError } from '../../annotations/comparisons/link-passages.ts';
export { marksFor } from './marks-for.ts';
export {
  domRangeMapper,
  offsetsFromRange,
  rangeFromOffsets,
} from '../../annotations/anchoring/dom-range.ts';

/**
 * The curated comparisons as annotations, through the same importer as a
 * reader's file: at build time against the built-in texts (`editions-plugin.ts`,
 * `virtual:diptych-curated`) when `editions` holds those texts as they were
 * then; otherwise here, against `editions` (the importer is loaded for it).
 */
export async function curatedComparisons(editions: readonly Edition[]): Promise<Annotation[]> {
  const length = new Map<string, number>(editions.map((e) => [e.id, e.text.length]));
  const asBuilt = Object.entries(curated.textLengths).every(([id, n]) => length.get(id) === n);
  if (asBuilt) return [...curated.annotations];
  const { loadCuratedComparisons } = await import('../../annotations/comparisons/load-curated.ts');
  return loadCuratedComparisons(editions);
}

/**
 * Anchors both targets of every linking annotation in its edition with the
 * anchoring cascade (position, exact quote, fuzzy quote). Targets in a
 * source not among `editions` are unplaced.
 */
export function anchorComparisons(
  annotations: readonly Annotation[],
  editions: readonly Edition[],
): PlacedComparison[] {
  const byId = new Map<SourceId, Edition>(editions.map((e) => [e.id, e]));
  return placeComparisons(annotations, (source, selectors) => {
    const edition = byId.get(source);
    if (!edition) return null;
    const result = anchor(edition, selectors);
    return result.placed ? { edition, start: result.start, end: result.end } : null;
  });
}
