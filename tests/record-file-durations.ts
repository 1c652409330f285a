/**
 * Rewrites tests/file-durations.json (tests/sequencer.ts's order) from a
 * vitest JSON report of a full run:
 * `npx vitest run --reporter=json --outputFile.json=report.json`, then
 * `npx tsx tests/record-file-durations.ts report.json`. Records each file that
 * took a second or more, in seconds, by path from the repository root.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Report {
  readonly testResults: readonly { name: string; startTime: number; endTime: number }[];
}

const reportFile = process.argv[2];
if (!reportFile) throw new Error('usage: record-file-durations.ts <vitest JSON report>');
const root = fileURLToPath(new URL('../', import.meta.url));
const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
const seconds = report.testResults
  .map((r) => [relative(root, r.name), Math.round((r.endTime - r.startTime) / 100) / 10] as const)
  .filter(([, s]) => s >= 1)
  .sort((a, b) => b[1] - a[1]);
writeFileSync(
  new URL('./file-durations.json', import.meta.url),
  `${JSON.stringify(Object.fromEntries(seconds), null, 2)}\n`,
);
console.log(`recorded ${seconds.length} files`);
