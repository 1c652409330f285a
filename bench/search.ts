/**
 * Search speed (issue 4): building the index over both texts and their
 * footnotes (target ≤ 50 ms), and running a query (target ≤ 5 ms, median
 * over a fixed query list). Baseline in the same run: a naive scan that
 * lower-cases every sentence and calls `includes` — no normalization, no
 * aliases, no ranking — to show what the real search costs on top.
 *
 * Figures are medians of repeated runs after a JIT warm-up; the cold first
 * build (module compilation included) is printed too, because a reader's
 * first search in the browser pays it.
 */
import { builtinEditions } from '../sources/builtin.ts';
import { buildSearchIndex, search } from '../sources/search/index.ts';

/** Fixed queries: names in both romanizations, phrases, a prefix, footnote words, a miss, a long query. */
const QUERIES = [
  'Kim Il Sung',
  '"Kim Jong-il"',
  'Tolaraya',
  'Pyongyang',
  'Soviet Union',
  '"common house"',
  'railway project',
  'Sovi',
  'KOTRA',
  'North Korea',
  'gas pipeline Sakhalin',
  'Толарая',
  'zyzzyva',
  'Russia’s relations with North Korea after the collapse of the USSR',
];

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(fn: () => unknown, runs: number): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

/** Prints the search figures. */
export async function run(): Promise<void> {
  const editions = builtinEditions();
  const cold = performance.now();
  let index = buildSearchIndex(editions);
  const coldMs = performance.now() - cold;
  for (let i = 0; i < 10; i++) index = buildSearchIndex(editions);
  const build = time(() => buildSearchIndex(editions), 30);
  console.log(
    `index: ${index.documents.length} sentences (blocks and footnotes of ${editions.length} texts)`,
  );
  console.log(
    `build: ${fmt(build)} median of 30 (target ≤ 50 ms); cold first build ${fmt(coldMs)}`,
  );

  const sentences = index.documents.map((d) => d.text.toLowerCase());
  const naive = (q: string) => sentences.filter((s) => s.includes(q.toLowerCase()));
  for (let i = 0; i < 20; i++) {
    for (const q of QUERIES) {
      search(index, q);
      naive(q);
    }
  }

  console.log(
    '\nquery                                              hits   search     naive scan   ratio',
  );
  const perQuery: number[] = [];
  for (const q of QUERIES) {
    const s = time(() => search(index, q), 50);
    const n = time(() => naive(q), 50);
    perQuery.push(s);
    const label = q.length > 48 ? `${q.slice(0, 45)}...` : q;
    console.log(
      `${label.padEnd(50)} ${String(search(index, q).length).padStart(4)} ${fmt(s).padStart(9)} ${fmt(n).padStart(12)}   ${(s / n).toFixed(1)}×`,
    );
  }
  console.log(
    `\nquery: ${fmt(median(perQuery))} median over ${QUERIES.length} queries, slowest ${fmt(Math.max(...perQuery))} (target ≤ 5 ms)`,
  );
}
