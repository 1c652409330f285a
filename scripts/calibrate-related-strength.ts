/**
 * How the Related panel's thresholds on meaning were read
 * (`app/compare/related-strength.ts`), the way the shared-word thresholds
 * were: for each curated comparison, both ways, the query paragraph's
 * meaning evidence (`RelatedPassage.meaning`) with its curated counterpart
 * and with the candidate ranked in the middle of the other text; then, for
 * a few selections of common words, their best meaning evidence and their
 * best raw SIF cosine (why the evidence discounts common words). Prints
 * quantiles and the share of counterparts and middle candidates at or
 * above each threshold given. Not part of the app or `npm run bench`.
 *
 *   npx tsx scripts/calibrate-related-strength.ts 0.25 0.4
 */
import { readFileSync } from 'node:fs';
import { loadCurated } from '../bench/related.ts';
import { formatAddress, parseAddress } from '../sources/address.ts';
import { builtinEditions } from '../sources/builtin.ts';
import {
  buildRelatedIndex,
  decodeWordVectors,
  related,
  relatedSignals,
} from '../sources/related/index.ts';

const WC = 'winstanley-chesters-2015';
const LANKOV = 'lankov-2007';
const editions = builtinEditions();
const vectors = decodeWordVectors(
  JSON.parse(
    readFileSync(new URL('../sources/related/vectors/text-vectors.json', import.meta.url), 'utf8'),
  ),
);
const index = buildRelatedIndex(editions, { vectors });
const pairs = await loadCurated(editions);
if (typeof pairs === 'string') throw new Error(pairs);

/** A paragraph or sentence address as its paragraph's, else null (a title, a range). */
function paragraphOf(address: string): string | null {
  const a = parseAddress(address);
  if (a?.kind === 'paragraph') return address;
  if (a?.kind === 'sentence') return formatAddress({ kind: 'paragraph', source: a.source, n: a.n });
  return null;
}

const counterpart: number[] = [];
const middle: number[] = [];
const seen = new Set<string>();
for (const pair of pairs)
  for (const [q, t] of [pair, [pair[1], pair[0]] as const]) {
    const query = paragraphOf(q.address);
    const target = paragraphOf(t.address);
    if (!query || !target || seen.has(`${query}>${target}`)) continue;
    seen.add(`${query}>${target}`);
    const hits = related(index, query, { within: t.source, k: Infinity, explain: false });
    counterpart.push(hits.find((h) => h.address === target)!.meaning);
    middle.push(hits[Math.floor(hits.length / 2)]!.meaning);
  }

const quantile = (xs: readonly number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const share = (xs: readonly number[], t: number) =>
  `${Math.round((100 * xs.filter((x) => x >= t).length) / xs.length)} %`;
console.log(`${counterpart.length} queries (curated comparisons, both ways): meaning evidence`);
for (const q of [0.25, 0.5, 0.75, 0.9])
  console.log(
    `  q${q}: counterpart ${quantile(counterpart, q).toFixed(3)}, middle candidate ${quantile(middle, q).toFixed(3)}`,
  );
for (const t of process.argv.slice(2).map(Number))
  console.log(
    `  >= ${t}: counterparts ${share(counterpart, t)}, middle candidates ${share(middle, t)}`,
  );

for (const text of [
  'it is not very important at the moment, and the issue plays a secondary role',
  'this is a very good thing and it will be so for many years',
  'there are many other things that we should also take into account here',
  'in the same way, all of them were there at that time',
]) {
  const query = { source: LANKOV, text };
  const best = Math.max(
    ...related(index, query, { within: WC, k: Infinity }).map((h) => h.meaning),
  );
  const table = relatedSignals(index, query, WC, ['sif-paragraph', 'sif-sentence']);
  const cosine = Math.max(...table.signals[0]!.scores, ...table.signals[1]!.scores);
  console.log(`"${text}": best meaning ${best.toFixed(3)} (best SIF cosine ${cosine.toFixed(3)})`);
}
