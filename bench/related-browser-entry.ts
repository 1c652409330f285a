/**
 * What `bench/related-browser.ts` runs inside headless Chromium (bundled by
 * esbuild): decodes the word vectors, builds the related index with them
 * and the dated years (as the reader does, for the "same period" it shows),
 * and times the shipped ranking for every numbered paragraph of the
 * editions it is given. Not part of the app.
 */
import type { Edition } from '../sources/edition.ts';
import { NUMBERED_ROLES } from '../sources/edition.ts';
import {
  buildRelatedIndex,
  decodeWordVectors,
  related,
  warmUpRelated,
} from '../sources/related/index.ts';
import textVectors from '../sources/related/vectors/text-vectors.json' with { type: 'json' };

/** Timings, in milliseconds. */
export interface BrowserTimings {
  readonly decodeMs: number;
  readonly buildMs: number;
  /** The warm-up queries the app runs when it builds the index (`warmUpRelated`), part of the first use. */
  readonly warmMs: number;
  readonly samples: readonly number[];
  /** The query of each sample. */
  readonly addresses: readonly string[];
}

(globalThis as { relatedBench?: unknown }).relatedBench = (
  editions: readonly Edition[],
  rounds: number,
  dates = true,
): BrowserTimings => {
  const t0 = performance.now();
  const vectors = decodeWordVectors(textVectors);
  const t1 = performance.now();
  const index = buildRelatedIndex(editions, { vectors, dates });
  const t2 = performance.now();
  warmUpRelated(index);
  const t3 = performance.now();
  const samples: number[] = [];
  const addresses: string[] = [];
  for (let round = 0; round < rounds; round++)
    for (const e of editions)
      for (const b of e.blocks)
        if (NUMBERED_ROLES.has(b.role)) {
          const t = performance.now();
          related(index, b.address);
          samples.push(performance.now() - t);
          addresses.push(b.address);
        }
  return { decodeMs: t1 - t0, buildMs: t2 - t1, warmMs: t3 - t2, samples, addresses };
};
