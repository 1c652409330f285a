import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinEditions } from '../../../sources/builtin.ts';
import {
  buildRelatedIndex,
  decodeWordVectors,
  fuseSignals,
  related,
  relatedSignals,
  type FusionParams,
} from '../../../sources/related/index.ts';

const vectors = decodeWordVectors(
  JSON.parse(
    readFileSync(
      new URL('../../../sources/related/vectors/text-vectors.json', import.meta.url),
      'utf8',
    ),
  ),
);
const editions = builtinEditions();
const index = buildRelatedIndex(editions, { vectors, dates: true });
const WC = 'winstanley-chesters-2015';
const LANKOV = 'lankov-2007';

const FUSIONS: readonly FusionParams[] = [
  { method: 'rrf', k: 60, signals: ['sif-paragraph', 'sif-sentence'] },
  {
    method: 'rrf',
    k: 10,
    signals: ['sif-sentence', 'bm25-sentence', 'dates', 'reverse', 'prf'],
    weights: {
      bm25: 0.5,
      'sif-sentence': 2,
      'bm25-sentence': 1,
      dates: 0.5,
      reverse: 1,
      prf: 0.25,
    },
  },
  {
    method: 'linear',
    signals: ['sif-paragraph', 'bm25-sentence', 'dates'],
    weights: { bm25: 1, 'sif-paragraph': 0.5, 'bm25-sentence': 2, dates: 0.25 },
  },
];

describe('fusion of the signals', () => {
  it('ranks from precomputed signal tables exactly as related does (what the bench’s weight search relies on)', () => {
    for (const fusion of FUSIONS)
      for (const query of [`${WC}:9`, `${WC}:12`, `${LANKOV}:15`]) {
        const within = query.startsWith(WC) ? LANKOV : WC;
        const table = relatedSignals(index, query, within, [
          'sif-paragraph',
          'sif-sentence',
          'bm25-sentence',
          'dates',
          'reverse',
          'prf',
        ]);
        const fused = fuseSignals(fusion, table);
        const order = fused
          .map((score, i) => ({ score, i }))
          .filter((x) => x.score > 0)
          .sort((a, b) => b.score - a.score || a.i - b.i)
          .map((x) => table.addresses[x.i]);
        expect(
          related(index, query, { k: Infinity, within, fusion }).map((h) => h.address),
        ).toEqual(order);
      }
  });

  it('weights count: a signal at weight 0 changes nothing, and BM25 at weight 0 leaves the ranking to the others', () => {
    const base: FusionParams = {
      method: 'linear',
      signals: ['sif-paragraph'],
      weights: { bm25: 1, 'sif-paragraph': 1 },
    };
    const zero: FusionParams = {
      method: 'linear',
      signals: ['sif-paragraph', 'dates'],
      weights: { bm25: 1, 'sif-paragraph': 1, dates: 0 },
    };
    const ranked = (f: FusionParams) =>
      related(index, `${WC}:12`, { k: Infinity, within: LANKOV, fusion: f }).map((h) => h.address);
    expect(ranked(zero)).toEqual(ranked(base));
    const sifOnly = ranked({
      method: 'linear',
      signals: ['sif-paragraph'],
      weights: { bm25: 0, 'sif-paragraph': 1 },
    });
    expect(sifOnly).toEqual(ranked({ method: 'weighted-sum', signal: 'sif-paragraph', weight: 1 }));
    expect(sifOnly).not.toEqual(ranked(base));
  });

  it('a reverse match counts: BM25 from the candidate back to the query', () => {
    const table = relatedSignals(index, `${WC}:14`, LANKOV, ['reverse']);
    const reverse = table.signals[0]!.scores;
    // Lankov ¶35 (the gas pipeline) finds W-C ¶14 (the pipeline) as its own best match.
    expect(reverse[table.addresses.indexOf(`${LANKOV}:35` as never)]).toBe(1);
    expect(Math.max(...reverse)).toBeLessThanOrEqual(1);
  });
});
