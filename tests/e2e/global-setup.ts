/**
 * Global setup of the `e2e` vitest project: find (or, as root, install)
 * Chromium — failing loudly if there is none — and launch it once for the
 * run, build the production app once, serve it on a free localhost port, and
 * hand the URL and the browser's endpoint to the test files through vitest's
 * `provide`/`inject`. Each file connects for a fresh browser context
 * (helpers/ui.ts). Tears the server and the browser down after.
 */
import { rmSync } from 'node:fs';
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
    /** The run's Chromium, to `connectChromium` to (helpers/chromium.ts). */
    browserEndpoint: string;
    /** What the production build logged as warnings or errors (none for a clean build). */
    buildWarnings: string[];
  }
}

/** Vitest global setup; returns the teardown. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const browser = await launchChromiumServer(ensureChromium());
  try {
    const buildWarnings: string[] = [];
    // DIPTYCH_E2E_DIST serves an existing build instead (a quicker loop while working on one test);
    // the build's warnings are then unknown, and the build test says so by failing.
    const prebuilt = process.env['DIPTYCH_E2E_DIST'];
    if (prebuilt) buildWarnings.push(`not built in this run: serving ${prebuilt}`);
    const outDir = prebuilt ?? (await buildApp('diptych-e2e-', buildWarnings));
    const server = await serveStatic(outDir);
    project.provide('baseUrl', server.url);
    project.provide('distDir', outDir);
    project.provide('browserEndpoint', browser.wsEndpoint);
    project.provide('buildWarnings', buildWarnings);
    return async () => {
      await server.close();
      await browser.close();
      if (!prebuilt) rmSync(outDir, { recursive: true, force: true });
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
