/**
 * A profiling aid for the 10,000-annotation load (issue 15; the figures
 * themselves are `npm run bench annotations-sidebar`): loads the production
 * build with the bench's stored set under a Chromium trace, then lists every
 * main-thread task longer than a threshold with what ran inside it — the
 * trace events longer than a few ms (script, style, layout, paint, GC…) and
 * the functions the CPU sampler found most often (self time).
 *
 *   npx tsx bench/trace-annotations-load.ts [--dist DIR] [--unminified] [--over 50] [--out trace.json]
 *   npx tsx bench/trace-annotations-load.ts --trace trace.json [--over 50]
 *
 * `--dist` reuses a build; otherwise one is made (`--unminified` keeps the
 * function names readable, at some cost to parse time). Not part of
 * `npm run bench`: it prints causes, not figures.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { buildApp } from '../tests/e2e/helpers/build-app.ts';
import { launchChromium } from '../tests/e2e/helpers/chromium.ts';
import { serveStatic } from '../tests/e2e/helpers/static-server.ts';
import { waitForAnnotationsReady } from './helpers/annotations-ready.ts';
import { seedLocalStorage } from './helpers/seed-storage.ts';
import { spreadAnnotations, storedEntries } from './helpers/spread-annotations.ts';
import { argValue } from './helpers/arg-value.ts';
import {
  longTaskReport,
  mainThreadOf,
  TRACE_CATEGORIES,
  type TraceEvent,
} from './helpers/trace-tasks.ts';

const COUNT = 10_000;

/** Lists the long tasks of the app's main thread in a trace of its load. */
function analyse(traceEvents: readonly TraceEvent[], over: number, ready: number | null): void {
  if (ready !== null) console.log(`ready ${ready.toFixed(0)} ms after navigation`);
  // The app's renderer: the navigation to the server's root (not the blank page that stored the set).
  const thread = mainThreadOf(traceEvents, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  for (const line of longTaskReport(traceEvents, thread, over)) console.log(line);
}

async function main(): Promise<void> {
  const over = Number(argValue('--over') ?? 50);
  const saved = argValue('--trace');
  if (saved) {
    const { traceEvents } = JSON.parse(readFileSync(saved, 'utf8')) as {
      traceEvents: TraceEvent[];
    };
    analyse(traceEvents, over, null);
    return;
  }
  const given = argValue('--dist');
  const dist =
    given ??
    (await buildApp('diptych-trace-', [], { minify: !process.argv.includes('--unminified') }));
  const entries = storedEntries(spreadAnnotations(COUNT));
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await seedLocalStorage(page, server.url, entries);
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    await page.goto(server.url);
    await waitForAnnotationsReady(page, COUNT);
    const ready = await page.evaluate(() => performance.now());
    // A second more, so the tasks right after "ready" are in the trace too.
    await page.waitForTimeout(1000);
    const buffer = await browser.stopTracing();
    const out = argValue('--out');
    if (out) writeFileSync(out, buffer);
    const { traceEvents } = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] };
    analyse(traceEvents, over, ready);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
    if (!given) rmSync(dist, { recursive: true, force: true });
  }
}

await main();
