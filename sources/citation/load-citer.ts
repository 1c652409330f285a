/**
 * The browser's entry to citations: load it with a dynamic
 * `import('…/sources/citation/load-citer.ts')` so that citeproc-js,
 * Citation.js and the chosen style arrive on demand, outside the initial
 * bundle. Each style's engine is built once and kept for the page's life
 * (citeproc engines are meant to be reused, and building one is the slow
 * part).
 *
 * Uses the Vite loader (`vite-csl-loader.ts`), so it only runs under Vite
 * (the app, Vitest). Node code uses `createCiter(style, nodeCslLoader)`.
 *
 * Not for: the style list (import `styles.ts` statically for the picker; it
 * is tiny).
 */
import { createCiter, type BibliographyEntry, type Citer } from './create-citer.ts';
import { citePassage, type PassageCitation, type PassageRequest } from './cite-passage.ts';
import { viteCslLoader } from './vite-csl-loader.ts';
import type { StyleId } from './styles.ts';

export { exportBibliography, EXPORT_FILE, EXPORT_FORMATS, type ExportFormat } from './export-bibliography.ts';
export { paragraphRangeLocator, type CiteLocator } from './locator.ts';
export type { BibliographyEntry, CitationResult, Citer, Formatted } from './create-citer.ts';
export type { PassageCitation, PassageRequest } from './cite-passage.ts';

const citers = new Map<StyleId, Promise<Citer>>();

/** The citer for a style, built on first use and cached; a failed load is not cached, so it can be retried. */
export function loadCiter(style: StyleId): Promise<Citer> {
  let citer = citers.get(style);
  if (!citer) {
    citer = createCiter(style, viteCslLoader);
    citers.set(style, citer);
    citer.catch(() => citers.delete(style));
  }
  return citer;
}

/** Cites a passage in a style (see `cite-passage.ts`). */
export async function citeInStyle(style: StyleId, request: PassageRequest): Promise<PassageCitation> {
  return citePassage(await loadCiter(style), request);
}

/** The bibliography of both sources in a style, absences explained. */
export async function bibliography(style: StyleId): Promise<readonly BibliographyEntry[]> {
  return (await loadCiter(style)).bibliography();
}
