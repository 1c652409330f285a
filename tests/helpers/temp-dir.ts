/**
 * A temporary folder for one test file's own files, removed when the file's
 * tests end: test runs must not leave files behind in the system's temp
 * folder (dozens of runs a day on the same machine filled it with exports,
 * fixtures and hostile payloads).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** Makes `<tmp>/<prefix>XXXXXX` now and removes it, with everything in it, after the calling file's tests. */
export function tempDirForFile(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
