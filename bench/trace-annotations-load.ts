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
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { ANNOTATIONS_KEY } from '../annotations/storage/envelope.ts';
import { REPO_ROOT } from '../tests/e2e/helpers/build-app.ts';
import { launchChromium } from '../tests/e2e/helpers/chromium.ts';
import { serveStatic } from '../tests/e2e/helpers/static-server.ts';
import { waitForAnnotationsReady } from './helpers/annotations-ready.ts';
import { analyse, CATEGORIES, type TraceEvent } from './helpers/trace-tasks.ts';
import { spreadAnnotations, storedForm } from './helpers/spread-annotations.ts';

const COUNT = 10_000;

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

async function buildDist(minify: boolean): Promise<string> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'diptych-trace-'));
  process.env['NODE_ENV'] = 'production';
  await build({
    configFile: path.join(REPO_ROOT, 'vite.config.ts'),
    mode: 'production',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, minify },
  });
  return outDir;
}

async function main(): Promise<void> {
  const over = Number(arg('--over') ?? 50);
  const saved = arg('--trace');
  if (saved) {
    const { traceEvents } = JSON.parse(readFileSync(saved, 'utf8')) as {
      traceEvents: TraceEvent[];
    };
    analyse(traceEvents, over, null);
    return;
  }
  const given = arg('--dist');
  const dist = given ?? (await buildDist(!process.argv.includes('--unminified')));
  const raw = storedForm(spreadAnnotations(COUNT));
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}favicon-missing`).catch(() => undefined);
    await page.evaluate(([k, v]) => localStorage.setItem(k!, v!), [ANNOTATIONS_KEY, raw]);
    await browser.startTracing(page, { categories: CATEGORIES });
    await page.goto(server.url);
    await waitForAnnotationsReady(page, COUNT);
    const ready = await page.evaluate(() => performance.now());
    // A second more, so the tasks right after "ready" are in the trace too.
    await page.waitForTimeout(1000);
    const buffer = await browser.stopTracing();
    const out = arg('--out');
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
