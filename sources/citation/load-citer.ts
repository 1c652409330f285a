/**
 * The browser's entry to citations: load it with a dynamic
 * `import('…/sources/citation/load-citer.ts')` so that citeproc-js and the
 * chosen style arrive on demand, outside the initial bundle (Citation.js, for
 * the exports, is a further chunk loaded by `exportFile`). Each style's engine is built once and kept for the page's life
 * (citeproc engines are meant to be reused, and building one is the slow
 * part: seconds for the Chicago styles, see `bench/citation.ts`; a view can
 * call `loadCiter(style)` early, e.g. when the reader's preferred style is
 * known, to have it ready).
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
import { BUILTIN_SOURCES, type SourceMetadata } from '../metadata.ts';
import type { StyleId } from './styles.ts';

import { EXPORT_FILE, type ExportFormat } from './export-formats.ts';

export { EXPORT_FILE, EXPORT_FORMATS, type ExportFormat } from './export-formats.ts';
export { paragraphRangeLocator, type CiteLocator } from './locator.ts';
export type { BibliographyEntry, CitationResult, Citer, Formatted } from './create-citer.ts';
export type { PassageCitation, PassageRequest } from './cite-passage.ts';

const citers = new Map<StyleId, Promise<Citer>>();

/** Sources besides the built-in two (a reader's texts, with their records); see `setExtraSources`. */
let extraSources: readonly SourceMetadata[] = [];
let extraKey = '[]';

/**
 * Sets the reader's own texts (their records) that citations may name. When
 * they change, every cached engine is dropped and rebuilt on next use:
 * citeproc's bibliography sorting and disambiguation depend on all records,
 * so patching one engine in place would risk stale output.
 */
export function setExtraSources(sources: readonly SourceMetadata[]): void {
  const key = JSON.stringify(sources);
  if (key === extraKey) return;
  extraSources = sources;
  extraKey = key;
  citers.clear();
}

/** The citer for a style, built on first use and cached; a failed load is not cached, so it can be retried. */
export function loadCiter(style: StyleId): Promise<Citer> {
  let citer = citers.get(style);
  if (!citer) {
    citer = createCiter(style, viteCslLoader, [...BUILTIN_SOURCES, ...extraSources]);
    citers.set(style, citer);
    citer.catch(() => citers.delete(style));
  }
  return citer;
}

/** Cites a passage in a style (see `cite-passage.ts`). */
export async function citeInStyle(
  style: StyleId,
  request: PassageRequest,
): Promise<PassageCitation> {
  return citePassage(await loadCiter(style), request);
}

/** The bibliography of both sources in a style, absences explained. */
export async function bibliography(style: StyleId): Promise<readonly BibliographyEntry[]> {
  return (await loadCiter(style)).bibliography();
}

/** A bibliography export, ready to download. */
export interface ExportedFile {
  /** Suggested file name, e.g. `diptych-bibliography.bib`. */
  readonly name: string;
  /** MIME type for the Blob. */
  readonly mime: string;
  /** The file's text. */
  readonly text: string;
}

/** Both sources' records in one format; loads Citation.js on first use. */
export async function exportFile(format: ExportFormat): Promise<ExportedFile> {
  const { exportBibliography } = await import('./export-bibliography.ts');
  const { extension, mime } = EXPORT_FILE[format];
  return { name: `diptych-bibliography.${extension}`, mime, text: exportBibliography(format) };
}
