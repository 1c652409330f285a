/**
 * Built-in editions for Node (CLI, tests, build time, bench): reads the
 * verbatim texts from `sources/texts/` and runs the pipeline. The browser
 * never imports this; it gets the editions prebuilt (see vite.config.ts).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Edition } from './edition.ts';
import { BUILTIN_SOURCES, sourceMetadata, type SourceMetadata } from './metadata.ts';
import { parseEdition } from './pipeline.ts';

/** Absolute path of a built-in source's verbatim text. */
export function builtinTextPath(meta: SourceMetadata): string {
  return fileURLToPath(new URL(`./texts/${meta.file}`, import.meta.url));
}

/** The verbatim text of a built-in source. */
export function builtinText(meta: SourceMetadata): string {
  return readFileSync(builtinTextPath(meta), 'utf8');
}

const cache = new Map<string, Edition>();

/** The edition of a built-in source, or `undefined` for an unknown id. Cached per process. */
export function builtinEdition(id: string): Edition | undefined {
  const meta = sourceMetadata(id);
  if (!meta) return undefined;
  let edition = cache.get(meta.id);
  if (!edition) {
    edition = parseEdition(builtinText(meta), {
      id: meta.id,
      lang: meta.lang,
      declarations: meta.declarations,
      kind: 'print',
    });
    cache.set(meta.id, edition);
  }
  return edition;
}

/** Both built-in editions, Winstanley-Chesters first. */
export function builtinEditions(): Edition[] {
  return BUILTIN_SOURCES.map((m) => builtinEdition(m.id)!);
}
