import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  recordFileDurations,
  wholeMilliseconds,
  type FileTiming,
} from './record-file-durations.ts';

/** A file's timing: `hooksAndTests` ms of tests and hooks, the rest of its set-up as given. */
function timing(file: string, hooksAndTests: number, more: Partial<FileTiming> = {}): FileTiming {
  return {
    file,
    passed: true,
    diagnostic: {
      environmentSetupDuration: 0,
      prepareDuration: 0,
      setupDuration: 0,
      collectDuration: 0,
      duration: hooksAndTests,
    },
    buildWaitMs: 0,
    ...more,
  };
}

const everyFileExists = () => true;

describe('wholeMilliseconds', () => {
  it('adds the set-up, the setup files and the import to the tests and hooks', () => {
    const t = timing('a.test.ts', 40_000, {
      diagnostic: {
        environmentSetupDuration: 100,
        prepareDuration: 200,
        setupDuration: 300,
        collectDuration: 1_400,
        duration: 40_000,
      },
    });
    expect(wholeMilliseconds(t)).toBe(42_000);
  });

  it('leaves out the wait for the build, and never goes below zero', () => {
    expect(wholeMilliseconds(timing('a.test.ts', 70_000, { buildWaitMs: 30_000 }))).toBe(40_000);
    expect(wholeMilliseconds(timing('a.test.ts', 1_000, { buildWaitMs: 2_000 }))).toBe(0);
  });
});

describe('recordFileDurations', () => {
  it('records the files of the run in seconds to a tenth, longest first', () => {
    const next = recordFileDurations(
      {},
      [timing('short.test.ts', 2_040), timing('long.test.ts', 61_260)],
      everyFileExists,
    );
    expect(Object.entries(next)).toEqual([
      ['long.test.ts', 61.3],
      ['short.test.ts', 2],
    ]);
  });

  it('keeps the figures of files not run, and drops those no longer on disk', () => {
    const previous = { 'kept.test.ts': 30, 'gone.test.ts': 50, 'run.test.ts': 5 };
    const next = recordFileDurations(
      previous,
      [timing('run.test.ts', 45_000)],
      (f) => f !== 'gone.test.ts',
    );
    expect(next).toEqual({ 'run.test.ts': 45, 'kept.test.ts': 30 });
    expect(Object.keys(next)).toEqual(['run.test.ts', 'kept.test.ts']);
  });

  it('keeps the old figure of a file that failed, which may have ended early', () => {
    const next = recordFileDurations(
      { 'failed.test.ts': 40 },
      [timing('failed.test.ts', 3_000, { passed: false })],
      everyFileExists,
    );
    expect(next).toEqual({ 'failed.test.ts': 40 });
  });

  it('drops a file that now takes less than a second', () => {
    const next = recordFileDurations(
      { 'quick.test.ts': 3 },
      [timing('quick.test.ts', 900)],
      everyFileExists,
    );
    expect(next).toEqual({});
  });
});

describe('the reporter in a real vitest run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'diptych-file-durations-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('records a file whose time is in its beforeAll hook with that time', () => {
    // The JSON report this used to read spans the first test's start to the last test's end:
    // for this file, a few milliseconds, so it was not recorded at all.
    writeFileSync(
      join(dir, 'slow-hook.test.js'),
      `beforeAll(() => new Promise((done) => setTimeout(done, 1500)));\n` +
        `it('is quick', () => {});\n`,
    );
    const output = join(dir, 'durations.json');
    writeFileSync(output, `${JSON.stringify({ 'gone.test.js': 9 })}\n`);
    const reporter = fileURLToPath(new URL('./record-file-durations.ts', import.meta.url));
    writeFileSync(
      join(dir, 'vitest.config.mjs'),
      `export default { test: { globals: true, include: ['slow-hook.test.js'],\n` +
        `  reporters: [[${JSON.stringify(reporter)}, { outputFile: ${JSON.stringify(output)} }]] } };\n`,
    );
    const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
    execFileSync(
      process.execPath,
      [vitest, 'run', '--root', dir, '--config', 'vitest.config.mjs'],
      {
        cwd: dir,
        stdio: 'pipe',
        env: { ...process.env, NODE_OPTIONS: '' },
      },
    );
    const recorded = JSON.parse(readFileSync(output, 'utf8')) as Record<string, number>;
    expect(Object.keys(recorded)).toEqual(['slow-hook.test.js']);
    expect(recorded['slow-hook.test.js']).toBeGreaterThanOrEqual(1.5);
  });
});
