/**
 * An A/B aid for the 10,000-annotation load (issue 15; the figures of record
 * are `npm run bench annotations-sidebar`): two builds made earlier, loaded
 * cold in turn in the same browser — A then B, then B then A, and so on, so
 * neither always goes first — each with the bench's stored set, its
 * definition of ready (`helpers/annotations-ready.ts`) and its longest-task
 * observer. Prints every pair and the medians, with the load average at the
 * start and end (what the machine was doing matters as much as the figures).
 *
 *   npx tsx bench/ab-annotations-load.ts --a DIR --b DIR [--pairs 6]
 *
 * Not part of `npm run bench`: it compares two versions, it does not measure one.
 */
import type { Browser } from 'playwright-core';
import { launchChromium } from '../tests/e2e/helpers/chromium.ts';
import { serveStatic, type StaticServer } from '../tests/e2e/helpers/static-server.ts';
import { waitForAnnotationsReady } from './helpers/annotations-ready.ts';
import { longestTask, observeLongestTask } from './helpers/longest-task.ts';
import { argValue } from './helpers/arg-value.ts';
import { loadAverages } from './helpers/load-average.ts';
import { seedLocalStorage } from './helpers/seed-storage.ts';
import { spreadAnnotations, storedEntries } from './helpers/spread-annotations.ts';

const COUNT = 10_000;

/** One cold load: ms from navigation to ready, and the longest task meanwhile. */
async function coldLoad(
  browser: Browser,
  server: StaticServer,
  entries: Record<string, string>,
): Promise<{ ready: number; longest: number }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    await seedLocalStorage(page, server.url, entries);
    await observeLongestTask(page);
    await page.goto(server.url);
    await waitForAnnotationsReady(page, COUNT);
    const ready = await page.evaluate(() => performance.now());
    const longest = await longestTask(page);
    return { ready, longest };
  } finally {
    await context.close();
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const dirs = { A: argValue('--a'), B: argValue('--b') };
  if (!dirs.A || !dirs.B) throw new Error('usage: --a DIR --b DIR [--pairs N]');
  const pairs = Number(argValue('--pairs') ?? 6);
  const entries = storedEntries(spreadAnnotations(COUNT));
  const servers = { A: await serveStatic(dirs.A), B: await serveStatic(dirs.B) };
  const browser = await launchChromium();
  type Load = { ready: number; longest: number };
  const got: { A: Load[]; B: Load[] } = { A: [], B: [] };
  console.log(`A = ${dirs.A}\nB = ${dirs.B}\nload at start: ${loadAverages()}`);
  try {
    // One warm-up load of each (first use of the browser, the disk cache of the files).
    for (const k of ['A', 'B'] as const) await coldLoad(browser, servers[k], entries);
    for (let p = 0; p < pairs; p++) {
      const order = p % 2 === 0 ? (['A', 'B'] as const) : (['B', 'A'] as const);
      const line: string[] = [];
      for (const k of order) {
        const r = await coldLoad(browser, servers[k], entries);
        got[k].push(r);
        line.push(`${k} ready ${r.ready.toFixed(0)} longest ${r.longest.toFixed(0)}`);
      }
      console.log(`pair ${p + 1}: ${line.join(' | ')}   (load ${loadAverages()})`);
    }
  } finally {
    await browser.close();
    await servers.A.close();
    await servers.B.close();
  }
  for (const k of ['A', 'B'] as const) {
    const rs = got[k].map((r) => r.ready);
    const ls = got[k].map((r) => r.longest);
    console.log(
      `${k}: median ready ${median(rs).toFixed(0)} ms, median longest task ${median(ls).toFixed(0)} ms`,
    );
  }
  const wins = got.A.filter((a, i) => got.B[i]!.ready < a.ready).length;
  console.log(
    `B faster than A (ready) in ${wins} of ${pairs} pairs; load at end: ${loadAverages()}`,
  );
}

await main();
