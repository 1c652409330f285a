/**
 * Issue 17, the signals beyond word meaning (`CONTEXT_SIGNALS` in
 * `sources/related/related.ts`), and fusions whose weights are searched on
 * the tuning half: part of `npm run bench -- related`.
 *
 * Honesty. The held-out half is ranked with an alignment anchored on the
 * tuning half's comparisons only, so no held-out pair is an anchor of the
 * position prior. On the tuning half the prior would know the answers (its
 * own pairs are anchors), so each tuning query is ranked with an alignment
 * anchored on the tuning pairs less the ones it is judged on (those linking
 * its own paragraph) — as a held-out query is: other pairs of the same
 * paragraph may anchor it, its own may not. The dated years come from the
 * texts alone (`sources/timeline/`); `reverse`, `prf` and `bm25-sentence`
 * from the texts alone.
 *
 * Weight search: coordinate ascent (each weight in turn over a grid, kept
 * when recall@3 + MRR on the tuning half rises, until a pass changes
 * nothing, at most four passes), from BM25 and both SIF signals at weight
 * 1, the others at 0. The scores of every signal do not depend on the
 * weights, so they are computed once per query (`relatedSignals`) and only
 * the fusion is redone (`fuseSignals`).
 */
import { NUMBERED_ROLES, type Edition } from '../sources/edition.ts';
import { alignEditions } from '../sources/align/index.ts';
import {
  FUSION_DEFAULTS,
  buildRelatedIndex,
  fuseSignals,
  positionPrior,
  relatedSignals,
  type FusionParams,
  type RelatedIndex,
  type SemanticSignal,
  type SignalTable,
  type WordVectors,
} from '../sources/related/index.ts';
import type { Side } from './related.ts';

/** Every signal a table holds. */
const SIGNALS: readonly SemanticSignal[] = [
  'sif-paragraph',
  'sif-sentence',
  'bm25-sentence',
  'dates',
  'position',
  'reverse',
  'prf',
];

/** One query of one direction, with its raw scores. */
interface TableQuery {
  readonly query: string;
  readonly relevant: readonly string[];
  readonly table: SignalTable;
  /** The query's curated partners in the other half (not relevant here): left out of a filtered ranking. */
  readonly others: ReadonlySet<string>;
  /** Expected recall@3 and reciprocal rank of a random ranking. */
  readonly random: { readonly r3: number; readonly rr: number };
}

const WC = 'winstanley-chesters-2015';
const LANKOV = 'lankov-2007';

const paragraphOf = (address: string) => address.replace(/\.\d+$/, '');

/** The paragraph(s) an address of a curated side lies in (a range: each; a sentence: its paragraph). */
function paragraphsOf(address: string): string[] {
  const m = /^(.*:)(\d+)-(\d+)$/.exec(address);
  if (m) {
    const out: string[] = [];
    for (let n = Number(m[2]); n <= Number(m[3]); n++) out.push(`${m[1]}${n}`);
    return out;
  }
  return [paragraphOf(address)];
}

function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

function randomOf(n: number, m: number, relevant: number): { r3: number; rr: number } {
  if (m === 0 || n === 0) return { r3: 0, rr: 0 };
  let rr = 0;
  for (let r = 1; r <= n - m + 1; r++) rr += binomial(n - r, m - 1) / binomial(n, m) / r;
  return { r3: (m * Math.min(3, n)) / n / relevant, rr };
}

/**
 * The queries of both directions for `pairs` (one per distinct query
 * paragraph and direction, relevant = every paragraph the pairs link it
 * to, as `bench/related.ts` evaluates), each ranked with `indexFor(query)`.
 */
function tablesOf(
  editions: readonly Edition[],
  pairs: readonly [Side, Side][],
  indexFor: (query: string) => RelatedIndex,
  otherHalf: readonly [Side, Side][] = [],
): TableQuery[] {
  const out: TableQuery[] = [];
  for (const [from, to] of [
    [WC, LANKOV],
    [LANKOV, WC],
  ] as const) {
    const source = editions.find((e) => e.id === from)!;
    const target = editions.find((e) => e.id === to)!;
    const candidates = new Set(
      target.blocks.filter((b) => NUMBERED_ROLES.has(b.role)).map((b) => b.address as string),
    );
    const partners = (list: readonly [Side, Side][]) => {
      const by = new Map<string, Set<string>>();
      for (const pair of list) {
        const q = pair.find((s) => s.source === from);
        const r = pair.find((s) => s.source === to);
        if (!q || !r) continue;
        for (const query of paragraphsOf(q.address)) {
          const set = by.get(query) ?? new Set<string>();
          for (const p of paragraphsOf(r.address)) set.add(p);
          by.set(query, set);
        }
      }
      return by;
    };
    const relevantBy = partners(pairs);
    const othersBy = partners(otherHalf);
    for (const [query, set] of relevantBy) {
      if (!source.blocks.some((b) => b.address === query)) continue;
      const relevant = [...set];
      const reachable = relevant.filter((p) => candidates.has(p)).length;
      out.push({
        query,
        relevant,
        table: relatedSignals(indexFor(query), query, to, SIGNALS),
        others: new Set([...(othersBy.get(query) ?? [])].filter((p) => !set.has(p))),
        random: randomOf(candidates.size, reachable, relevant.length),
      });
    }
  }
  return out;
}

/**
 * recall@3 and MRR of a fusion over tables (ties in reading order, as
 * `related` breaks them). `filtered`: the query's curated partners from the
 * other half are taken out of the ranking first (see `contextSignals`).
 */
function scoreOf(
  queries: readonly TableQuery[],
  fusion: FusionParams,
  filtered = false,
): { r3: number; mrr: number } {
  let r3 = 0;
  let mrr = 0;
  for (const q of queries) {
    const fused = fuseSignals(fusion, q.table);
    // A candidate scored 0 is not returned (as `related` leaves it out): a miss.
    const order = fused
      .map((score, i) => ({ score, i }))
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score || a.i - b.i)
      .map((x) => q.table.addresses[x.i] as string)
      .filter((a) => !filtered || !q.others.has(a));
    const ranks = q.relevant.map((p) => order.indexOf(p) + 1).filter((r) => r > 0);
    r3 += ranks.filter((r) => r <= 3).length / q.relevant.length;
    mrr += ranks.length ? 1 / Math.min(...ranks) : 0;
  }
  return { r3: r3 / queries.length, mrr: mrr / queries.length };
}

type Weights = Partial<Record<SemanticSignal | 'bm25', number>>;

function fusionOf(method: 'rrf' | 'linear', k: number, weights: Weights): FusionParams {
  const signals = SIGNALS.filter((s) => (weights[s] ?? 0) > 0);
  return method === 'rrf'
    ? { method, k, signals, weights: { bm25: weights.bm25 ?? 0, ...pick(weights, signals) } }
    : { method, signals, weights: { bm25: weights.bm25 ?? 0, ...pick(weights, signals) } };
}

function pick(w: Weights, signals: readonly SemanticSignal[]): Weights {
  return Object.fromEntries(signals.map((s) => [s, w[s]]));
}

/** Coordinate ascent of the weights on the tuning queries (see the head comment). */
function searchWeights(
  tune: readonly TableQuery[],
  method: 'rrf' | 'linear',
  k: number,
): FusionParams {
  const grid = method === 'rrf' ? [0, 0.25, 0.5, 1, 2, 4] : [0, 0.1, 0.25, 0.5, 1, 2];
  let weights: Weights = { bm25: 1, 'sif-paragraph': 1, 'sif-sentence': 1 };
  const value = (w: Weights) => {
    const s = scoreOf(tune, fusionOf(method, k, w));
    return s.r3 + s.mrr;
  };
  let best = value(weights);
  for (let pass = 0; pass < 4; pass++) {
    let changed = false;
    for (const s of ['bm25', ...SIGNALS] as const) {
      for (const x of grid) {
        if ((weights[s] ?? 0) === x) continue;
        const candidate = { ...weights, [s]: x };
        const v = value(candidate);
        if (v > best + 1e-9) {
          best = v;
          weights = candidate;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return fusionOf(method, k, weights);
}

function describe(f: FusionParams): string {
  if (f.method === 'weighted-sum') return `w=${f.weight}`;
  const w = Object.entries(f.weights ?? {})
    .map(([s, x]) => `${s.replace('sif-', '')}:${x}`)
    .join(' ');
  return f.method === 'rrf' ? `k=${f.k} ${w}` : w;
}

const f3 = (x: number) => x.toFixed(3);

/** `BENCH_TUNING_ONLY=1`: print no held-out figure (for developing a signal without looking at the held-out half). */
const TUNING_ONLY = process.env.BENCH_TUNING_ONLY === '1';
const held3 = (x: number) => (TUNING_ONLY ? '  –  ' : f3(x));

/** Prints every context-signal variant on both halves, the tuning half's choice, and the shipped fusion. */
export function contextSignals(
  editions: readonly Edition[],
  tune: readonly [Side, Side][],
  held: readonly [Side, Side][],
  vectors: WordVectors,
): void {
  const t0 = performance.now();
  const base = buildRelatedIndex(editions, { vectors, dates: true });
  const wc = editions.find((e) => e.id === WC)!;
  const lankov = editions.find((e) => e.id === LANKOV)!;
  const paragraphs = (e: Edition) =>
    e.blocks.filter((b) => NUMBERED_ROLES.has(b.role)).map((b) => b.address as string);
  const withPrior = (anchors: readonly [Side, Side][]): RelatedIndex => ({
    ...base,
    priors: [
      positionPrior(
        alignEditions(wc, lankov, {
          anchors: anchors.map(([a, b]) => ({ a: a.address, b: b.address })),
        }),
        paragraphs(wc),
        paragraphs(lankov),
      ),
    ],
  });
  const heldIndex = withPrior(tune);
  const perQuery = new Map<string, RelatedIndex>();
  const tuneTables = tablesOf(editions, tune, (q) => {
    let index = perQuery.get(q);
    if (!index) {
      const own = (s: Side) => paragraphsOf(s.address).includes(q);
      index = withPrior(tune.filter(([a, b]) => !own(a) && !own(b)));
      perQuery.set(q, index);
    }
    return index;
  });
  const heldTables = tablesOf(editions, held, () => heldIndex, tune);
  const tablesMs = performance.now() - t0;
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const random = {
    tune: {
      r3: mean(tuneTables.map((q) => q.random.r3)),
      mrr: mean(tuneTables.map((q) => q.random.rr)),
    },
    held: {
      r3: mean(heldTables.map((q) => q.random.r3)),
      mrr: mean(heldTables.map((q) => q.random.rr)),
    },
  };
  const bm25: FusionParams = { method: 'rrf', k: 60, signals: [] };
  const heldBm25 = scoreOf(heldTables, bm25);
  console.log(
    `\ncontext signals (issue 17; sources/related/related.ts CONTEXT_SIGNALS): dated years, the alignment prior (held-out ranked with an alignment anchored on the tuning pairs only; each tuning query with the tuning pairs less its own), reverse BM25, Rocchio feedback, sentence BM25; ${tuneTables.length} tuning / ${heldTables.length} held-out queries; weights searched on the tuning half only`,
  );
  console.log(
    `${'variant'.padEnd(46)} tuning r@3  MRR     held-out r@3  MRR    filtered r@3  MRR    tuned`,
  );
  const rows: { name: string; fusion: FusionParams; tune: { r3: number; mrr: number } }[] = [];
  const row = (name: string, fusion: FusionParams, tuned = '') => {
    const t = scoreOf(tuneTables, fusion);
    const h = scoreOf(heldTables, fusion);
    const hf = scoreOf(heldTables, fusion, true);
    rows.push({ name, fusion, tune: t });
    console.log(
      `${name.padEnd(46)} ${f3(t.r3)}       ${f3(t.mrr)}   ${held3(h.r3)}         ${held3(h.mrr)}  ${held3(hf.r3)}         ${held3(hf.mrr)}  ${tuned}`,
    );
  };
  row('BM25 alone (RRF of one)', bm25);
  for (const s of SIGNALS)
    row(`${s} alone`, { method: 'rrf', k: 60, signals: [s], weights: { bm25: 0 } });
  for (const s of SIGNALS.filter((x) => !x.startsWith('sif-')))
    row(`BM25 + both SIF + ${s}, RRF k=60`, {
      method: 'rrf',
      k: 60,
      signals: ['sif-paragraph', 'sif-sentence', s],
    });
  row('BM25 + every signal, RRF k=60', { method: 'rrf', k: 60, signals: SIGNALS });
  const t1 = performance.now();
  for (const k of [10, 30, 60]) {
    const f = searchWeights(tuneTables, 'rrf', k);
    row(`weighted RRF k=${k}, weights searched`, f, describe(f));
  }
  const linear = searchWeights(tuneTables, 'linear', 0);
  row('linear (min-max), weights searched', linear, describe(linear));
  const searchMs = performance.now() - t1;
  console.log(
    `${'random (expected)'.padEnd(46)} ${f3(random.tune.r3)}       ${f3(random.tune.mrr)}   ${f3(random.held.r3)}         ${f3(random.held.mrr)}`,
  );
  if (TUNING_ONLY) return;
  const fused = rows.filter(
    (r) =>
      r.name.startsWith('weighted') || r.name.startsWith('linear') || r.name.startsWith('BM25 +'),
  );
  const choice = fused.reduce((a, b) =>
    b.tune.r3 + b.tune.mrr > a.tune.r3 + a.tune.mrr + 1e-9 ? b : a,
  );
  const choiceHeld = scoreOf(heldTables, choice.fusion);
  console.log(
    `tuning-half choice (best recall@3 + MRR on the tuning half among these fusions): ${choice.name} (${describe(choice.fusion)}) → held-out recall@3 ${f3(choiceHeld.r3)} = ${(choiceHeld.r3 / (heldBm25.r3 || 1)).toFixed(2)}× BM25 alone ${f3(heldBm25.r3)}; MRR ${f3(choiceHeld.mrr)}`,
  );
  const shipped = scoreOf(heldTables, FUSION_DEFAULTS);
  const shippedFiltered = scoreOf(heldTables, FUSION_DEFAULTS, true);
  const bm25Filtered = scoreOf(heldTables, bm25, true);
  const shippedTune = scoreOf(tuneTables, FUSION_DEFAULTS);
  console.log(
    `held-out, shipped (FUSION_DEFAULTS: ${FUSION_DEFAULTS.method} ${describe(FUSION_DEFAULTS)}; tuning ${f3(shippedTune.r3)}/${f3(shippedTune.mrr)}): recall@3 ${f3(shipped.r3)} = ${(shipped.r3 / (heldBm25.r3 || 1)).toFixed(2)}× BM25 alone (target ≥ 0.75 and ≥ 1.5×: ${shipped.r3 >= 0.75 && shipped.r3 >= 1.5 * heldBm25.r3 ? 'met' : 'NOT met'}); MRR ${f3(shipped.mrr)} = ${(shipped.mrr / (heldBm25.mrr || 1)).toFixed(2)}× BM25; random ${f3(random.held.r3)}, ${f3(random.held.mrr)}`,
  );
  const filteredQueries = heldTables.filter((q) => q.others.size > 0).length;
  console.log(
    `held-out, filtered (${filteredQueries} of ${heldTables.length} held-out queries have curated partners in the tuning half, which the plain figures count as wrong answers; filtered, they are taken out of the ranking first, as in filtered link-prediction ranking; shown beside the plain figure, not instead of it): shipped recall@3 ${f3(shippedFiltered.r3)} = ${(shippedFiltered.r3 / (bm25Filtered.r3 || 1)).toFixed(2)}× BM25 alone ${f3(bm25Filtered.r3)}; MRR ${f3(shippedFiltered.mrr)}, BM25 ${f3(bm25Filtered.mrr)}`,
  );
  console.log(
    `(signal tables for both halves in ${tablesMs.toFixed(0)} ms, weight searches in ${searchMs.toFixed(0)} ms)`,
  );
}
