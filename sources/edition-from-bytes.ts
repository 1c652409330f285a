/**
 * A file's bytes to an edition, or the one-line reason it cannot be one:
 * the checks of `decodeText` (size, binary, UTF-8, empty), the nesting
 * limits of `checkNesting`, then the pipeline. Pure and synchronous; the
 * CLI's `diptych parse` runs it in a worker thread (`cli/parse-in-thread.ts`)
 * and stops that when `PARSE_TIME_LIMIT_MS` passes — this module has no
 * clock. (The reader adds texts through `import-text.ts`, in a Web Worker.)
 *
 * What it is not for: the built-in editions (trusted, parsed at build time
 * with their editorial declarations by `builtin.ts`).
 */
import type { Edition } from './edition.ts';
import { parseEdition, TextRefusedError, type ParseProgress } from './pipeline.ts';
import { decodeText } from './read-text.ts';

/** An edition, or why the text cannot be one (reads after the file's name: `is empty`). */
export type EditionResult =
  | { readonly ok: true; readonly edition: Edition }
  | { readonly ok: false; readonly reason: string };

/** Options of `editionFromBytes`. */
export interface EditionFromBytesOptions {
  /** The edition's id (the prefix of every address). */
  readonly id: string;
  /** Title when the text has none (the file name, in the reader). */
  readonly title?: string;
  /** BCP 47 language (default `en`). */
  readonly lang?: string;
  /** Told how far the pipeline is. */
  readonly onProgress?: (progress: ParseProgress) => void;
}

/** Checks and parses `bytes`; never throws for any input. */
export function editionFromBytes(
  bytes: Uint8Array,
  options: EditionFromBytesOptions,
): EditionResult {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  try {
    return {
      ok: true,
      edition: parseEdition(decoded.text, {
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
