/**
 * Builds the production app into a fresh temporary directory with Vite's
 * JavaScript API. A separate directory per run, so tests and the bench never
 * race each other (or a developer's `npm run build`) over `dist/`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Runs `vite build` with the project config; returns the output directory. */
export async function buildApp(prefix = 'diptych-dist-'): Promise<string> {
  const outDir = mkdtempSync(path.join(tmpdir(), prefix));
  await build({
    configFile: path.join(REPO_ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}
