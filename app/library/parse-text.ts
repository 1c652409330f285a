/**
 * The one seam through which the app parses a text a reader adds: a file, a
 * paste, a drop, a re-import, a stored text whose edition cache was lost, a
 * workspace file. Today it loads `sources/import-text.ts` (the pipeline, with
 * Readability for HTML) as a chunk on first use and runs it on the page;
 * when the parse worker of issue 12 lands, only this module changes.
 */
import type { ImportTextOptions, ImportTextResult } from '../../sources/import-text.ts';

/** Checks and parses a file's bytes into a text (see `sources/import-text.ts`). */
export async function parseTextBytes(
  bytes: Uint8Array,
  name: string,
  options: ImportTextOptions = {},
): Promise<ImportTextResult> {
  const { importText } = await import('../../sources/import-text.ts');
  return importText(bytes, name, options);
}

/** The same for text already decoded (a paste, stored content). */
export async function parseTextString(
  text: string,
  name: string,
  options: ImportTextOptions = {},
): Promise<ImportTextResult> {
  const { importDecodedText } = await import('../../sources/import-text.ts');
  if (text.trim() === '') return { ok: false, reason: `“${name}” is empty.` };
  return importDecodedText(text, name, options);
}
