/**
 * Probe for issue 17 (not part of the app or `npm run bench`): would the
 * word2vec vectors of the npm package `word2vec-wordlist@1.0.13` (GoogleNews
 * word2vec, 300-d, 9,130 words kept one per Porter stem, Apache-2.0) help
 * the shipped SIF fusion? Measured on the TUNING half only (the bench's
 * split by topic, `bench/related.ts`), so the held-out half stays unseen.
 *
 * Three vector sets under the same GloVe frequency ranks (so only the
 * vectors differ): GloVe as shipped, word2vec alone (a word's own vector,
 * else its stem's), and both concatenated. Each runs the shipped fusion
 * (`SIF_FUSION`, nothing tuned); then a leave-one-topic-out
 * cross-validation of choosing among the three on the other tuning topics.
 * Findings and the registry search around it: docs/related-passages-search.md.
 *
 * Input: the package's data as plain JSON (WORD → 2,400 hex digits, 300
 * little-endian float32). The package's own loader cannot be installed
 * (its dependency `float-array-to-string` is gone from the registry), so
 * unpack it with `jsonfile-compressed` (see the doc), then:
 *
 *   npx tsx scripts/probe-word2vec-wordlist.ts w2v.json
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { stemmer } from 'stemmer';
import { bothWays, loadCurated, type QueryResult, type Side } from '../bench/related.ts';
import { builtinEditions } from '../sources/builtin.ts';
import {
  SIF_FUSION,
  buildRelatedIndex,
  decodeWordVectors,
  type FusionParams,
  type WordVectors,
} from '../sources/related/index.ts';
import { tokenize } from '../sources/search/tokenize.ts';

const W2V_DIMS = 300;
const GLOVE_DIMS = 100;

const path = process.argv[2];
if (!path) {
  console.error('usage: tsx scripts/probe-word2vec-wordlist.ts <w2v.json>');
  process.exit(2);
}

/** Unit-length copy. */
function normalized(v: Float32Array): Float32Array {
  let n = 0;
  for (const x of v) n += x * x;
  const out = Float32Array.from(v);
  if (n > 0) for (let i = 0; i < out.length; i++) out[i]! /= Math.sqrt(n);
  return out;
}

const glove = decodeWordVectors(
  JSON.parse(readFileSync('sources/related/vectors/text-vectors.json', 'utf8')),
);
const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
const byWord = new Map<string, Float32Array>();
const byStem = new Map<string, Float32Array>();
for (const [key, hex] of Object.entries(raw)) {
  const bytes = Buffer.from(hex, 'hex');
  const v = new Float32Array(W2V_DIMS);
  for (let i = 0; i < W2V_DIMS; i++) v[i] = bytes.readFloatLE(i * 4);
  const word = key.toLowerCase();
  byWord.set(word, normalized(v));
  if (!byStem.has(stemmer(word))) byStem.set(stemmer(word), byWord.get(word)!);
}
const w2vOf = (w: string) => byWord.get(w) ?? byStem.get(stemmer(w));

const editions = builtinEditions();
const words = new Set<string>();
for (const e of editions)
  for (const part of [...e.blocks, ...e.footnotes])
    for (const t of tokenize(part.text)) words.add(t.term);

const alone = new Map<string, Float32Array>();
const both = new Map<string, Float32Array>();
for (const w of words) {
  const a = glove.vectors.get(w);
  const b = w2vOf(w);
  if (b) alone.set(w, b);
  if (!a && !b) continue;
  const v = new Float32Array(GLOVE_DIMS + W2V_DIMS);
  if (a) v.set(a, 0);
  if (b) v.set(b, GLOVE_DIMS);
  both.set(w, normalized(v));
}
console.log(
  `words of the two texts ${words.size}: GloVe covers ${[...words].filter((w) => glove.vectors.has(w)).length}, word2vec-wordlist (word or stem) ${alone.size}, either ${both.size}`,
);
const withRanks = (dims: number, vectors: Map<string, Float32Array>): WordVectors => ({
  dims,
  vectors,
  ranks: glove.ranks,
  vocabularySize: glove.vocabularySize,
});
const sets: Record<string, WordVectors> = {
  'GloVe (shipped)': glove,
  'word2vec-wordlist': withRanks(W2V_DIMS, alone),
  'GloVe + word2vec, concatenated': withRanks(GLOVE_DIMS + W2V_DIMS, both),
};

const pairs = await loadCurated(editions);
if (typeof pairs === 'string') throw new Error(pairs);
const topics = [...new Set(pairs.map((p) => p[0].topic ?? ''))];
const tuneTopics = topics.filter((_, i) => i % 2 === 0);
const onTopic = (t: string): [Side, Side][] => pairs.filter((p) => (p[0].topic ?? '') === t);
const tune = tuneTopics.flatMap(onTopic);
const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const fmt = (rs: readonly QueryResult[]) =>
  `recall@3 ${mean(rs.map((r) => r.recall3)).toFixed(3)} MRR ${mean(rs.map((r) => r.rr)).toFixed(3)}`;
/** BM25 alone on an index with vectors (as the bench's NO_FUSION). */
const BM25: FusionParams = { method: 'weighted-sum', signal: 'sif-paragraph', weight: 0 };

const perTopic = new Map<string, Map<string, QueryResult[]>>();
for (const [name, vectors] of Object.entries(sets)) {
  const index = buildRelatedIndex(editions, { vectors });
  perTopic.set(
    name,
    new Map(tuneTopics.map((t) => [t, bothWays(editions, onTopic(t), index, SIF_FUSION)])),
  );
  console.log(
    `${name.padEnd(32)} tuning half, ${fmt(bothWays(editions, tune, index, SIF_FUSION))}; BM25 alone ${fmt(bothWays(editions, tune, index, BM25))}`,
  );
}

// Leave one tuning topic out: choose the vector set on the others (recall@3 + MRR, as the bench), score it on the one left out.
const chosen: QueryResult[] = [];
const picks = new Map<string, number>();
for (const left of tuneTopics) {
  let best = '';
  let bestValue = -1;
  for (const [name, byTopic] of perTopic) {
    const rs = tuneTopics.filter((t) => t !== left).flatMap((t) => byTopic.get(t)!);
    const value = mean(rs.map((r) => r.recall3)) + mean(rs.map((r) => r.rr));
    if (value > bestValue + 1e-9) [best, bestValue] = [name, value];
  }
  picks.set(best, (picks.get(best) ?? 0) + 1);
  chosen.push(...perTopic.get(best)!.get(left)!);
}
console.log(
  `leave-one-topic-out over the ${tuneTopics.length} tuning topics, set chosen per fold: ${fmt(chosen)} (picks: ${[...picks].map(([n, k]) => `${n} ×${k}`).join(', ')})`,
);
console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
