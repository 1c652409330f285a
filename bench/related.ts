/**
 * Related-passage quality (issue 7): recall@3 and mean reciprocal rank of
 * "Related in the other text" against the curated comparisons, in both
 * directions, with the expectation of a random ranking as the baseline.
 *
 * Method. Each curated comparison links a passage of one text to a passage
 * of the other. A sentence address counts as its paragraph. For each
 * direction (Winstanley-Chesters → Lankov, Lankov → Winstanley-Chesters),
 * each distinct query paragraph is one query: its text goes to `related`
 * with no cut-off, and its relevant set is every paragraph the curated set
 * links it to. recall@3 = |relevant ∩ top 3| / |relevant|; reciprocal rank =
 * 1 / rank of the first relevant paragraph (0 when none is returned). Both
 * are averaged over queries.
 *
 * Honesty. The model was not tuned on this set (parameters are textbook
 * defaults, fixed before the set existed; see `sources/related/bm25.ts`).
 * A curated side that is not a numbered paragraph (a title, a standfirst)
 * can never be retrieved, because `related` ranks paragraphs: such targets
 * stay in the relevant sets and count as misses, and the number of queries
 * affected is printed.
 *
 * The curated set is the generated W3C file the app ships
 * (`annotations/comparisons/curated-comparisons.json`), loaded through the
 * same importer and schema as in the app (`loadCuratedComparisons`). If it
 * cannot be loaded, the bench says so and reports nothing.
 */
import { findPassage, formatAddress, parseAddress } from '../sources/address.ts';
import { builtinEditions } from '../sources/builtin.ts';
import { NUMBERED_ROLES, type Edition } from '../sources/edition.ts';
import { buildRelatedIndex, related } from '../sources/related/index.ts';

/** A curated link as (source id, passage address) on each side. */
type Side = { source: string; address: string };

/**
 * The curated links, loaded the way the app loads them (through the
 * importer, which validates them), or why they could not be.
 */
async function loadCurated(editions: readonly Edition[]): Promise<[Side, Side][] | string> {
  let annotations;
  try {
    const { loadCuratedComparisons } = await import('../annotations/comparisons/load-curated.ts');
    annotations = loadCuratedComparisons(editions);
  } catch (error) {
    return `curated comparisons not found (annotations/comparisons/load-curated.ts): ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
  return annotations
    .filter((a) => a.motivation === 'linking' && a.targets.length === 2)
    .map((a) => {
      const [x, y] = a.targets.map((t) => ({
        source: t.source as string,
        address: t.selectors.address as string,
      }));
      return [x!, y!];
    });
}

/** The paragraph(s) or block an address lies in: sentence → its paragraph, range → its paragraphs. */
function passagesOf(address: string): string[] {
  const a = parseAddress(address);
  if (!a) return [];
  switch (a.kind) {
    case 'sentence':
      return [formatAddress({ kind: 'paragraph', source: a.source, n: a.n })];
    case 'range': {
      const out: string[] = [];
      for (let n = a.from; n <= a.to; n++)
        out.push(formatAddress({ kind: 'paragraph', source: a.source, n }));
      return out;
    }
    case 'footnote':
      return [formatAddress({ kind: 'footnote', source: a.source, n: a.n })];
    case 'block':
      return [formatAddress({ kind: 'block', source: a.source, role: a.role, k: a.k })];
    case 'paragraph':
      return [formatAddress(a)];
  }
}

function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

/** Expected recall@3 and reciprocal rank of a uniformly random ranking of n candidates with m relevant among `relevant` total. */
function randomExpectation(
  n: number,
  m: number,
  relevant: number,
): { recall3: number; rr: number } {
  if (m === 0 || n === 0) return { recall3: 0, rr: 0 };
  const recall3 = (m * Math.min(3, n)) / n / relevant;
  let rr = 0;
  for (let r = 1; r <= n - m + 1; r++) rr += binomial(n - r, m - 1) / binomial(n, m) / r;
  return { recall3, rr };
}

interface QueryResult {
  query: string;
  relevant: string[];
  ranks: (number | null)[];
  recall3: number;
  rr: number;
  random: { recall3: number; rr: number };
  unreachable: number;
}

function evaluate(
  editions: readonly Edition[],
  pairs: readonly [Side, Side][],
  from: string,
  to: string,
): QueryResult[] {
  const index = buildRelatedIndex(editions);
  const target = editions.find((e) => e.id === to)!;
  const candidates = new Set(
    target.blocks.filter((b) => NUMBERED_ROLES.has(b.role)).map((b) => b.address as string),
  );
  const relevantBy = new Map<string, Set<string>>();
  for (const pair of pairs) {
    const q = pair.find((s) => s.source === from);
    const r = pair.find((s) => s.source === to);
    if (!q || !r) continue;
    for (const query of passagesOf(q.address)) {
      const set = relevantBy.get(query) ?? new Set<string>();
      for (const p of passagesOf(r.address)) set.add(p);
      relevantBy.set(query, set);
    }
  }
  const source = editions.find((e) => e.id === from)!;
  const results: QueryResult[] = [];
  for (const [query, relevantSet] of relevantBy) {
    if (!findPassage(source, query)) continue;
    const relevant = [...relevantSet];
    const ranked = related(index, query, { k: candidates.size, within: to }).map(
      (r) => r.address as string,
    );
    const ranks = relevant.map((p) => {
      const i = ranked.indexOf(p);
      return i === -1 ? null : i + 1;
    });
    const found = ranks.filter((r): r is number => r !== null);
    const reachable = relevant.filter((p) => candidates.has(p)).length;
    results.push({
      query,
      relevant,
      ranks,
      recall3: found.filter((r) => r <= 3).length / relevant.length,
      rr: found.length ? 1 / Math.min(...found) : 0,
      random: randomExpectation(candidates.size, reachable, relevant.length),
      unreachable: relevant.length - reachable,
    });
  }
  return results;
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const f3 = (x: number) => x.toFixed(3);

/** Prints recall@3 and MRR per direction and overall, against a random ranking. */
export async function run(): Promise<void> {
  const editions = builtinEditions();
  const pairs = await loadCurated(editions);
  if (typeof pairs === 'string') {
    console.log(pairs);
    return;
  }
  const [wc, lankov] = ['winstanley-chesters-2015', 'lankov-2007'];
  console.log(
    `${pairs.length} curated comparisons; one query per distinct paragraph and direction; k = all paragraphs`,
  );
  const all: QueryResult[] = [];
  console.log(
    `\n${'direction'.padEnd(52)} queries  recall@3 (random)   MRR (random)   unreachable`,
  );
  for (const [from, to] of [
    [wc, lankov],
    [lankov, wc],
  ] as const) {
    const results = evaluate(editions, pairs, from!, to!);
    all.push(...results);
    const label = `${from} → ${to}`;
    console.log(
      `${label.padEnd(52)} ${String(results.length).padStart(7)}  ${f3(mean(results.map((r) => r.recall3)))} (${f3(mean(results.map((r) => r.random.recall3)))})   ${f3(mean(results.map((r) => r.rr)))} (${f3(mean(results.map((r) => r.random.rr)))})   ${results.filter((r) => r.unreachable > 0).length}`,
    );
  }
  const r3 = mean(all.map((r) => r.recall3));
  const mrr = mean(all.map((r) => r.rr));
  const r3r = mean(all.map((r) => r.random.recall3));
  const mrrr = mean(all.map((r) => r.random.rr));
  console.log(
    `${'both'.padEnd(52)} ${String(all.length).padStart(7)}  ${f3(r3)} (${f3(r3r)})   ${f3(mrr)} (${f3(mrrr)})   ${all.filter((r) => r.unreachable > 0).length}`,
  );
  console.log(
    `\nrecall@3 ${f3(r3)} = ${(r3 / r3r).toFixed(1)}× random; MRR ${f3(mrr)} = ${(mrr / mrrr).toFixed(1)}× random`,
  );
  console.log(
    '"unreachable": queries whose curated partner is not a numbered paragraph (a title or standfirst), counted as misses',
  );
  const index = buildRelatedIndex(editions);
  const paragraphs = editions.flatMap((e) =>
    e.blocks.filter((b) => NUMBERED_ROLES.has(b.role)).map((b) => b.address),
  );
  const samples: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const address of paragraphs) {
      const t = performance.now();
      related(index, address);
      samples.push(performance.now() - t);
    }
  }
  samples.sort((a, b) => a - b);
  const t0 = performance.now();
  buildRelatedIndex(editions);
  console.log(
    `speed: index ${(performance.now() - t0).toFixed(1)} ms; one query ${samples[Math.floor(samples.length / 2)]!.toFixed(2)} ms median over every paragraph (no target; for the reader's responsiveness)`,
  );
  console.log('\nper query (rank of each curated partner; – = not returned):');
  for (const r of all) {
    const ranks = r.relevant.map((p, i) => `${p}@${r.ranks[i] ?? '–'}`).join(', ');
    console.log(`  ${r.query.padEnd(30)} ${ranks}`);
  }
}
