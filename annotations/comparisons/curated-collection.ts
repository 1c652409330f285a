/**
 * The curated comparisons as a W3C `AnnotationCollection` (JSON-LD): the
 * exact text of the generated file `curated-comparisons.json`, written with
 * the same serializer as a reader's export so that the file passes the same
 * schema and conformance suite and loads through the same importer.
 *
 * What it is for: generating and checking the file (Node, at test time:
 * `UPDATE=1 npx vitest run --project unit tests/annotations/comparisons`).
 * What it is not for: reading it (`load-curated.ts`).
 *
 * Reproducible: the collection's id, label and `generated` time are fixed
 * (the time is `CURATED_AT`, when the set was last edited), so the same
 * authoring data and editions always give the same bytes, and a test can
 * fail when the committed file is stale.
 */
import type { Edition } from '../../sources/edition.ts';
import { serializeW3cCollection } from '../io/w3c-export.ts';
import { buildCuratedComparisons } from './build-curated.ts';
import { CURATED_AT, CURATED_COMPARISONS, type CuratedComparison } from './curated.ts';

/** The collection's IRI: stable, so a re-import finds it (a URN, not a URL). */
export const CURATED_COLLECTION_ID = 'urn:diptych:comparisons:curated';

/** The collection's label (W3C §5.1). */
export const CURATED_COLLECTION_LABEL =
  'Diptych curated claim comparisons: Winstanley-Chesters (2015) and Lankov (2007)';

/** The generated file's path, relative to this module. */
export const CURATED_FILE = new URL('./curated-comparisons.json', import.meta.url);

/** The text of `curated-comparisons.json` for these editions and authoring data. */
export function serializeCuratedCollection(
  editions: readonly Edition[],
  comparisons: readonly CuratedComparison[] = CURATED_COMPARISONS,
): string {
  return serializeW3cCollection(buildCuratedComparisons(editions, comparisons), {
    id: CURATED_COLLECTION_ID,
    now: CURATED_AT,
    label: CURATED_COLLECTION_LABEL,
  });
}
