/**
 * Builds the production app into a fresh temporary directory with Vite's
 * JavaScript API. A separate directory per run, so tests and the bench never
 * race each other (or a developer's `npm run build`) over `dist/`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, createLogger } from 'vite';

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Options of `buildApp`. */
export interface BuildOptions {
  /** False keeps names readable in a profile (the trace tools' `--unminified`); default true. */
  readonly minify?: boolean;
  /** Build into this (existing or new) directory instead of a fresh temporary one. */
  readonly outDir?: string;
}

/**
 * Runs `vite build` with the project config; returns the output directory.
 * Every warning and error the build logs is also pushed onto `warnings`
 * (a clean build logs none; tests/e2e/build.test.ts checks it).
 */
export async function buildApp(
  prefix = 'diptych-dist-',
  warnings: string[] = [],
  options: BuildOptions = {},
): Promise<string> {
  const outDir = options.outDir ?? mkdtempSync(path.join(tmpdir(), prefix));
  const logger = createLogger('warn');
  const record =
    (log: (msg: string, options?: object) => void) =>
    (msg: string, options?: object): void => {
      warnings.push(msg);
      log(msg, options);
    };
  logger.warn = record(logger.warn);
  logger.warnOnce = record(logger.warnOnce);
  logger.error = record(logger.error);
  // Vite builds for NODE_ENV when it is set, and vitest sets it to `test`: the e2e run would then
  // test React's development build (larger, slower, other warnings). A production build, as shipped.
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({
      configFile: path.join(REPO_ROOT, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      customLogger: logger,
      build: { outDir, emptyOutDir: true, minify: options.minify ?? true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = nodeEnv;
  }
  return outDir;
}
