/**
 * A profiling aid for the initial replication of 10,000 annotations (issue
 * 13; the figures themselves are `npm run bench sync-replication`): the
 * same set on the real sync server, a fresh browser signs in under a
 * Chromium trace, and every main-thread task longer than a threshold from
 * the click on **Sign in** until the save was tried is listed with what ran
 * inside it, then the main thread's busy time in that span.
 *
 *   npx tsx bench/trace-sync-replication.ts [--dist DIR] [--unminified] [--over 50] [--out trace.json] [--no-trace]
 *
 * `--dist` reuses a build; otherwise one is made. `--no-trace` only times
 * it (the tracer slows the page down): the same two moments and the longest
 * task (Long Tasks API), for comparing builds quickly. Not part of
 * `npm run bench`: it prints causes, not figures.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { CouchAdmin } from '../server/couch-admin.ts';
import { buildApp } from '../tests/e2e/helpers/build-app.ts';
import { launchChromium } from '../tests/e2e/helpers/chromium.ts';
import { serveStatic } from '../tests/e2e/helpers/static-server.ts';
import { startServerProcess, TEST_ADMIN } from '../tests/server/helpers/server-process.ts';
import { seedPrivateLayer } from './helpers/seed-private-layer.ts';
import { spreadAnnotations } from './helpers/spread-annotations.ts';
import {
  clickSignIn,
  fillSignIn,
  newDevice,
  openReader,
  waitForSaveTried,
  waitForStatus,
  BENCH_READER as READER,
} from './helpers/sync-rig.ts';
import {
  longTaskReport,
  selfTimes,
  threadOfMark,
  TRACE_CATEGORIES,
  type TraceEvent,
  type TraceThread,
} from './helpers/trace-tasks.ts';
import { allShown } from './sync-replication.ts';
import { argValue } from './helpers/arg-value.ts';

const COUNT = 10_000;

/** The main thread's busy time (top-level tasks) in the `span` ms after `start`, and the long ones' sum. */
function busy(events: readonly TraceEvent[], start: TraceThread, span: number): string {
  const tasks = events.filter(
    (e) =>
      e.pid === start.pid &&
      e.tid === start.tid &&
      e.ph === 'X' &&
      e.name === 'RunTask' &&
      e.ts >= start.t0 &&
      e.ts <= start.t0 + span * 1000,
  );
  const total = tasks.reduce((s, e) => s + (e.dur ?? 0), 0) / 1000;
  const over50 = tasks.filter((e) => (e.dur ?? 0) > 50_000);
  return `main thread busy ${total.toFixed(0)} ms of ${span.toFixed(0)} ms; ${over50.length} tasks over 50 ms (${(over50.reduce((s, e) => s + (e.dur ?? 0), 0) / 1000).toFixed(0)} ms)`;
}

/**
 * Every thread of the page's process busy for at least 100 ms in the `span`
 * ms after `start` (the sync worker's among them), by name: how much of the
 * replication each one worked.
 */
function threads(events: readonly TraceEvent[], start: TraceThread, span: number): string[] {
  const names = new Map<number, string>();
  for (const e of events)
    if (e.pid === start.pid && e.ph === 'M' && e.name === 'thread_name')
      names.set(e.tid, String(e.args?.name ?? e.tid));
  const busyByThread = new Map<number, number>();
  for (const e of events) {
    if (e.pid !== start.pid || e.ph !== 'X' || e.name !== 'ThreadControllerImpl::RunTask') continue;
    if (e.ts < start.t0 || e.ts > start.t0 + span * 1000) continue;
    busyByThread.set(e.tid, (busyByThread.get(e.tid) ?? 0) + (e.dur ?? 0) / 1000);
  }
  return [...busyByThread]
    .filter(([, ms]) => ms >= 100)
    .sort((a, b) => b[1] - a[1])
    .map(([tid, ms]) => `  ${ms.toFixed(0).padStart(6)} ms  ${names.get(tid) ?? tid}`);
}

/**
 * The sync worker's requests to the server in `span` ms after `start`, in
 * the order they were sent: when each was sent and finished (ms after the
 * click), its method and path. The gaps between them are the worker's own
 * work (IndexedDB reads and writes, revision trees).
 */
function requests(events: readonly TraceEvent[], start: TraceThread, span: number): string[] {
  const sent = new Map<string, { ts: number; what: string; tid: number }>();
  const done = new Map<string, number>();
  for (const e of events) {
    if (e.pid !== start.pid || e.ts < start.t0 || e.ts > start.t0 + span * 1000) continue;
    const d = e.args?.data;
    const id = d?.['requestId'];
    if (typeof id !== 'string') continue;
    if (e.name === 'ResourceSendRequest' && /\/couch\//.test(String(d?.['url'] ?? '')))
      sent.set(id, {
        ts: e.ts,
        tid: e.tid,
        what: `${String(d?.['requestMethod'] ?? '')} ${String(d?.['url'])
          .replace(/^.*\/couch\/[^/?]+/, '')
          .slice(0, 70)}`,
      });
    if (e.name === 'ResourceFinish') done.set(id, e.ts);
  }
  const ms = (t: number): string => ((t - start.t0) / 1000).toFixed(0).padStart(6);
  return [...sent]
    .sort((a, b) => a[1].ts - b[1].ts)
    .map(([id, r]) => {
      const end = done.get(id);
      return `  ${ms(r.ts)} → ${end === undefined ? '     ?' : ms(end)}  ${r.what}`;
    });
}

/** The page's dedicated worker threads (the sync worker's among them). */
function workerThreads(events: readonly TraceEvent[], pid: number): number[] {
  return events
    .filter(
      (e) =>
        e.pid === pid &&
        e.ph === 'M' &&
        e.name === 'thread_name' &&
        /DedicatedWorker/.test(String(e.args?.name ?? '')),
    )
    .map((e) => e.tid);
}

async function main(): Promise<void> {
  const over = Number(argValue('--over') ?? 50);
  const given = argValue('--dist');
  const dist =
    given ??
    (await buildApp('diptych-trace-', [], { minify: !process.argv.includes('--unminified') }));
  const app = await serveStatic(dist);
  const server = await startServerProcess({ cors: new URL(app.url).origin });
  const browser = await launchChromium();
  try {
    const admin = new CouchAdmin(server.couchUrl, TEST_ADMIN);
    await admin.addUser(READER.name, READER.password);
    await seedPrivateLayer(server.couchUrl, READER, spreadAnnotations(COUNT));
    const context = await newDevice(browser);
    const page = await context.newPage();
    await openReader(page, app.url);
    await fillSignIn(page, server.url, READER);
    const tracing = !process.argv.includes('--no-trace');
    await page.evaluate(() => {
      const w = window as unknown as { __tasks: number[] };
      w.__tasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__tasks.push(e.duration);
      }).observe({ type: 'longtask' });
    });
    if (tracing) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    const clicked = await clickSignIn(page);
    const shown = await allShown(page, COUNT);
    await waitForStatus(page, /^Synced\.$/);
    await waitForSaveTried(page);
    const saved = await page.evaluate(() => performance.now());
    const tasks = await page.evaluate(() => (window as unknown as { __tasks: number[] }).__tasks);
    console.log(
      `shown ${(shown - clicked).toFixed(0)} ms after Sign in; save tried ${(saved - clicked).toFixed(0)} ms after; longest task ${Math.max(0, ...tasks).toFixed(0)} ms; ${tasks.filter((t) => t > 100).length} tasks over 100 ms`,
    );
    if (!tracing) {
      await context.close();
      return;
    }
    const buffer = await browser.stopTracing();
    const out = argValue('--out');
    if (out) writeFileSync(out, buffer);
    const { traceEvents } = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] };
    const start = threadOfMark(traceEvents, 'diptych-sign-in');
    console.log(busy(traceEvents, start, saved - clicked));
    console.log('threads of the page busy in that span (top-level tasks):');
    for (const line of threads(traceEvents, start, saved - clicked)) console.log(line);
    // Where the main thread's time went over the whole span, not only in its long tasks.
    console.log('the whole span, sampled:');
    for (const line of selfTimes(
      traceEvents,
      start.pid,
      start.tid,
    )(start.t0, start.t0 + (saved - clicked) * 1000))
      console.log(line);
    for (const tid of workerThreads(traceEvents, start.pid)) {
      console.log(`dedicated worker thread ${tid}, the whole span, sampled:`);
      for (const line of selfTimes(
        traceEvents,
        start.pid,
        tid,
      )(start.t0, start.t0 + (saved - clicked) * 1000))
        console.log(line);
    }
    console.log('requests to the server (ms after Sign in: sent → finished):');
    for (const line of requests(traceEvents, start, saved - clicked)) console.log(line);
    for (const line of longTaskReport(traceEvents, start, over)) console.log(line);
    await context.close();
  } finally {
    await browser.close();
    await server.dispose();
    await app.close();
    if (!given) rmSync(dist, { recursive: true, force: true });
  }
}

await main();
