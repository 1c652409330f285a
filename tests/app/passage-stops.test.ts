import { describe, expect, it } from 'vitest';
import { stepStop, type PaneRun, type PassageStop } from '../../app/state/passage-stops.ts';
import type { Address } from '../../sources/edition.ts';
import { builtinEditions } from '../../sources/builtin.ts';

const lankov = builtinEditions().find((e) => e.id === 'lankov-2007')!;
const at = (n: number) => `lankov-2007:${n}` as Address;
const passage = (address: Address): PassageStop => ({ kind: 'passage', address });
// A run of ¶8-9 (its row stands before ¶8).
const run = (expanded: boolean): PaneRun => ({ first: at(8), blocks: [at(8), at(9)], expanded });

/** The stops met going `direction` from `from`, `n` of them. */
function walk(from: PassageStop, direction: 1 | -1, n: number, runs: readonly PaneRun[]) {
  const out: PassageStop[] = [];
  for (let s: PassageStop | null = from; out.length < n;) {
    s = stepStop(lankov, s, direction, false, runs);
    if (!s) break;
    out.push(s);
  }
  return out;
}

describe('stepStop', () => {
  it('meets a collapsed run as its row, not its paragraphs, both ways', () => {
    expect(walk(passage(at(7)), 1, 2, [run(false)])).toEqual([
      { kind: 'run', run: at(8) },
      passage(at(10)),
    ]);
    expect(walk(passage(at(10)), -1, 2, [run(false)])).toEqual([
      { kind: 'run', run: at(8) },
      passage(at(7)),
    ]);
  });

  it('goes from an expanded run’s row into its paragraphs', () => {
    expect(walk(passage(at(7)), 1, 4, [run(true)])).toEqual([
      { kind: 'run', run: at(8) },
      passage(at(8)),
      passage(at(9)),
      passage(at(10)),
    ]);
  });

  it('without runs, steps as Up/Down always did; a sentence counts as its paragraph', () => {
    expect(stepStop(lankov, passage(`${at(7)}.2` as Address), 1, false, [])).toEqual(
      passage(at(8)),
    );
  });

  it('when it fails: null past either end, and a hidden passage starts from an end', () => {
    const last = walk(passage(at(1)), 1, 10_000, [])
      .filter((s) => s.kind === 'passage')
      .pop()!;
    expect(stepStop(lankov, last, 1, false, [])).toBeNull();
    expect(stepStop(lankov, passage(at(9)), -1, false, [run(false)])?.kind).toBe('passage');
  });
});
