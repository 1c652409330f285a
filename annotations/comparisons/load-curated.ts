/**
 * Loads the curated comparisons the way a reader's file is loaded: the
 * generated W3C collection (`curated-comparisons.json`) goes through
 * `importAnnotations`, so the shipped data meets the same schema and checks
 * as anything a reader imports.
 *
 * What it is for: the app, the CLI and the bench, in the browser or Node
 * (the JSON is bundled by Vite and read by Node through an import attribute;
 * no file system access). What it is not for: generating the file
 * (`curated-collection.ts`) or deciding how comparisons are shown
 * (`comparison-rows.ts`).
 */
import type { Edition } from '../../sources/edition.ts';
import { importAnnotations } from '../io/import-annotations.ts';
import type { Annotation } from '../model/annotation.ts';
import collection from './curated-comparisons.json' with { type: 'json' };

/** The curated collection as parsed JSON (W3C JSON-LD), exactly as shipped. */
export const CURATED_COLLECTION: unknown = collection;

/** The text of the shipped file (the serializer's two-space layout, ending with a newline). */
export function curatedCollectionText(): string {
  return `${JSON.stringify(collection, null, 2)}\n`;
}

/**
 * The curated comparisons as annotations, read through the importer against
 * the given editions. Throws with the importer's one-sentence summary if the
 * shipped file does not import cleanly: that is a build error, never a
 * reader's problem, and the tests catch it first.
 */
export function loadCuratedComparisons(editions: readonly Edition[]): Annotation[] {
  const outcome = importAnnotations(curatedCollectionText(), { existing: [], editions });
  if (!outcome.ok)
    throw new Error(`The curated comparisons could not be loaded. ${outcome.summary}`);
  return [...outcome.annotations];
}
