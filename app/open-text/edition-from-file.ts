/**
 * Turns a file a reader opens into an edition, in the browser. Loaded on
 * demand (dynamic import) so the parser — unified, remark-parse,
 * parse-english — stays out of the initial bundle; the built-in editions
 * never need it (they are parsed at build time).
 *
 * The checks (size, binary, UTF-8, empty) and the pipeline are the same as
 * the CLI's `diptych parse`; this only adapts them.
 */
import type { Edition } from '../../sources/edition.ts';
import { parseEdition } from '../../sources/pipeline.ts';
import { decodeText } from '../../sources/read-text.ts';
import { sourceIdFromFileName, uniqueSourceId } from '../../sources/source-id.ts';

/** An edition, or why the file cannot be read as a text. */
export type OpenedText =
  | { readonly ok: true; readonly edition: Edition }
  | { readonly ok: false; readonly reason: string };

/** Parses `bytes` (the file `name`) into an edition whose id is not in `taken`. */
export function editionFromFile(
  bytes: Uint8Array,
  name: string,
  taken: ReadonlySet<string>,
): OpenedText {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, reason: `“${name}” ${decoded.reason}.` };
  const id = uniqueSourceId(sourceIdFromFileName(name), taken);
  try {
    return { ok: true, edition: parseEdition(decoded.text, { id, title: name }) };
  } catch {
    // The pipeline only throws for stale editorial declarations, which a reader's file has none of.
    return { ok: false, reason: `“${name}” could not be parsed.` };
  }
}
