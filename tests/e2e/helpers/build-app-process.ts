/**
 * The child process app-build.ts builds the app in:
 * `node --import tsx build-app-process.ts <outDir> <resultFile> [<tmpDir>]`.
 * Builds with `buildApp` (the same production build the bench makes) and
 * writes the result file the browser tests wait for: the warnings, or the
 * error. With `<tmpDir>` the build runs with it as its temporary folder
 * (`TMPDIR`), so the parent can see whether the build left anything there.
 */
import { buildApp } from './build-app.ts';
import { writeBuildResult } from './app-build.ts';

const [outDir, resultFile, tmpDir] = process.argv.slice(2);
if (!outDir || !resultFile)
  throw new Error('usage: build-app-process.ts <outDir> <resultFile> [<tmpDir>]');
if (tmpDir) process.env['TMPDIR'] = tmpDir;
const warnings: string[] = [];
try {
  await buildApp('', warnings, { outDir });
  writeBuildResult(resultFile, { ok: true, warnings });
} catch (error) {
  const why = error instanceof Error ? (error.stack ?? error.message) : String(error);
  writeBuildResult(resultFile, { ok: false, warnings, error: why });
  process.exitCode = 1;
}
