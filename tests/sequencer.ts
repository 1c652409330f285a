/**
 * The order the run starts its test files in (vite.config.ts,
 * `sequence.sequencer`). The whole of `npm test` runs three files at a time on
 * two cores, and its time is set by how well they fill those cores to the end:
 *
 * 1. the long unit files first: they need no browser, so they use the cores
 *    while the app's production build (the browser tests' first need,
 *    e2e/global-setup.ts) is made in the background;
 * 2. then the browser tests, longest first, so that no long file starts last
 *    and runs on alone (vitest's own order, without a cache of past durations
 *    — a fresh clone — is by file size, which started the 100-second
 *    accessibility audit near the end);
 * 3. then the short unit files, which fill the gaps as the last files end.
 *
 * "Longest" is the duration vitest remembers from this checkout's last run
 * when it has one, else the one recorded in tests/file-durations.json
 * (measured runs: tests/record-file-durations.ts, a reporter, updates it for
 * the files a run ran), else a guess from the file's size. A stale figure only changes the order, never what a test checks.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Unit files expected to take at least this long (ms) start before the browser tests. */
export const LONG_UNIT_FILE_MS = 5_000;

/** The recorded durations (seconds) by path from the repository root. */
export const RECORDED_SECONDS = JSON.parse(
  readFileSync(new URL('./file-durations.json', import.meta.url), 'utf8'),
) as Record<string, number>;

/** Starts long unit files, then browser tests, then short unit files; each longest first. */
export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const expected = new Map(
      files.map((spec) => {
        const file = relative(root, spec.moduleId);
        const key = `${spec.project.name}:${file}`;
        const remembered = this.ctx.cache.getFileTestResults(key)?.duration;
        const recorded = RECORDED_SECONDS[file];
        const bytes = this.ctx.cache.getFileStats(key)?.size ?? 0;
        const guess = isBrowserTest(spec) ? bytes / 100 : bytes / 5_000;
        return [spec, remembered ?? (recorded === undefined ? guess : recorded * 1000)];
      }),
    );
    const phase = (spec: TestSpecification): number =>
      isBrowserTest(spec) ? 1 : expected.get(spec)! >= LONG_UNIT_FILE_MS ? 0 : 2;
    return [...files].sort((a, b) => phase(a) - phase(b) || expected.get(b)! - expected.get(a)!);
  }
}

function isBrowserTest(spec: TestSpecification): boolean {
  return spec.project.name === 'e2e';
}
