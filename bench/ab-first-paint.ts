/**
 * An A/B aid for the first paint (issue 15; the figures of record are
 * `npm run bench reader`): pages of one build (hand-edited copies of
 * `index.html` beside it, the bench's static page) loaded cold in turn in the
 * same browser, the order rotated each round so that no page always goes
 * first, each timed as bench/reader.ts times it (the first paragraph's
 * Element Timing render time, and First Contentful Paint). Prints each page's
 * median and the load average at the start and end: on a shared machine two
 * runs of the same page differ by tens of milliseconds, so only pages
 * measured together compare.
 *
 *   npx tsx bench/ab-first-paint.ts --dist DIR [--runs 25] index.html variant.html …
 *
 * The static page is written into DIR as `static.html` and always measured.
 * Not part of `npm run bench`: it compares variants, it does not measure one.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { builtinEditions } from '../sources/builtin.ts';
import { launchChromium } from '../tests/e2e/helpers/chromium.ts';
import { serveStatic } from '../tests/e2e/helpers/static-server.ts';
import { argValue } from './helpers/arg-value.ts';
import { loadAverages } from './helpers/load-average.ts';
import { measurePaint, staticPage, type Paint } from './reader.ts';

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

async function main(): Promise<void> {
  const dist = argValue('--dist');
  if (!dist) throw new Error('usage: --dist DIR [--runs N] page.html …');
  const runs = Number(argValue('--runs') ?? 25);
  const flagged = new Set(['--dist', '--runs']);
  const named = process.argv
    .slice(2)
    .filter((a, i, all) => !a.startsWith('--') && !flagged.has(all[i - 1] ?? ''));
  const pages = ['static.html', ...(named.length ? named : ['index.html'])];
  writeFileSync(path.join(dist, 'static.html'), staticPage(builtinEditions()));
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  const got = new Map<string, Paint[]>(pages.map((p) => [p, []]));
  console.log(`dist ${dist}; ${runs} cold loads of each page; load at start: ${loadAverages()}`);
  try {
    for (const p of pages) await measurePaint(browser, server.url + p); // warm-up
    for (let i = 0; i < runs; i++) {
      for (let j = 0; j < pages.length; j++) {
        const p = pages[(i + j) % pages.length]!;
        got.get(p)!.push(await measurePaint(browser, server.url + p));
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const staticMedian = median(got.get('static.html')!.map((p) => p.element));
  // Each round loads every page within a few seconds: the median of the per-round differences
  // from the first page named is steadier than the difference of the medians when the load drifts.
  const base = got.get(pages[1]!)!;
  for (const [p, paints] of got) {
    const e = median(paints.map((x) => x.element));
    const diffs = paints.map((x, i) => x.element - base[i]!.element);
    const paired = median(diffs);
    // Paint times come in 4 ms steps, so the median of the differences moves in steps too; their
    // mean and its standard error resolve a smaller change once the runs are many.
    const mean = diffs.reduce((s, d) => s + d, 0) / diffs.length;
    const sd = Math.sqrt(
      diffs.reduce((s, d) => s + (d - mean) ** 2, 0) / Math.max(1, diffs.length - 1),
    );
    const se = sd / Math.sqrt(diffs.length);
    const sign = (x: number): string => `${x >= 0 ? '+' : ''}${x.toFixed(1)}`;
    console.log(
      `${p.padEnd(28)} first paragraph ${e.toFixed(1)} ms (${(e / staticMedian).toFixed(2)}× static; paired difference from ${pages[1]} ${sign(paired)} ms, mean ${sign(mean)} ± ${se.toFixed(1)}), FCP ${median(paints.map((x) => x.fcp)).toFixed(1)} ms`,
    );
  }
  console.log(`load at end: ${loadAverages()}`);
}

await main();
