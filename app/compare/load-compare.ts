/**
 * The dynamic-import boundaries of the comparisons UI: the compare engine
 * (curated collection, importer, anchoring, exports) and the related-passage
 * index are each loaded on first use, once per page, so neither is part of
 * the initial bundle (bench/reader.ts measures it).
 *
 * Not for: deciding anything — each loaded module documents what it does.
 */

/** The compare engine's module (`compare-engine.ts`). */
export type CompareEngine = typeof import('./compare-engine.ts');

/** The related-passage module (`related-engine.ts`). */
export type RelatedEngine = typeof import('./related-engine.ts');

let compareEngine: Promise<CompareEngine> | undefined;
let relatedEngine: Promise<RelatedEngine> | undefined;

/** Loads the compare engine (once). */
export function loadCompareEngine(): Promise<CompareEngine> {
  compareEngine ??= import('./compare-engine.ts');
  return compareEngine;
}

/** Loads the related-passage module (once). */
export function loadRelatedEngine(): Promise<RelatedEngine> {
  relatedEngine ??= import('./related-engine.ts');
  return relatedEngine;
}
