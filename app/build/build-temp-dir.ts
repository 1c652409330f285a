import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Keeps the build from leaving files in the system's temporary folder.
 *
 * vite-plugin-pwa's `generateSW` (workbox-build) writes the unbundled service
 * worker to a fresh `<tmp>/<random>/sw.js` through `tempy` and never removes
 * it, so every build — each `npm run build`, each test run's and each bench's
 * build — left a directory in /tmp (205 after one day's work). This plugin
 * gives the building process one temporary folder of its own, made on its
 * first build and removed when the process exits, and points `TMPDIR` at it
 * while a build runs. `temp-dir` (under `tempy`) reads the temporary folder
 * once, on first use, which is inside the first build, so a second build in
 * the same process (the bench's, `diptych serve`'s) uses the same folder.
 * Outside a build `TMPDIR` is what it was.
 */
export function buildTempDir(): Plugin {
  let saved: string | undefined;
  return {
    name: 'diptych-build-temp-dir',
    apply: 'build',
    buildStart() {
      saved = process.env['TMPDIR'];
      process.env['TMPDIR'] = processTempDir();
    },
    closeBundle: {
      // After vite-plugin-pwa's closeBundle, which generates the service worker.
      order: 'post',
      handler() {
        if (saved === undefined) delete process.env['TMPDIR'];
        else process.env['TMPDIR'] = saved;
      },
    },
  };
}

let folder: string | undefined;

/** This process's build folder, made once and removed at exit. */
function processTempDir(): string {
  if (folder) return folder;
  const made = mkdtempSync(join(tmpdir(), 'diptych-build-'));
  folder = made;
  process.once('exit', () => rmSync(made, { recursive: true, force: true }));
  return made;
}
