/**
 * `diptych cite lankov-2007:12 --style chicago-notes`, the compiled CLI as a
 * reader runs it (a fresh Node process each time), against a bare Node
 * script that loads the same style into citeproc-js and cites the same item
 * (`bare-cite.mjs`), measured side by side: alternating, medians of 7 wall
 * times. Target: ratio ≤ 1.5. Builds the CLI first if it is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { styleRecord } from '../sources/citation/records.ts';
import { LOCALE_FILE, styleDescriptor } from '../sources/citation/styles.ts';
import { lankov2007 } from '../sources/metadata.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const path = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));

function time(args: string[]): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr.split('\n')[0]}`);
  return ms;
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;

export async function run(): Promise<void> {
  if (!existsSync(path('dist-cli/diptych.mjs'))) {
    spawnSync(process.execPath, [path('cli/build/build-cli.mjs')], { stdio: 'inherit' });
  }
  mkdirSync(path('.tmp'), { recursive: true });
  const input = path('.tmp/bare-cite.json');
  writeFileSync(
    input,
    JSON.stringify({
      style: path(`sources/citation/styles/${styleDescriptor('chicago-notes').file}`),
      locale: path(`sources/citation/styles/${LOCALE_FILE}`),
      record: styleRecord(lankov2007, 'chicago-notes'),
      locator: { label: 'paragraph', locator: '12' },
    }),
  );
  const cli = ['bin/diptych.js', 'cite', 'lankov-2007:12', '--style', 'chicago-notes'];
  const bare = ['bench/bare-cite.mjs', input];
  time(cli); // warm the file cache
  time(bare);
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < 7; i++) {
    a.push(time(cli));
    b.push(time(bare));
  }
  const ratio = median(a) / median(b);
  console.log(
    `diptych cite lankov-2007:12 --style chicago-notes: ${(median(a) / 1000).toFixed(2)} s; bare citeproc script: ${(median(b) / 1000).toFixed(2)} s; ratio ${ratio.toFixed(2)} (target ≤ 1.5)`,
  );
}
