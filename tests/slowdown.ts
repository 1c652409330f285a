/**
 * Time limits that scale with the machine's load. The suite's limits are
 * set for an idle 2-core machine; on a loaded one (other builds, other test
 * runs) everything takes longer, and a fixed limit turns slowness into
 * failures. So every limit is `scaled(ms)`: the idle figure times the
 * slowdown this run expects.
 *
 * The slowdown is measured once, when the vitest config loads, from the
 * 1-minute load average plus the load the run itself is about to add (its
 * workers, each with a browser: `RUN_LOAD`): (load + run's load) / cores,
 * between 1 and `MAX_SLOWDOWN` (2× on an idle 2-core machine, 7× at
 * load 10). The run's own share counts because an "idle" run is not idle once
 * it starts: with three workers on two cores, a Chicago engine build that
 * takes 3 s alone overran a 5 s limit. It is passed to the test workers in
 * `DIPTYCH_TEST_SLOWDOWN`, so the config and every worker agree; set that
 * variable yourself to override it. A load average is a coarse forecast
 * (it lags, and load can rise during the run); it is a multiplier on
 * limits, never a reason to wait, so an idle run is no slower for it.
 *
 * Not for: making a slow test pass. A limit that trips on an idle machine
 * is a bug in the test or the app.
 */
import { availableParallelism, loadavg } from 'node:os';

/**
 * How many test files the run works on at once: one more than the cores
 * (vite.config.ts), unless `DIPTYCH_TEST_WORKERS` says otherwise (for
 * measuring). A browser test keeps its worker waiting on the page part of the
 * time, so one worker per core left cores unused. Two more than the cores was
 * faster when the run was not CPU-bound (2026-12-01: 405 CPU-seconds; 448 s
 * against 496 s with one more), but the suite has since grown into a run that
 * keeps both cores busy from start to end (an idle run of 87d1bb6 with four
 * workers: 991 CPU-seconds in 505 s, over the budget), and a fourth file at a
 * time then only adds contention and a fourth Chromium (one per worker,
 * tests/e2e/global-setup.ts): the same clone with three workers took 451 s
 * (853 CPU-s, load 0.8 at the start), and with four right after 596 s (899 CPU-s,
 * load 8.6 at the start, others' jobs on the machine in both).
 */
export const RUN_WORKERS =
  Number(process.env.DIPTYCH_TEST_WORKERS) > 0
    ? Math.floor(Number(process.env.DIPTYCH_TEST_WORKERS))
    : availableParallelism() + 1;

/**
 * The load the run itself adds, for the time limits (`measureSlowdown`): its workers, their
 * browser pages, the app's build and the servers some tests start. Runs on two cores keep the
 * load average at 8-11 whatever the number of workers, so this stays at two more than the
 * cores (the limits are as they were with four workers), not the number of workers.
 */
const RUN_LOAD = availableParallelism() + 2;

/** The largest slowdown we allow for, so a hung test still fails in bounded time. */
export const MAX_SLOWDOWN = 10;

/** The environment variable carrying the slowdown to the workers. */
export const SLOWDOWN_VARIABLE = 'DIPTYCH_TEST_SLOWDOWN';

/** The slowdown from the environment, else from the load average now. */
export function measureSlowdown(env: NodeJS.ProcessEnv = process.env): number {
  const given = Number(env[SLOWDOWN_VARIABLE]);
  if (Number.isFinite(given) && given >= 1) return Math.min(given, MAX_SLOWDOWN);
  const expected = (loadavg()[0]! + RUN_LOAD) / availableParallelism();
  return Math.min(MAX_SLOWDOWN, Math.max(1, Math.round(expected * 10) / 10));
}

/** This run's slowdown (1 on an idle machine). */
export const SLOWDOWN = measureSlowdown();

/** A time limit set for an idle machine, scaled for this run. */
export function scaled(ms: number): number {
  return Math.round(ms * SLOWDOWN);
}
