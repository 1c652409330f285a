/**
 * Building a citeproc engine per style with and without the macro-lookup
 * index the citer installs (`sources/citation/citeproc-macro-cache.ts`),
 * in the same process: a warm-up build first (so neither side pays the JIT
 * and the locale alone), then per style the plain build and the indexed
 * build, alternating which goes first, each the median of `ROUNDS`.
 * Citeproc takes the style as a string and parses it into its own JSON tree
 * in Node and in the browser alike, so the figures hold for the worker too.
 */
import CSL from 'citeproc';
import {
  installMacroCache,
  type CiteprocModule,
} from '../sources/citation/citeproc-macro-cache.ts';
import { createCiter } from '../sources/citation/create-citer.ts';
import { nodeCslLoader } from '../sources/citation/node-csl-loader.ts';
import { STYLES, type StyleId } from '../sources/citation/styles.ts';

/** Builds per style and side. */
const ROUNDS = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function buildMs(style: StyleId, indexed: boolean): Promise<number> {
  // The citer's module installs the index; the plain build takes it off for its run.
  if (!indexed) installMacroCache(CSL as unknown as CiteprocModule)();
  try {
    const t = performance.now();
    await createCiter(style, nodeCslLoader);
    return performance.now() - t;
  } finally {
    installMacroCache(CSL as unknown as CiteprocModule);
  }
}

/** Prints the table. */
export async function run(): Promise<void> {
  await buildMs('mla', false);
  await buildMs('mla', true);
  console.log('style                     plain build   indexed build   saved');
  for (const style of STYLES) {
    const plain: number[] = [];
    const indexed: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      if (i % 2 === 0) {
        plain.push(await buildMs(style.id, false));
        indexed.push(await buildMs(style.id, true));
      } else {
        indexed.push(await buildMs(style.id, true));
        plain.push(await buildMs(style.id, false));
      }
    }
    const p = median(plain);
    const x = median(indexed);
    console.log(
      `${style.id.padEnd(25)} ${`${(p / 1000).toFixed(2)} s`.padStart(11)} ${`${(x / 1000).toFixed(2)} s`.padStart(15)}   ${(((p - x) / p) * 100).toFixed(0)}%`,
    );
  }
}
