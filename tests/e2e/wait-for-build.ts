/**
 * Setup file of the `e2e` project (vite.config.ts): every browser test file
 * first waits for the run's build of the app, which global-setup.ts starts in
 * the background. In a hook of its own, with the project's hook limit, so the
 * wait never eats into a file's own hook or test limits (set for the work they
 * do, not for a build that another file may be waiting on too).
 */
import { beforeAll } from 'vitest';
import { appBuilt } from './helpers/ui.ts';

beforeAll(async () => {
  await appBuilt();
});
