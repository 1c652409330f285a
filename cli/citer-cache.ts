/**
 * The citation engines of one process, built once per style and reused with
 * other sources (`Citer.setSources`, milliseconds), as the reader keeps one per
 * page (`sources/citation/load-citer.ts`). Building an engine is the slow part
 * of `diptych cite` and `diptych bib` (seconds for APA and the Chicago styles);
 * one command builds one, but a program that runs several commands through
 * `main` in one process (the CLI's tests do, dozens) builds each style once.
 *
 * A custom style is keyed by its whole text, so a changed file gets a new
 * engine. A build that fails is not kept: the next command tries again.
 */
import type { SourceMetadata } from '../sources/metadata.ts';
import { createCiter, type Citer, type StyleSpec } from '../sources/citation/create-citer.ts';
import { nodeCslLoader } from '../sources/citation/node-csl-loader.ts';

const built = new Map<string, Promise<Citer>>();

function keyOf(spec: StyleSpec): string {
  return typeof spec === 'string' ? spec : `${spec.id}\n${spec.xml}`;
}

/** The engine for `spec`, citing `sources`. */
export async function citerFor(
  spec: StyleSpec,
  sources: readonly SourceMetadata[],
): Promise<Citer> {
  const key = keyOf(spec);
  let citer = built.get(key);
  if (!citer) {
    citer = createCiter(spec, nodeCslLoader, sources);
    built.set(key, citer);
    citer.catch(() => built.delete(key));
    return citer;
  }
  const ready = await citer;
  ready.setSources(sources);
  return ready;
}
