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
import { REPO_ROOT } from '../tests/e2e/helpers/build-app.ts';
import { launchChromium } from '../tests/e2e/helpers/chromium.ts';
import { serveStatic } from '../tests/e2e/helpers/static-server.ts';
import { waitForAnnotationsReady } from './helpers/annotations-ready.ts';
import { seedLocalStorage } from './helpers/seed-storage.ts';
import { spreadAnnotations, storedEntries } from './helpers/spread-annotations.ts';

const COUNT = 10_000;

interface TraceEvent {
  readonly name: string;
  readonly cat: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly id?: string;
  readonly args?: Record<string, unknown> & {
    data?: Record<string, unknown> & { cpuProfile?: CpuProfileChunk; timeDeltas?: number[] };
    name?: string;
  };
}

interface CpuProfileChunk {
  readonly nodes?: {
    id: number;
    parent?: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  }[];
  readonly samples?: number[];
}

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

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'toplevel',
  'blink.user_timing',
  'loading',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
  'disabled-by-default-v8.gc',
];

const short = (url: unknown): string =>
  typeof url === 'string' ? url.replace(/^https?:\/\/[^/]+\//, '').slice(0, 60) : '';

function describeEvent(e: TraceEvent): string {
  const d = e.args?.data ?? {};
  const bits = [e.name];
  if (d['functionName']) bits.push(String(d['functionName']));
  if (d['url']) bits.push(`${short(d['url'])}:${String(d['lineNumber'] ?? '')}`);
  if (d['type'] && typeof d['type'] === 'string') bits.push(d['type']);
  if (e.name === 'Layout' && e.args?.['beginData']) {
    const b = e.args['beginData'] as { dirtyObjects?: number; totalObjects?: number };
    bits.push(`dirty ${b.dirtyObjects}/${b.totalObjects}`);
  }
  return bits.join(' ');
}

/** Samples by the function on top of the stack, within [from, to] (µs). */
function selfTimes(events: readonly TraceEvent[], pid: number, tid: number) {
  const nodes = new Map<number, { name: string; parent?: number }>();
  const samples: { ts: number; node: number }[] = [];
  // The thread's profile (its chunks are written by the sampler's own thread): id → running time.
  const profiles = new Map<string, number>();
  for (const e of events) {
    if (e.pid !== pid) continue;
    if (e.name === 'Profile' && e.id && e.tid === tid) {
      profiles.set(e.id, (e.args?.data?.['startTime'] as number) ?? e.ts);
    }
    if (e.name !== 'ProfileChunk' || !e.id || !profiles.has(e.id)) continue;
    const data = e.args?.data;
    const cpu = data?.cpuProfile;
    for (const n of cpu?.nodes ?? []) {
      const cf = n.callFrame;
      const name = `${cf.functionName || '(anonymous)'} ${short(cf.url)}:${cf.lineNumber + 1}`;
      nodes.set(n.id, { name, ...(n.parent !== undefined ? { parent: n.parent } : {}) });
    }
    let t = profiles.get(e.id) ?? e.ts;
    const deltas = data?.timeDeltas ?? [];
    (cpu?.samples ?? []).forEach((node, i) => {
      t += deltas[i] ?? 0;
      samples.push({ ts: t, node });
    });
    profiles.set(e.id, t);
  }
  samples.sort((a, b) => a.ts - b.ts);
  return (from: number, to: number): string[] => {
    const self = new Map<string, number>();
    const inclusive = new Map<string, number>();
    let prev: number | null = null;
    for (const s of samples) {
      if (s.ts < from || s.ts > to) continue;
      const dt = prev === null ? 0 : (s.ts - prev) / 1000;
      prev = s.ts;
      const leaf = nodes.get(s.node)?.name ?? '?';
      self.set(leaf, (self.get(leaf) ?? 0) + dt);
      const seen = new Set<string>();
      for (let n: number | undefined = s.node; n !== undefined; n = nodes.get(n)?.parent) {
        const name = nodes.get(n)?.name;
        if (!name || seen.has(name) || !/assets\//.test(name)) continue;
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + dt);
      }
    }
    const top = (m: Map<string, number>, k: number) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, k)
        .filter(([, ms]) => ms >= 2)
        .map(([name, ms]) => `${ms.toFixed(0).padStart(5)} ms  ${name}`);
    return [
      '    self:',
      ...top(self, 8).map((l) => `      ${l}`),
      '    inclusive (app code):',
      ...top(inclusive, 10).map((l) => `      ${l}`),
    ];
  };
}

/** Lists the long tasks of the app's main thread in a trace of its load. */
function analyse(traceEvents: readonly TraceEvent[], over: number, ready: number | null): void {
  // The app's renderer: the navigation to the server's root (not the blank page that stored the set).
  const nav = traceEvents.find(
    (e) =>
      e.name === 'navigationStart' &&
      /^http:\/\/127\.0\.0\.1:\d+\/$/.test(String(e.args?.data?.['documentLoaderURL'] ?? '')),
  );
  if (!nav) throw new Error('no navigationStart for the app in the trace');
  const { pid, tid } = nav;
  const t0 = nav.ts;
  const mine = traceEvents.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X');
  const tasks = mine
    .filter((e) => e.name === 'RunTask' && e.ts >= t0 && (e.dur ?? 0) / 1000 > over)
    .sort((a, b) => a.ts - b.ts);
  const self = selfTimes(traceEvents, pid, tid);
  console.log(
    `${ready === null ? '' : `ready ${ready.toFixed(0)} ms after navigation; `}${tasks.length} main-thread tasks over ${over} ms:`,
  );
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    console.log(
      `\n@${((task.ts - t0) / 1000).toFixed(0)} ms  task ${((task.dur ?? 0) / 1000).toFixed(0)} ms`,
    );
    const inside = mine
      .filter(
        (e) =>
          e !== task &&
          e.ts >= task.ts &&
          e.ts + (e.dur ?? 0) <= end &&
          (e.dur ?? 0) >= 3000 &&
          !/^(ThreadControllerImpl::RunTask|RunTask|v8\.callFunction|V8\.GC_.*|V8\.HandleInterrupts|V8\.BytecodeBudgetInterrupt.*)$/.test(
            e.name,
          ),
      )
      .sort((a, b) => a.ts - b.ts);
    for (const e of inside.slice(0, 14)) {
      console.log(
        `    +${((e.ts - task.ts) / 1000).toFixed(0).padStart(4)} ${((e.dur ?? 0) / 1000).toFixed(1).padStart(7)} ms  ${describeEvent(e)}`,
      );
    }
    for (const line of self(task.ts, end)) console.log(line);
  }
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
  const entries = storedEntries(spreadAnnotations(COUNT));
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await seedLocalStorage(page, server.url, entries);
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
