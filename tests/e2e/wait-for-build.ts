/**
 * Setup file of the `e2e` project (vite.config.ts): every browser test file
 * first waits for the run's build of the app, which global-setup.ts starts in
 * the background. In a hook of its own, with the project's hook limit, so the
 * wait never eats into a file's own hook or test limits (set for the work they
 * do, not for a build that another file may be waiting on too).
 *
 * The wait is written on the file's task (`buildWaitMs`), so that
 * tests/record-file-durations.ts can leave it out of the file's duration: it
 * is the build's time, spent by whichever files happen to start first.
 */
import { beforeAll } from 'vitest';
import { appBuilt } from './helpers/ui.ts';

declare module 'vitest' {
  interface TaskMeta {
    /** Milliseconds the file waited for the run's build (read by tests/record-file-durations.ts). */
    buildWaitMs?: number;
  }
}

// vitest passes a hook's fixtures first, and insists on an object pattern there even when none is used.
// eslint-disable-next-line no-empty-pattern
beforeAll(async ({}, file) => {
  const start = performance.now();
  await appBuilt();
  file.meta.buildWaitMs = performance.now() - start;
});
