import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Alignment } from '../../../sources/align/index.ts';
import { alignEditions } from '../../../sources/align/index.ts';
import { builtinEditions } from '../../../sources/builtin.ts';
import { NUMBERED_ROLES, type Address, type SourceId } from '../../../sources/edition.ts';
import {
  buildRelatedIndex,
  decodeWordVectors,
  positionPrior,
  positionScore,
  related,
  relatedSignals,
  withAlignments,
} from '../../../sources/related/index.ts';

const addr = (s: string) => s as Address;
const A = ['a:1', 'a:2', 'a:3', 'a:4', 'a:5'];
const B = ['b:1', 'b:2', 'b:3', 'b:4', 'b:5', 'b:6', 'b:7', 'b:8', 'b:9'];

function alignment(rows: [string[], string[]][]): Alignment {
  return {
    a: 'a' as SourceId,
    b: 'b' as SourceId,
    rows: rows.map(([a, b]) => ({ a: a.map(addr), b: b.map(addr) })),
  };
}

describe('position prior', () => {
  it('expects an aligned paragraph at the mean of its row’s other side', () => {
    const prior = positionPrior(
      alignment([
        [['a:1'], ['b:1', 'b:2']],
        [['a:3'], ['b:5']],
        [['a:5'], ['b:9']],
      ]),
      A,
      B,
    );
    expect(prior.expected.get('a:1')).toBe(0.5);
    expect(prior.expected.get('a:3')).toBe(4);
    expect(prior.expected.get('b:5')).toBe(2);
    expect(prior.expected.get('b:2')).toBe(0);
  });

  it('interpolates an unaligned paragraph between its aligned neighbours, and holds past the last', () => {
    const prior = positionPrior(
      alignment([
        [['a:1'], ['b:1']],
        [['a:2'], []],
        [['a:3'], ['b:5']],
        [['a:4'], []],
        [['a:5'], []],
      ]),
      A,
      B,
    );
    expect(prior.expected.get('a:2')).toBe(2);
    expect(prior.expected.get('a:5')).toBe(4);
    // b:3 lies between b:1 (→ a:1) and b:5 (→ a:3)
    expect(prior.expected.get('b:3')).toBe(1);
  });

  it('falls back to proportional position with no aligned pair', () => {
    const prior = positionPrior(alignment([]), A, B);
    expect(prior.expected.get('a:1')).toBe(0);
    expect(prior.expected.get('a:5')).toBe(8);
    expect(prior.expected.get('b:9')).toBe(4);
  });

  it('scores minus the distance, and nothing for an unknown paragraph', () => {
    const prior = positionPrior(alignment([[['a:3'], ['b:5']]]), A, B);
    expect(positionScore(prior, 'a:3', 4)).toBe(-0);
    expect(positionScore(prior, 'a:3', 7)).toBe(-3);
    expect(positionScore(prior, 'a:9', 0)).toBeUndefined();
  });

  it('ranks, as a signal, the paragraphs near where the alignment expects them first', () => {
    const editions = builtinEditions();
    const [wc, lankov] = editions;
    const index = withAlignments(buildRelatedIndex(editions), [
      alignEditions(wc!, lankov!, {
        anchors: [{ a: 'winstanley-chesters-2015:14', b: 'lankov-2007:35' }],
      }),
    ]);
    const table = relatedSignals(index, 'winstanley-chesters-2015:14', 'lankov-2007', ['position']);
    const position = table.signals.find((s) => s.signal === 'position')!.scores;
    const best = table.addresses[position.indexOf(Math.max(...position))];
    expect(best).toBe('lankov-2007:35');
    // A selection has no paragraph, so no position: every candidate alike.
    const selection = relatedSignals(
      index,
      { source: 'winstanley-chesters-2015', text: 'the gas pipeline from Sakhalin' },
      'lankov-2007',
      ['position'],
    );
    expect(new Set(selection.signals[0]!.scores).size).toBe(1);
    // Without alignments the index has no prior either.
    const none = relatedSignals(
      buildRelatedIndex(editions),
      'winstanley-chesters-2015:14',
      'lankov-2007',
      ['position'],
    );
    expect(new Set(none.signals[0]!.scores).size).toBe(1);
    const count = lankov!.blocks.filter((b) => NUMBERED_ROLES.has(b.role)).length;
    expect(position).toHaveLength(count);
  });

  it('moves a fusion that names it: an anchored pair rises', () => {
    const editions = builtinEditions();
    const [wc, lankov] = editions;
    const vectors = decodeWordVectors(
      JSON.parse(
        readFileSync(
          new URL('../../../sources/related/vectors/text-vectors.json', import.meta.url),
          'utf8',
        ),
      ),
    );
    const base = buildRelatedIndex(editions, { vectors, dates: true });
    const rankOf = (index: typeof base) =>
      related(index, 'winstanley-chesters-2015:10', {
        k: Infinity,
        within: 'lankov-2007',
        fusion: { method: 'rrf', k: 60, signals: ['sif-paragraph', 'sif-sentence', 'position'] },
      })
        .map((h) => h.address)
        .indexOf('lankov-2007:2' as Address);
    // "temporarily irrelevant" (W-C ¶10.3) against "a rather passive observer" (L ¶2.3): few shared words.
    const anchored = withAlignments(base, [
      alignEditions(wc!, lankov!, {
        anchors: [{ a: 'winstanley-chesters-2015:10.3', b: 'lankov-2007:2.3' }],
      }),
    ]);
    expect(rankOf(anchored)).toBeLessThan(rankOf(base));
  });
});
