/**
 * Keeps tests/file-durations.json (tests/sequencer.ts's order when the
 * checkout has no vitest cache) up to date: a vitest reporter that, when a run
 * ends, records how long each file that passed took, in seconds, by path from
 * the repository root.
 *
 * `npx vitest run --reporter=default --reporter=./tests/record-file-durations.ts [files…]`
 *
 * A run of some files updates their figures and keeps the others' (a file no
 * longer on disk is dropped); a file that failed keeps its old figure, since a
 * failure can end a file early. Files under a second are left out, as the
 * sequencer's size guess orders them well enough.
 *
 * What a file's duration is: the whole time its worker spent on it — the
 * environment and runner set-up vitest charges to it, the setup files, the
 * import, and every test and hook (`TestModule.diagnostic()`) — less the time
 * it waited for the run's build of the app (tests/e2e/wait-for-build.ts
 * records it), which is the build's cost, not the file's: otherwise the first
 * browser files of a run would be recorded long for having started first.
 *
 * Why not vitest's JSON report, which this used to read: its per-file times
 * span the first test's start to the last test's end, which leaves out the
 * import and the `beforeAll`/`afterAll` hooks. The sync browser files spend most
 * of their time there (servers and several readers started in `beforeAll`), so
 * they were recorded short and started too late.
 *
 * Not for: vitest's own cache of durations (the sequencer's first choice),
 * which vitest writes itself.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ModuleDiagnostic, Reporter, TestModule, TestRunEndReason, Vitest } from 'vitest/node';

/** What the recording needs of one test file of the run (a `TestModule`, narrowed). */
export interface FileTiming {
  /** Path from the repository root, the key of tests/file-durations.json. */
  readonly file: string;
  /** Only a file that passed is recorded: a failure can end it early. */
  readonly passed: boolean;
  /** vitest's per-file timings, in milliseconds. */
  readonly diagnostic: Pick<
    ModuleDiagnostic,
    | 'environmentSetupDuration'
    | 'prepareDuration'
    | 'setupDuration'
    | 'collectDuration'
    | 'duration'
  >;
  /** Milliseconds the file waited for the run's build of the app (0 for unit files). */
  readonly buildWaitMs: number;
}

/** Files that took less than this (seconds) are not recorded. */
export const MIN_RECORDED_SECONDS = 1;

/** The whole time (ms) a file held its worker, less its wait for the build. */
export function wholeMilliseconds(timing: FileTiming): number {
  const d = timing.diagnostic;
  const whole =
    d.environmentSetupDuration +
    d.prepareDuration +
    d.setupDuration +
    d.collectDuration +
    d.duration;
  return Math.max(0, whole - timing.buildWaitMs);
}

/**
 * The new content of tests/file-durations.json: `previous` with the figures
 * of the files that passed in this run replaced, those no longer on disk
 * (`exists`) dropped, longest first. Pure: reads nothing, writes nothing.
 */
export function recordFileDurations(
  previous: Readonly<Record<string, number>>,
  timings: readonly FileTiming[],
  exists: (file: string) => boolean,
): Record<string, number> {
  const seconds = new Map(Object.entries(previous).filter(([file]) => exists(file)));
  for (const timing of timings) {
    if (!timing.passed) continue;
    const s = Math.round(wholeMilliseconds(timing) / 100) / 10;
    if (s >= MIN_RECORDED_SECONDS) seconds.set(timing.file, s);
    else seconds.delete(timing.file);
  }
  return Object.fromEntries([...seconds].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}

/** Options of the reporter (vitest passes a reporter's options to its constructor). */
export interface FileDurationsOptions {
  /** The file to rewrite (default tests/file-durations.json); the unit test writes elsewhere. */
  readonly outputFile?: string;
}

/** The vitest reporter: rewrites the durations file when a run ends. */
export default class FileDurationsReporter implements Reporter {
  private root = '';
  private readonly outputFile: string;

  constructor(options: FileDurationsOptions = {}) {
    this.outputFile =
      options.outputFile ?? new URL('./file-durations.json', import.meta.url).pathname;
  }

  onInit(vitest: Vitest): void {
    this.root = vitest.config.root;
  }

  onTestRunEnd(modules: readonly TestModule[], _errors: unknown, reason: TestRunEndReason): void {
    // An interrupted run's files did not all finish: their figures would be too short.
    if (reason === 'interrupted') return;
    const previous = existsSync(this.outputFile)
      ? (JSON.parse(readFileSync(this.outputFile, 'utf8')) as Record<string, number>)
      : {};
    const timings = modules.map((m): FileTiming => ({
      file: relative(this.root, m.moduleId),
      passed: m.state() === 'passed',
      diagnostic: m.diagnostic(),
      buildWaitMs: m.meta().buildWaitMs ?? 0,
    }));
    const next = recordFileDurations(previous, timings, (file) =>
      existsSync(join(this.root, file)),
    );
    writeFileSync(this.outputFile, `${JSON.stringify(next, null, 2)}\n`);
  }
}
