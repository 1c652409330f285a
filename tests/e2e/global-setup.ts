/**
 * Global setup of the `e2e` vitest project: find (or, as root, install)
 * Chromium — failing loudly if there is none — and launch one per test
 * worker for the run, build the production app once, serve it on a free
 * localhost port, and hand the URL and the browsers' endpoints to the test
 * files through vitest's `provide`/`inject`. Each file connects to its
 * worker's browser for a fresh context (helpers/ui.ts). Tears the server and
 * the browsers down after.
 *
 * Why one browser per worker, not one for the run: files run several at a time,
 * and contexts of one browser share its clipboard (a copy in one file would
 * be read back by the other). A worker runs one file at a time, so its own
 * browser is as private as a browser per file, without launching one per file.
 */
import { rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { TestProject } from 'vitest/node';
import { buildApp } from './helpers/build-app.ts';
import { ensureChromium, launchChromiumServer } from './helpers/chromium.ts';
import { serveStatic } from './helpers/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the served production build, ending in `/`. */
    baseUrl: string;
    /** The folder of that build (what `diptych serve --reader` serves in the offline test). */
    distDir: string;
    /** One Chromium per test worker, to `connectChromium` to (helpers/chromium.ts), indexed by worker. */
    browserEndpoints: string[];
    /** What the production build logged as warnings or errors (none for a clean build). */
    buildWarnings: string[];
  }
}

/** Vitest global setup; returns the teardown. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const executable = ensureChromium();
  // vite.config.ts sets the run's workers; one browser each (a number, or a share of the cores).
  const configured = Number(project.globalConfig.maxWorkers);
  const workers =
    Number.isInteger(configured) && configured >= 1 ? configured : availableParallelism();
  const browsers = await Promise.all(
    Array.from({ length: workers }, () => launchChromiumServer(executable)),
  );
  const closeBrowsers = () => Promise.all(browsers.map((b) => b.close()));
  try {
    const buildWarnings: string[] = [];
    // DIPTYCH_E2E_DIST serves an existing build instead (a quicker loop while working on one test);
    // the build's warnings are then unknown, and the build test says so by failing.
    const prebuilt = process.env['DIPTYCH_E2E_DIST'];
    if (prebuilt) buildWarnings.push(`not built in this run: serving ${prebuilt}`);
    const outDir = prebuilt ?? (await buildApp('diptych-e2e-', buildWarnings));
    const server = await serveStatic(outDir, { hostCaching: true });
    project.provide('baseUrl', server.url);
    project.provide('distDir', outDir);
    project.provide(
      'browserEndpoints',
      browsers.map((b) => b.wsEndpoint),
    );
    project.provide('buildWarnings', buildWarnings);
    return async () => {
      await server.close();
      await closeBrowsers();
      if (!prebuilt) rmSync(outDir, { recursive: true, force: true });
    };
  } catch (error) {
    await closeBrowsers();
    throw error;
  }
}
