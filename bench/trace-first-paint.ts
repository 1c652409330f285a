/**
 * A profiling aid for the first paint (issue 15; the figures themselves are
 * `npm run bench reader`): loads the bench's static page and the production
 * reader (or any other pages of the build), each in a fresh context under a
 * Chromium trace as the bench does, and prints where the time to the first
 * paragraph's paint goes: when the HTML arrived and was parsed, the
 * main-thread style, layout and paint passes before the first frame (wall
 * and CPU time: on a loaded machine the CPU time is the steadier figure),
 * the raster work on the compositor's workers, the requests made before
 * the paint, and when the frame that painted it was committed, rastered
 * (activated) and presented (`frame …` rows: which stage grew). Medians over
 * the runs.
 *
 *   npx tsx bench/trace-first-paint.ts [--dist DIR] [--runs 3] [--out prefix] [--self] [page.html …]
 *
 * `--self` adds each main-thread trace event's self CPU time (its thread
 * time less its children's) up to the first paragraph's paint, one row per
 * event name with a median of at least 0.5 ms on some page: the rows name
 * what inside "style" or "layout" costs (`Document::recalcStyle`,
 * `InlineNode::ShapeTextIncludingFirstLine`…), more so with
 * `TRACE_EXTRA=blink,disabled-by-default-blink.debug,fonts`. With
 * `TRACE_EXTRA=disabled-by-default-skia` the raster rows add the first frame's text and
 * rectangle drawing (`raster text cpu`, `raster rect cpu`).
 *
 * `--dist` reuses a build (the static page is written into it as
 * `static.html`); otherwise one is made. Pages default to `static.html` and
 * the reader (`index.html`). Not part of `npm run bench`: it prints causes,
 * not figures.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { builtinEditions } from '../sources/builtin.ts';
import { buildApp } from '../tests/e2e/helpers/build-app.ts';
import { launchChromium } from '../tests/e2e/helpers/chromium.ts';
import { serveStatic } from '../tests/e2e/helpers/static-server.ts';
import { staticPage } from './reader.ts';
import { argValue } from './helpers/arg-value.ts';

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: Record<string, unknown> & { data?: Record<string, unknown> };
  readonly cat?: string;
  readonly id?: string;
  readonly id2?: { readonly local?: string; readonly global?: string };
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'toplevel',
  'loading',
  'blink.user_timing',
  'v8.execute',
  'cc',
  ...(process.env['TRACE_EXTRA'] ? process.env['TRACE_EXTRA'].split(',') : []),
];

/** The main-thread passes that are summed; everything else is "other". */
const KINDS: Record<string, string> = {
  ParseHTML: 'parse',
  ParseAuthorStyleSheet: 'style',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  Commit: 'paint',
  EvaluateScript: 'script',
  'v8.compileModule': 'script',
  'v8.evaluateModule': 'script',
  FunctionCall: 'script',
  FireAnimationFrame: 'script',
};

/** One load's figures, ms from navigation start. */
interface Breakdown {
  readonly [figure: string]: number;
}

/** Where the time to the first paragraph's paint went in one trace. */
function analyse(
  events: readonly TraceEvent[],
  paintedAt: number,
  verbose: boolean,
  self = false,
): Breakdown {
  const nav = events.find(
    (e) =>
      e.name === 'navigationStart' &&
      /^http:\/\/127\.0\.0\.1:\d+\//.test(String(e.args?.data?.['documentLoaderURL'] ?? '')),
  );
  if (!nav) throw new Error('no navigationStart in the trace');
  const { pid, tid } = nav;
  const t0 = nav.ts;
  const end = t0 + paintedAt * 1000;
  const at = (e: TraceEvent | undefined): number => (e ? (e.ts - t0) / 1000 : NaN);
  const mine = events.filter((e) => e.pid === pid && e.ts >= t0 && e.ts <= end);
  const main = mine.filter((e) => e.tid === tid).sort((a, b) => a.ts - b.ts);
  const out: Record<string, number> = {};
  out['request'] = at(main.find((e) => e.name === 'ResourceSendRequest'));
  out['parse start'] = at(
    main.find((e) => e.name === 'ParseHTML' && e.ts > t0 + 1000 * out['request']!),
  );
  const parses = main.filter((e) => e.name === 'ParseHTML');
  const lastParse = parses[parses.length - 1];
  out['parse end'] = lastParse ? at(lastParse) + (lastParse.dur ?? 0) / 1000 : NaN;
  out['load event'] = at(main.find((e) => e.name === 'loadEventStart'));
  // The main-thread Paint that produced the frame: the last one before the presentation.
  const paints = main.filter((e) => e.name === 'Paint' && e.ph === 'X');
  const paint =
    paints.find((p) =>
      main.some(
        (e) =>
          e.name === 'PaintTimingVisualizer::LayoutObjectPainted' &&
          e.ts >= p.ts &&
          e.ts <= p.ts + (p.dur ?? 0),
      ),
    ) ?? paints[paints.length - 1];
  const paintEnd = paint ? paint.ts + (paint.dur ?? 0) : end;
  out['paint end'] = (paintEnd - t0) / 1000;
  out['painted'] = paintedAt;
  for (const e of main) {
    const kind = KINDS[e.name];
    if (e.ph !== 'X' || !kind || e.ts > paintEnd) continue;
    out[`${kind} wall`] = (out[`${kind} wall`] ?? 0) + (e.dur ?? 0) / 1000;
    out[`${kind} cpu`] = (out[`${kind} cpu`] ?? 0) + (e.tdur ?? 0) / 1000;
    if (e.name === 'Layout') out['layouts'] = (out['layouts'] ?? 0) + 1;
  }
  out['main cpu'] = main
    .filter(
      (e) =>
        e.name === 'RunTask' &&
        e.ph === 'X' &&
        e.ts <= paintEnd &&
        e.ts >= t0 + 1000 * out['request']!,
    )
    .reduce((s, e) => s + (e.tdur ?? 0) / 1000, 0);
  Object.assign(out, frameStages(events, pid, t0, paintedAt));
  const raster = mine.filter((e) => e.name === 'RasterTask' && e.ts >= paintEnd);
  out['raster cpu'] = raster.reduce((s, e) => s + (e.tdur ?? 0) / 1000, 0);
  out['raster tiles'] = raster.length;
  // With TRACE_EXTRA=disabled-by-default-skia: the raster CPU of the tiles' text (glyphs drawn,
  // and rasterized the first time a strike draws them) and of their rectangles (backgrounds).
  const skia = mine.filter((e) => e.ph === 'X' && e.name.startsWith('void SkCanvas::draw'));
  if (skia.length) {
    const within = (e: TraceEvent): boolean =>
      raster.some(
        (r) => r.tid === e.tid && e.ts >= r.ts && e.ts + (e.dur ?? 0) <= r.ts + (r.dur ?? 0),
      );
    const drawn = skia.filter(within);
    const sum = (pattern: RegExp): number =>
      drawn.filter((e) => pattern.test(e.name)).reduce((s, e) => s + (e.tdur ?? 0) / 1000, 0);
    out['raster text cpu'] = sum(/drawTextBlob/);
    out['raster rect cpu'] = sum(/drawRect\(/);
  }
  if (self) Object.assign(out, selfCpu(main, t0 + 1000 * out['request']!, paintEnd));
  if (verbose) {
    for (const e of main) {
      if (e.ph !== 'X' || !KINDS[e.name] || (e.dur ?? 0) < 500) continue;
      const begin = e.args?.['beginData'] as Record<string, unknown> | undefined;
      const detail =
        e.name === 'Layout' && begin
          ? ` ${String(begin['dirtyObjects'])}/${String(begin['totalObjects'])} objects`
          : e.name === 'UpdateLayoutTree'
            ? ` ${String(e.args?.['elementCount'] ?? '?')} elements`
            : '';
      console.log(
        `    @${at(e).toFixed(1).padStart(6)} ${((e.dur ?? 0) / 1000).toFixed(1).padStart(6)} ms (cpu ${((e.tdur ?? 0) / 1000).toFixed(1)}) ${e.name}${detail}`,
      );
    }
    for (const e of main.filter((e) => e.name === 'ResourceSendRequest'))
      console.log(
        `    @${at(e).toFixed(1).padStart(6)} request ${String(e.args?.data?.['url']).replace(/^https?:\/\/[^/]+\//, '')}`,
      );
  }
  return out;
}

/**
 * When the presented frame that holds the first paragraph reached each step of the compositor's
 * pipeline (ms from navigation start), from the renderer's `PipelineReporter` and its stages:
 * `frame commit` (the main thread's work handed to the compositor), `frame activated` (its tiles
 * rastered), `frame submitted` and `frame presented` (drawn by the display compositor). The
 * differences say which part of the wall time to the paint grew: the main thread, raster, or the
 * display. NaN when the trace lacks them.
 */
function frameStages(
  events: readonly TraceEvent[],
  pid: number,
  t0: number,
  paintedAt: number,
): Record<string, number> {
  // Async stage events come in b/e pairs keyed by id and name, in order.
  const open = new Map<string, TraceEvent[]>();
  const spans: { key: string; name: string; begin: number; end: number; state?: unknown }[] = [];
  const staged = events
    .filter(
      (e) =>
        e.pid === pid &&
        (e.ph === 'b' || e.ph === 'e') &&
        (e.cat ?? '').includes('devtools.timeline.frame'),
    )
    .sort((a, b) => a.ts - b.ts);
  for (const e of staged) {
    const key = String(e.id2?.local ?? e.id2?.global ?? e.id ?? '');
    const k = `${key} ${e.name}`;
    if (e.ph === 'b') open.set(k, [...(open.get(k) ?? []), e]);
    else {
      const b = open.get(k)?.shift();
      if (!b) continue;
      const reporter = b.args?.['frame_reporter'] as Record<string, unknown> | undefined;
      spans.push({ key, name: e.name, begin: b.ts, end: e.ts, state: reporter?.['state'] });
    }
  }
  const at = (ts: number | undefined): number => (ts === undefined ? NaN : (ts - t0) / 1000);
  // The presented reporter ending nearest the paint (Element Timing's time is coarsened), the
  // longest of those: the one that began with the first main frame.
  const reporters = spans
    .filter(
      (s) => s.name === 'PipelineReporter' && s.state === 'STATE_PRESENTED_ALL' && s.begin >= t0,
    )
    .map((s) => ({ s, off: Math.abs(at(s.end) - paintedAt) }));
  const nearest = Math.min(...reporters.map((r) => r.off));
  const frame = reporters
    .filter((r) => r.off <= nearest + 0.5)
    .sort((a, b) => a.s.begin - b.s.begin)[0]?.s;
  const stage = (name: string): (typeof spans)[number] | undefined =>
    frame &&
    spans
      .filter(
        (s) =>
          s.key === frame.key && s.name === name && s.begin >= frame.begin && s.end <= frame.end,
      )
      .sort((a, b) => a.begin - b.begin)[0];
  return {
    'frame commit': at(stage('SendBeginMainFrameToCommit')?.end),
    'frame activated': at(stage('EndCommitToActivation')?.end),
    'frame submitted': at(stage('SubmitCompositorFrameToPresentationCompositorFrame')?.begin),
    'frame presented': at(frame?.end),
  };
}

/**
 * Self CPU time (ms) of each complete main-thread event between `from` and
 * `to` (trace µs), keyed `self <name>`: an event's thread time less that of
 * the events nested in it, so a row is the work of that step alone.
 */
function selfCpu(main: readonly TraceEvent[], from: number, to: number): Record<string, number> {
  const spans = main
    .filter((e) => e.ph === 'X' && e.ts >= from && e.ts <= to)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const out: Record<string, number> = {};
  const open: TraceEvent[] = [];
  for (const e of spans) {
    while (open.length && open[open.length - 1]!.ts + (open[open.length - 1]!.dur ?? 0) <= e.ts)
      open.pop();
    const cpu = (e.tdur ?? 0) / 1000;
    out[`self ${e.name}`] = (out[`self ${e.name}`] ?? 0) + cpu;
    const parent = open[open.length - 1];
    if (parent) out[`self ${parent.name}`] = (out[`self ${parent.name}`] ?? 0) - cpu;
    open.push(e);
  }
  return out;
}

// Rejects after 10 s: a page whose first paragraph never paints (a copy that hides it) would
// otherwise hold the run, and the heavy lock, for good.
const PROBE = `new Promise((resolve, reject) => {
  setTimeout(() => reject(new Error('the first paragraph was not painted within 10 s')), 10000);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.identifier === 'first-paragraph') resolve(e.renderTime || e.startTime);
  }).observe({ type: 'element', buffered: true });
})`;

async function traced(
  browser: Browser,
  url: string,
  verbose: boolean,
  out?: string,
  self = false,
): Promise<Breakdown> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await browser.startTracing(page, { categories: CATEGORIES });
  await page.goto(url, { waitUntil: 'load' });
  const painted = (await page.evaluate(PROBE)) as number;
  await page.waitForTimeout(200);
  const buffer = await browser.stopTracing();
  if (out) writeFileSync(out, buffer);
  await context.close();
  const { traceEvents } = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] };
  return analyse(traceEvents, painted, verbose, self);
}

const median = (xs: number[]): number => {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function main(): Promise<void> {
  const given = argValue('--dist');
  const dist = given ?? (await buildApp('diptych-trace-'));
  writeFileSync(path.join(dist, 'static.html'), staticPage(builtinEditions()));
  const runs = Number(argValue('--runs') ?? 3);
  const out = argValue('--out');
  const verbose = process.argv.includes('--verbose');
  const self = process.argv.includes('--self');
  const flagsWithValue = new Set(['--dist', '--runs', '--out']);
  const named = process.argv
    .slice(2)
    .filter((a, i, all) => !a.startsWith('--') && !flagsWithValue.has(all[i - 1] ?? ''));
  const pages = named.length ? named : ['static.html', ''];
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  const results = new Map<string, Breakdown[]>();
  try {
    // Warm-up, as the bench does.
    for (const p of pages) {
      const c = await browser.newContext();
      await (await c.newPage()).goto(`${server.url}${p}`, { waitUntil: 'load' });
      await c.close();
    }
    for (let i = 0; i < runs; i++) {
      for (const p of pages) {
        if (verbose) console.log(`  ${p || 'index.html'} #${i + 1}`);
        const b = await traced(
          browser,
          `${server.url}${p}`,
          verbose,
          out && `${out}-${p || 'index'}-${i}.json`,
          self,
        );
        results.set(p, [...(results.get(p) ?? []), b]);
      }
    }
  } finally {
    await browser.close();
    await server.close();
    if (!given) rmSync(dist, { recursive: true, force: true });
  }
  const medianOf = (p: string, f: string): number =>
    median((results.get(p) ?? []).map((b) => b[f] ?? 0));
  const all = [...new Set([...results.values()].flat().flatMap((b) => Object.keys(b)))];
  const costliest = (f: string): number => Math.max(...pages.map((p) => medianOf(p, f)));
  // Self rows: only the steps that cost something on some page, the costliest first.
  const figures = [
    ...all.filter((f) => !f.startsWith('self ')),
    ...all
      .filter((f) => f.startsWith('self ') && costliest(f) >= 0.5)
      .sort((a, b) => costliest(b) - costliest(a)),
  ];
  console.log(
    `medians of ${runs} traced cold loads (ms from navigation start; cpu = thread time):`,
  );
  // Labels up to 40 characters (trace event names run long), padded to the longest.
  const label = Math.max(...figures.map((f) => Math.min(f.length, 40))) + 1;
  console.log(
    `${''.padEnd(label)}${pages.map((p) => (p || 'index.html').slice(0, 18).padStart(19)).join('')}`,
  );
  for (const f of figures) {
    console.log(
      `${f.slice(0, 40).padEnd(label)}${pages
        .map((p) => medianOf(p, f).toFixed(1).padStart(19))
        .join('')}`,
    );
  }
}

await main();
