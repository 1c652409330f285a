/**
 * The browser tests' production build, made in the background: global-setup.ts
 * starts it in a child process and returns at once, so the run's first files
 * (the long unit files, tests/sequencer.ts) use the cores the build leaves
 * idle instead of every worker waiting for it; a browser test waits for the
 * build only when it needs the app (`appBuilt` in ui.ts).
 *
 * The build says it is done by writing a result file (its warnings, or why
 * it failed) next to the output folder; the test workers, separate
 * processes, wait for that file. The file is written under a temporary name
 * and renamed, so a reader never sees half of it. The child writes its own
 * result beside it; the result file itself is written once the child has
 * exited, after a look into the temporary folder the build was given
 * (its `TMPDIR`, set by the child once tsx, whose compile cache lives in
 * the temporary folder, has started): anything the build left there is reported as a warning, so the
 * build-noise test fails on a build that litters the machine's /tmp.
 *
 * Why a child process, not `buildApp` in the runner's process: the runner's
 * process also serves the workers' module loading, and the build's own
 * JavaScript (the editions' prerender, the font subsetting) would hold that
 * up for seconds at a time.
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from './build-app.ts';

/** How a build ended. */
export interface BuildResult {
  /** Whether the build finished (its output is complete). */
  readonly ok: boolean;
  /** What the build logged as warnings or errors (none for a clean build). */
  readonly warnings: readonly string[];
  /** Why the build failed (its error, stack included), when it did. */
  readonly error?: string;
}

/** A build under way. */
export interface AppBuild {
  /** The folder the app is built into (complete once `finished` resolves with `ok`). */
  readonly outDir: string;
  /** The result file `waitForBuildResult` waits for. */
  readonly resultFile: string;
  /** Settles when the build process has ended and its result file is written. */
  readonly finished: Promise<BuildResult>;
  /** Ends the build process (the run failed to start); `finished` then says it was stopped. */
  readonly stop: () => void;
}

const CHILD = fileURLToPath(new URL('./build-app-process.ts', import.meta.url));

/** Writes `result` to `file` in one step (a temporary file renamed over it). */
export function writeBuildResult(file: string, result: BuildResult): void {
  const partial = `${file}.partial`;
  writeFileSync(partial, JSON.stringify(result));
  renameSync(partial, file);
}

/** Starts `vite build` of the app in a child process, into a fresh temporary folder. */
export function startAppBuild(prefix = 'diptych-e2e-'): AppBuild {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  const outDir = path.join(root, 'dist');
  mkdirSync(outDir);
  const buildTmp = path.join(root, 'tmp');
  mkdirSync(buildTmp);
  const resultFile = path.join(root, 'build-result.json');
  const childResult = `${resultFile}.child`;
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, outDir, childResult, buildTmp], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const finished = new Promise<BuildResult>((resolve) => {
    const settle = (why: string): void => {
      // The child writes its own result; one that died before it could gets one from here.
      const result: BuildResult = existsSync(childResult)
        ? readBuildResult(childResult)
        : { ok: false, warnings: [], error: why };
      const left = readdirSync(buildTmp);
      const warnings =
        left.length > 0
          ? [...result.warnings, `the build left ${left.join(', ')} in its temporary folder`]
          : result.warnings;
      writeBuildResult(resultFile, { ...result, warnings });
      resolve(readBuildResult(resultFile));
    };
    child.on('error', (error) => settle(`the build process could not start: ${error.message}`));
    child.on('exit', (code, signal) =>
      settle(`the build process ended (${signal ?? `exit code ${code}`}) without a result`),
    );
  });
  return { outDir, resultFile, finished, stop: () => void child.kill() };
}

function readBuildResult(file: string): BuildResult {
  return JSON.parse(readFileSync(file, 'utf8')) as BuildResult;
}

/**
 * Waits for the result file of a build (another process's: the runner's) and
 * returns it. No time limit of its own: the waiting test's or hook's limit
 * bounds it. Checks every 100 ms: the wait is for a file to appear, and the
 * build takes seconds.
 */
export async function waitForBuildResult(file: string): Promise<BuildResult> {
  while (!existsSync(file)) await new Promise((resolve) => setTimeout(resolve, 100));
  return readBuildResult(file);
}
