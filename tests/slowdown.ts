/**
 * Time limits that scale with the machine's load. The suite's limits are
 * set for an idle 2-core machine; on a loaded one (other builds, other test
 * runs) everything takes longer, and a fixed limit turns slowness into
 * failures. So every limit is `scaled(ms)`: the idle figure times the
 * slowdown this run expects.
 *
 * The slowdown is measured once, when the vitest config loads, from the
 * 1-minute load average plus the load the run itself is about to add (its
 * `RUN_WORKERS` workers, each with a browser): (load + workers) / cores,
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
 * How many test files the run works on at once: two more than the cores
 * (vite.config.ts). A browser test keeps its worker waiting on the page much of
 * the time, so one worker per core left an idle 2-core machine 60% unused, and
 * with one more than the cores the whole run still used only about 41% of the
 * two cores' time (fresh clone, 2026-12-01: 405 CPU-seconds in 496 s, over the
 * 8-minute budget); with two more, the same clone took 448 s, every test green.
 */
export const RUN_WORKERS = availableParallelism() + 2;

/** The largest slowdown we allow for, so a hung test still fails in bounded time. */
export const MAX_SLOWDOWN = 10;

/** The environment variable carrying the slowdown to the workers. */
export const SLOWDOWN_VARIABLE = 'DIPTYCH_TEST_SLOWDOWN';

/** The slowdown from the environment, else from the load average now. */
export function measureSlowdown(env: NodeJS.ProcessEnv = process.env): number {
  const given = Number(env[SLOWDOWN_VARIABLE]);
  if (Number.isFinite(given) && given >= 1) return Math.min(given, MAX_SLOWDOWN);
  const expected = (loadavg()[0]! + RUN_WORKERS) / availableParallelism();
  return Math.min(MAX_SLOWDOWN, Math.max(1, Math.round(expected * 10) / 10));
}

/** This run's slowdown (1 on an idle machine). */
export const SLOWDOWN = measureSlowdown();

/** A time limit set for an idle machine, scaled for this run. */
export function scaled(ms: number): number {
  return Math.round(ms * SLOWDOWN);
}
