/**
 * An A/B aid for the initial replication of 10,000 annotations (issue 13;
 * the figures of record are `npm run bench sync-replication`): two builds
 * made earlier, each served on its own port, one sync server holding the
 * set; a fresh browser context signs in with A then B, then B then A, and
 * so on, so neither always goes first. Each run is timed as the bench
 * times it (`sync-replication.ts`): from the click on **Sign in** until all
 * 10,000 are in the reader and painted (replication), until the quiet save
 * was tried (saved), and the longest main-thread task meanwhile. Prints
 * every pair and the medians, with the load average.
 *
 *   npx tsx bench/ab-sync-replication.ts --a DIR --b DIR [--pairs 3]
 *
 * Not part of `npm run bench`: it compares two versions, it does not measure one.
 */
import type { Browser } from 'playwright-core';
import { CouchAdmin } from '../server/couch-admin.ts';
import { launchChromium } from '../tests/e2e/helpers/chromium.ts';
import { serveStatic, type StaticServer } from '../tests/e2e/helpers/static-server.ts';
import { startServerProcess, TEST_ADMIN } from '../tests/server/helpers/server-process.ts';
import { argValue } from './helpers/arg-value.ts';
import { loadAverages } from './helpers/load-average.ts';
import { seedPrivateLayer } from './helpers/seed-private-layer.ts';
import { spreadAnnotations } from './helpers/spread-annotations.ts';
import { longestTask, observeLongestTask, resetLongestTask } from './helpers/longest-task.ts';
import {
  clickSignIn,
  closeSyncPanel,
  fillSignIn,
  median,
  newDevice,
  openReader,
  waitForSaveTried,
  waitForStatus,
  BENCH_READER as READER,
} from './helpers/sync-rig.ts';
import { allShown } from './sync-replication.ts';

const COUNT = 10_000;

interface Run {
  readonly replication: number;
  readonly saved: number;
  readonly longest: number;
}

/** One sign-in into an empty browser, timed as the bench times it. */
async function replicate(browser: Browser, app: StaticServer, server: string): Promise<Run> {
  const context = await newDevice(browser);
  try {
    const page = await context.newPage();
    await observeLongestTask(page);
    await openReader(page, app.url);
    await fillSignIn(page, server, READER);
    await resetLongestTask(page);
    const clicked = await clickSignIn(page);
    const shown = await allShown(page, COUNT);
    await waitForStatus(page, /^Synced\.$/);
    await waitForSaveTried(page);
    const saved = await page.evaluate(() => performance.now());
    const longest = await longestTask(page);
    await closeSyncPanel(page);
    return { replication: shown - clicked, saved: saved - clicked, longest };
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const dirs = { A: argValue('--a'), B: argValue('--b') };
  if (!dirs.A || !dirs.B) throw new Error('usage: --a DIR --b DIR [--pairs N]');
  const pairs = Number(argValue('--pairs') ?? 3);
  const apps = { A: await serveStatic(dirs.A), B: await serveStatic(dirs.B) };
  const origins = [apps.A.url, apps.B.url].map((u) => new URL(u).origin).join(',');
  const server = await startServerProcess({ cors: origins });
  const browser = await launchChromium();
  const got: { A: Run[]; B: Run[] } = { A: [], B: [] };
  try {
    await new CouchAdmin(server.couchUrl, TEST_ADMIN).addUser(READER.name, READER.password);
    await seedPrivateLayer(server.couchUrl, READER, spreadAnnotations(COUNT));
    console.log(`A = ${dirs.A}\nB = ${dirs.B}\nload at start: ${loadAverages()}`);
    for (let p = 0; p < pairs; p++) {
      const order = p % 2 === 0 ? (['A', 'B'] as const) : (['B', 'A'] as const);
      const line: string[] = [];
      for (const k of order) {
        const r = await replicate(browser, apps[k], server.url);
        got[k].push(r);
        line.push(
          `${k} replication ${r.replication.toFixed(0)} saved ${r.saved.toFixed(0)} longest ${r.longest.toFixed(0)}`,
        );
      }
      console.log(`pair ${p + 1}: ${line.join(' | ')}   (load ${loadAverages()})`);
    }
  } finally {
    await browser.close();
    await server.dispose();
    await apps.A.close();
    await apps.B.close();
  }
  for (const k of ['A', 'B'] as const) {
    const runs = got[k];
    console.log(
      `${k}: median replication ${median(runs.map((r) => r.replication)).toFixed(0)} ms, saved ${median(runs.map((r) => r.saved)).toFixed(0)} ms, longest task ${median(runs.map((r) => r.longest)).toFixed(0)} ms`,
    );
  }
  const wins = got.A.filter((a, i) => got.B[i]!.replication < a.replication).length;
  console.log(
    `B faster than A (replication) in ${wins} of ${pairs} pairs; load at end: ${loadAverages()}`,
  );
}

await main();
