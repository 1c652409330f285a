/**
 * Global setup of the `e2e` vitest project: find (or, as root, install)
 * Chromium — failing loudly if there is none — and launch one per test
 * worker for the run, start the production build of the app (in the
 * background: app-build.ts), serve its folder on a free localhost port, and
 * hand the URL, the build's result file and the browsers' endpoints to the
 * test files through vitest's `provide`/`inject`. Each file connects to its
 * worker's browser for a fresh context (helpers/ui.ts), which waits for the
 * build first (`appBuilt`); the server holds requests until the build is done.
 * Tears the server and the browsers down after.
 *
 * Why the build runs in the background: it took the run's first 15–20 s on an
 * idle machine, every worker waiting. Now the first files, the long unit
 * files (tests/sequencer.ts), run meanwhile.
 *
 * Why one browser per worker, not one for the run: files run several at a time,
 * and contexts of one browser share its clipboard (a copy in one file would
 * be read back by the other). A worker runs one file at a time, so its own
 * browser is as private as a browser per file, without launching one per file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { availableParallelism } from 'node:os';
import type { TestProject } from 'vitest/node';
import { startAppBuild, writeBuildResult, type AppBuild } from './helpers/app-build.ts';
import { ensureChromium, launchChromiumServer } from './helpers/chromium.ts';
import { serveStatic } from './helpers/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the served production build, ending in `/`. */
    baseUrl: string;
    /** The folder of that build (what `diptych serve --reader` serves in the offline test). */
    distDir: string;
    /** The file the build writes its result to when done (`appBuilt` in helpers/ui.ts waits for it). */
    buildResultFile: string;
    /** One Chromium per test worker, to `connectChromium` to (helpers/chromium.ts), indexed by worker. */
    browserEndpoints: string[];
  }
}

/** The app's build for this run: made in the background, or the one DIPTYCH_E2E_DIST names. */
function appBuildForRun(): AppBuild {
  // DIPTYCH_E2E_DIST serves an existing build instead (a quicker loop while working on one test);
  // the build's warnings are then unknown, and the build test says so by failing.
  const prebuilt = process.env['DIPTYCH_E2E_DIST'];
  if (!prebuilt) return startAppBuild('diptych-e2e-');
  const resultFile = path.join(
    mkdtempSync(path.join(tmpdir(), 'diptych-e2e-')),
    'build-result.json',
  );
  const result = { ok: true, warnings: [`not built in this run: serving ${prebuilt}`] };
  writeBuildResult(resultFile, result);
  return { outDir: prebuilt, resultFile, finished: Promise.resolve(result), stop: () => {} };
}

/** Vitest global setup; returns the teardown. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const executable = ensureChromium();
  // vite.config.ts sets the run's workers; one browser each (a number, or a share of the cores).
  const configured = Number(project.globalConfig.maxWorkers);
  const workers =
    Number.isInteger(configured) && configured >= 1 ? configured : availableParallelism();
  // Started first: the browsers launch while it builds, and setup returns without waiting for it.
  const build = appBuildForRun();
  const removeBuild = async () => {
    // The result file's folder holds the build unless DIPTYCH_E2E_DIST named one.
    await build.finished;
    rmSync(path.dirname(build.resultFile), { recursive: true, force: true });
  };
  const launched = await Promise.allSettled(
    Array.from({ length: workers }, () => launchChromiumServer(executable)),
  );
  const browsers = launched.flatMap((l) => (l.status === 'fulfilled' ? [l.value] : []));
  const closeBrowsers = () => Promise.all(browsers.map((b) => b.close()));
  try {
    const failed = launched.find((l) => l.status === 'rejected');
    if (failed) throw failed.reason;
    const server = await serveStatic(build.outDir, { hostCaching: true, ready: build.finished });
    project.provide('baseUrl', server.url);
    project.provide('distDir', build.outDir);
    project.provide('buildResultFile', build.resultFile);
    project.provide(
      'browserEndpoints',
      browsers.map((b) => b.wsEndpoint),
    );
    return async () => {
      await server.close();
      await closeBrowsers();
      // A run cut short may end before the build does: it finishes before its folder goes.
      await removeBuild();
    };
  } catch (error) {
    await closeBrowsers();
    build.stop();
    await removeBuild();
    throw error;
  }
}
