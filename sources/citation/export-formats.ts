/**
 * The bibliography export formats, their file names and MIME types: a tiny
 * module the app can import statically for its export menu, while the
 * converters (`export-bibliography.ts`, with Citation.js) load on demand.
 */

/** The file formats a bibliography exports to. */
export const EXPORT_FORMATS = ['bibtex', 'ris', 'csl-json'] as const;

/** `bibtex`, `ris` or `csl-json`. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** File name extension and MIME type per format, for a download. */
export const EXPORT_FILE: Readonly<
  Record<ExportFormat, { readonly extension: string; readonly mime: string }>
> = {
  bibtex: { extension: 'bib', mime: 'application/x-bibtex' },
  ris: { extension: 'ris', mime: 'application/x-research-info-systems' },
  'csl-json': { extension: 'json', mime: 'application/vnd.citationstyles.csl+json' },
};

/** Parses an export format from untrusted input; throws an error naming the valid ones. */
export function parseExportFormat(value: unknown): ExportFormat {
  if (typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value)) {
    return value as ExportFormat;
  }
  throw new Error(
    `unknown export format ${JSON.stringify(value)} (valid: ${EXPORT_FORMATS.join(', ')})`,
  );
}
