/**
 * Golden files (pinned expectations) for the unit tests, the way the
 * unified fixture loops keep them: `UPDATE=1` writes the actual output over
 * the expectation (review the diff before committing); otherwise the
 * expectation is read, and a missing one fails the test. It is never written
 * silently: a test that records whatever it got the first time could not fail.
 *
 * Not for: comparing (the caller does, with `toBe` or `toEqual`).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Whether this run rewrites expectations (`UPDATE=1`). */
export const UPDATING = Boolean(process.env.UPDATE);

/**
 * The pinned text at `file`: with `UPDATE=1`, `actual` is written there
 * first (so the comparison that follows passes and the diff shows the
 * change). Throws when the file is missing and `UPDATE` is not set.
 * `update` is for this helper's own test.
 */
export function golden(file: string | URL, actual: string, update = UPDATING): string {
  if (update) {
    writeFileSync(file, actual);
    return actual;
  }
  if (!existsSync(file)) {
    const name = typeof file === 'string' ? file : fileURLToPath(file);
    throw new Error(
      `Missing expectation ${name}: run this test with UPDATE=1 to write it, then review it.`,
    );
  }
  return readFileSync(file, 'utf8');
}

/** `golden` for JSON: `actual` is written as 2-space JSON with a final newline; returns the parsed expectation. */
export function goldenJson(file: string | URL, actual: unknown): unknown {
  return JSON.parse(golden(file, `${JSON.stringify(actual, null, 2)}\n`));
}
