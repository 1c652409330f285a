/**
 * Reading a Chromium trace (devtools.timeline and the V8 CPU sampler) for
 * the long tasks of one thread, with what ran inside each: the trace events
 * longer than a few ms (script, style, layout, paint, GC…) and the
 * functions the sampler found most often (self and inclusive time). The
 * profiling aids (`bench/trace-*.ts`) print it; they give causes, not
 * figures.
 */

/** One trace event (only the fields read here). */
export interface TraceEvent {
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

/** The categories a trace needs for `longTaskReport`. */
export const TRACE_CATEGORIES = [
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
export function selfTimes(events: readonly TraceEvent[], pid: number, tid: number) {
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

/** Where to look: the thread, and the time (µs, trace clock) the report counts from. */
export interface TraceThread {
  readonly pid: number;
  readonly tid: number;
  readonly t0: number;
}

/** The page's main thread: the renderer thread that navigated to `url` (a RegExp on its URL). */
export function mainThreadOf(events: readonly TraceEvent[], url: RegExp): TraceThread {
  const nav = events.find(
    (e) =>
      e.name === 'navigationStart' && url.test(String(e.args?.data?.['documentLoaderURL'] ?? '')),
  );
  if (!nav) throw new Error(`no navigationStart for ${url} in the trace`);
  return { pid: nav.pid, tid: nav.tid, t0: nav.ts };
}

/**
 * Lines describing every task of `thread` longer than `over` ms that starts after `thread.t0`:
 * its start (ms after t0) and length, the events inside it, and the sampled functions.
 */
export function longTaskReport(
  events: readonly TraceEvent[],
  thread: TraceThread,
  over: number,
): string[] {
  const { pid, tid, t0 } = thread;
  const mine = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X');
  const tasks = mine
    .filter((e) => e.name === 'RunTask' && e.ts >= t0 && (e.dur ?? 0) / 1000 > over)
    .sort((a, b) => a.ts - b.ts);
  const self = selfTimes(events, pid, tid);
  const lines = [`${tasks.length} main-thread tasks over ${over} ms:`];
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    lines.push(
      '',
      `@${((task.ts - t0) / 1000).toFixed(0)} ms  task ${((task.dur ?? 0) / 1000).toFixed(0)} ms`,
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
      lines.push(
        `    +${((e.ts - task.ts) / 1000).toFixed(0).padStart(4)} ${((e.dur ?? 0) / 1000).toFixed(1).padStart(7)} ms  ${describeEvent(e)}`,
      );
    }
    lines.push(...self(task.ts, end));
  }
  return lines;
}

/** The thread that made the User Timing mark `name` (`performance.mark`), counted from the mark. */
export function threadOfMark(events: readonly TraceEvent[], name: string): TraceThread {
  const mark = events.find((e) => e.name === name && e.cat.includes('user_timing'));
  if (!mark) throw new Error(`no mark ${name} in the trace`);
  return { pid: mark.pid, tid: mark.tid, t0: mark.ts };
}
