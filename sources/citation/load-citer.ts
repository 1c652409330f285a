/**
 * The browser's entry to citations: load it with a dynamic
 * `import('…/sources/citation/load-citer.ts')` so that citeproc-js and the
 * chosen style arrive on demand, outside the initial bundle (Citation.js, for
 * the exports, is a further chunk loaded by `exportFile`). Each style's engine
 * is built once and kept for the page's life (citeproc engines are meant to
 * be reused, and building one is the slow part: seconds for the Chicago
 * styles, see `bench/citation.ts`; a view can call `loadCiter(style)` early,
 * e.g. when the reader's preferred style is known, to have it ready).
 *
 * A reader's record overrides are applied to a cached engine with
 * `setSources` (milliseconds), never by rebuilding it. A style the reader
 * loaded (`CustomStyle`) is checked again here (`parseStyleFile`) before
 * citeproc sees it, and cached by its id and content.
 *
 * Uses the Vite loader (`vite-csl-loader.ts`), so it only runs under Vite
 * (the app, Vitest). Node code uses `createCiter(style, nodeCslLoader)`.
 *
 * Not for: the style list (import `styles.ts` statically for the picker; it
 * is tiny).
 */
import { createCiter, type BibliographyEntry, type Citer } from './create-citer.ts';
import { citePassage, type PassageCitation, type PassageRequest } from './cite-passage.ts';
import { BUILTIN_SOURCES, type SourceMetadata } from '../metadata.ts';
import { applyRecordOverrides, type RecordOverrides } from './record-overrides.ts';
import { parseStyleFile, type CustomStyle } from './style-file.ts';
import { viteCslLoader } from './vite-csl-loader.ts';
import type { StyleId } from './styles.ts';

import { EXPORT_FILE, type ExportFormat } from './export-formats.ts';

export { EXPORT_FILE, EXPORT_FORMATS, type ExportFormat } from './export-formats.ts';
export { paragraphRangeLocator, type CiteLocator } from './locator.ts';
export type { BibliographyEntry, CitationResult, Citer, Formatted } from './create-citer.ts';
export type { PassageCitation, PassageRequest } from './cite-passage.ts';

/** A built-in style id, or a style the reader loaded. */
export type StyleRef = StyleId | CustomStyle;

interface Cached {
  readonly citer: Promise<Citer>;
  /** The sources and overrides last applied to it (`appliedKey`), to skip a no-op `setSources`. */
  applied: string;
}

const citers = new Map<string, Cached>();

/** Sources besides the built-in two (a reader's texts, with their records); see `setExtraSources`. */
let extraSources: readonly SourceMetadata[] = [];
let extraKey = '[]';

/**
 * Sets the reader's own texts (their records) that citations may name. A
 * cached engine is kept and gets the new sources with `setSources` on its
 * next use (milliseconds), never rebuilt: the library loads after the page
 * has warmed the reader's style, and a rebuild then would cost the first
 * Cite seconds.
 */
export function setExtraSources(sources: readonly SourceMetadata[]): void {
  const key = JSON.stringify(sources);
  if (key === extraKey) return;
  extraSources = sources;
  extraKey = key;
}

/** What an engine's sources depend on: the reader's texts and the overrides. */
function appliedKey(overrides: RecordOverrides): string {
  return `${extraKey}\n${JSON.stringify(overrides)}`;
}

/** The built-in sources and the reader's, with the record overrides applied. */
function allSources(overrides: RecordOverrides): SourceMetadata[] {
  return applyRecordOverrides([...BUILTIN_SOURCES, ...extraSources], overrides);
}

/** A short fingerprint of a custom style's text, so a changed file gets a new engine. */
function fingerprint(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

function cacheKey(style: StyleRef): string {
  return typeof style === 'string' ? style : `${style.id}#${fingerprint(style.xml)}`;
}

function cached(style: StyleRef, overrides: RecordOverrides): Cached {
  const key = cacheKey(style);
  let entry = citers.get(key);
  if (!entry) {
    const spec = typeof style === 'string' ? style : parseStyleFile(style.xml, `“${style.label}”`);
    const citer = createCiter(spec, viteCslLoader, allSources(overrides));
    entry = { citer, applied: appliedKey(overrides) };
    citers.set(key, entry);
    citer.catch(() => citers.delete(key));
  }
  return entry;
}

/**
 * Runs `f` on the style's citer with `overrides` applied, synchronously after
 * applying them (so calls with other overrides cannot interleave). The
 * engine is built on first use and cached; a failed load is not cached.
 */
async function withCiter<T>(
  style: StyleRef,
  overrides: RecordOverrides,
  f: (citer: Citer) => T,
): Promise<T> {
  const entry = cached(style, overrides);
  const citer = await entry.citer;
  const wanted = appliedKey(overrides);
  if (entry.applied !== wanted) {
    citer.setSources(allSources(overrides));
    entry.applied = wanted;
  }
  return f(citer);
}

/** The citer for a style, built on first use and cached (a view can call it early to have it ready). */
export function loadCiter(style: StyleRef, overrides: RecordOverrides = {}): Promise<Citer> {
  return withCiter(style, overrides, (c) => c);
}

/** Cites a passage in a style (see `cite-passage.ts`). */
export function citeInStyle(
  style: StyleRef,
  request: PassageRequest,
  overrides: RecordOverrides = {},
): Promise<PassageCitation> {
  return withCiter(style, overrides, (c) => citePassage(c, request));
}

/** The plain-text citation (or Pandoc form) of each address, for the annotations digest. */
export function citeMany(
  style: StyleRef,
  requests: readonly PassageRequest[],
  form: 'citation' | 'pandoc',
  overrides: RecordOverrides = {},
): Promise<string[]> {
  return withCiter(style, overrides, (c) =>
    requests.map((r) => {
      const cited = citePassage(c, r);
      return form === 'pandoc' ? cited.pandoc : cited.citation.text;
    }),
  );
}

/** The bibliography of both sources in a style, absences explained. */
export function bibliography(
  style: StyleRef,
  overrides: RecordOverrides = {},
): Promise<readonly BibliographyEntry[]> {
  return withCiter(style, overrides, (c) => c.bibliography());
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

/** Both sources' records (with the reader's overrides) in one format; loads Citation.js on first use. */
export async function exportFile(
  format: ExportFormat,
  overrides: RecordOverrides = {},
): Promise<ExportedFile> {
  const { exportBibliography } = await import('./export-bibliography.ts');
  const { extension, mime } = EXPORT_FILE[format];
  return {
    name: `diptych-bibliography.${extension}`,
    mime,
    text: exportBibliography(format, allSources(overrides)),
  };
}
