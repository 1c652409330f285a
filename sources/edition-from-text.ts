/**
 * A file's text (already through `decodeText`: size, binary, UTF-8, empty) to
 * an edition, or the one-line reason it cannot be one: the nesting limits of
 * `checkNesting`, then the pipeline. Pure and synchronous; the CLI's
 * `diptych parse` runs it in a worker thread (`cli/parse-in-thread.ts`),
 * stopped when `PARSE_TIME_LIMIT_MS` passes — this module has no clock. (The
 * reader adds texts through `import-text.ts`, in a Web Worker.)
 *
 * What it is not for: the built-in editions (trusted, parsed at build time
 * with their editorial declarations by `builtin.ts`).
 */
import type { Edition } from './edition.ts';
import { parseEdition, TextRefusedError, type ParseProgress } from './pipeline.ts';

/** An edition, or why the text cannot be one (reads after the file's name: `nests square brackets …`). */
export type EditionResult =
  | { readonly ok: true; readonly edition: Edition }
  | { readonly ok: false; readonly reason: string };

/** Options of `editionFromText`. */
export interface EditionFromTextOptions {
  /** The edition's id (the prefix of every address). */
  readonly id: string;
  /** Title when the text has none (the file name, in the reader). */
  readonly title?: string;
  /** BCP 47 language (default `en`). */
  readonly lang?: string;
  /** Told how far the pipeline is. */
  readonly onProgress?: (progress: ParseProgress) => void;
}

/** Parses a text `decodeText` let through; never throws for any input. */
export function editionFromText(text: string, options: EditionFromTextOptions): EditionResult {
  try {
    return {
      ok: true,
      edition: parseEdition(text, {
        id: options.id,
        ...(options.lang !== undefined ? { lang: options.lang } : {}),
        ...(options.title !== undefined ? { title: options.title } : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      }),
    };
  } catch (error) {
    if (error instanceof TextRefusedError) return { ok: false, reason: error.reason };
    if (error instanceof RangeError)
      return { ok: false, reason: 'is nested too deeply to parse (its structure overflowed)' };
    // Only a stale editorial declaration throws otherwise, and a reader's text has none.
    return { ok: false, reason: 'could not be parsed' };
  }
}
