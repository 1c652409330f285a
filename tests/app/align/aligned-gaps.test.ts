import { describe, expect, it } from 'vitest';
import {
  alignedGaps,
  alignedLayout,
  HOLD_MIN,
  hiddenBlocks,
  unmatchedRuns,
  type PaneLayout,
} from '../../../app/align/aligned-gaps.ts';
import { FACE_ROW, RUN_ROW } from '../../../app/align/run-row.ts';
import type { AlignedRow } from '../../../sources/align/index.ts';
import type { Address } from '../../../sources/edition.ts';

/** A row of the alignment (addresses are branded). */
const row = (a: string[], b: string[]): AlignedRow => ({ a: a as Address[], b: b as Address[] });

// Text A: a title 40 px high, then paragraphs of 60, 30 and 70 px.
const a: PaneLayout = {
  addresses: ['a:title', 'a:1', 'a:2', 'a:3'],
  tops: [0, 40, 100, 130],
  end: 200,
};
// Text B: a title 60 px high, then paragraphs of 20 and 100 px.
const b: PaneLayout = { addresses: ['b:title', 'b:1', 'b:2'], tops: [0, 60, 80], end: 180 };

/** Where each block starts once the gaps are in (and the `hidden` blocks take no room). */
function placed(
  layout: PaneLayout,
  gaps: ReadonlyMap<string, { height: number }>,
  hidden: ReadonlySet<string> = new Set(),
): number[] {
  let shift = 0;
  return layout.addresses.map((address, i) => {
    shift += gaps.get(address)?.height ?? 0;
    const top = layout.tops[i]! + shift;
    if (hidden.has(address)) shift -= (layout.tops[i + 1] ?? layout.end) - layout.tops[i]!;
    return top;
  });
}

describe('alignedGaps', () => {
  const rows: AlignedRow[] = [row(['a:1'], ['b:1']), row(['a:2'], []), row(['a:3'], ['b:2'])];
  const [ga, gb] = alignedGaps(rows, [a, b]);

  it('starts the paragraphs of each row level, headings staying above their paragraph', () => {
    const ta = placed(a, ga);
    const tb = placed(b, gb);
    expect(ta[1]).toBe(tb[1]); // a:1 level with b:1
    expect(ta[3]).toBe(tb[2]); // a:3 level with b:2
    expect(ga.get('a:title')).toEqual({ height: 20, unmatched: [] }); // the gap goes above the title
  });

  it('leaves a visible gap where one text has nothing aligned', () => {
    // a:2 starts 40 px into the gap (its first 40 px face the rest of a:1, taller than b:1).
    expect(gb.get('b:2')).toEqual({ height: 70, unmatched: ['a:2'], unmatchedTop: 40 });
    expect(placed(b, gb)[2]! - 70 + 40).toBe(placed(a, ga)[2]);
    // The next row starts below the unmatched paragraph.
    expect(placed(b, gb)[2]).toBeGreaterThanOrEqual(placed(a, ga)[2]! + 30);
  });

  it('needs no gap when the texts already sit level', () => {
    const same: PaneLayout = { addresses: ['x:1', 'x:2'], tops: [0, 50], end: 100 };
    const other: PaneLayout = { addresses: ['y:1', 'y:2'], tops: [0, 50], end: 100 };
    const gaps = alignedGaps([row(['x:1'], ['y:1']), row(['x:2'], ['y:2'])], [same, other]);
    expect([...gaps[0].keys(), ...gaps[1].keys()]).toEqual([]);
  });

  it('keeps long texts level to the pixel: whole-pixel gaps whose rounding does not add up', () => {
    // 40 rows of fractional heights (27.3 px against 26.9 px, 31.55 against 33.1, ...), as
    // measured in a browser: each row's paragraphs start within half a pixel of each other.
    const n = 40;
    const heights = (base: number, step: number) =>
      Array.from({ length: n }, (_, i) => base + ((i * step) % 7.77));
    const layout = (side: string, hs: number[]): PaneLayout => {
      const tops: number[] = [];
      let y = 0;
      for (const h of hs) {
        tops.push(y);
        y += h;
      }
      return { addresses: hs.map((_, i) => `${side}:${i}`), tops, end: y };
    };
    const x = layout('x', heights(27.3, 1.37));
    const y = layout('y', heights(26.9, 2.41));
    const rows = Array.from({ length: n }, (_, i) => row([`x:${i}`], [`y:${i}`]));
    const [gx, gy] = alignedGaps(rows, [x, y]);
    for (const g of [...gx.values(), ...gy.values()]) expect(Number.isInteger(g.height)).toBe(true);
    const px = placed(x, gx);
    const py = placed(y, gy);
    const off = px.map((t, i) => Math.abs(t - py[i]!));
    expect(Math.max(...off)).toBeLessThanOrEqual(0.5 + 1e-9);
  });

  it('when it fails: rows naming paragraphs the layout lacks are skipped', () => {
    const gaps = alignedGaps([row(['a:9'], ['b:1'])], [a, b]);
    expect(gaps[0].size).toBe(0);
  });

  describe('runs of paragraphs with no counterpart', () => {
    // Text X: x:1 (50 px) pairs with y:1; x:2-x:4 (100 px each, a heading between x:3 and x:4)
    // have no counterpart, nor has y:2 (80 px); then x:5 pairs with y:3.
    const x: PaneLayout = {
      addresses: ['x:1', 'x:2', 'x:3', 'x:heading1', 'x:4', 'x:5'],
      tops: [0, 50, 150, 250, 280, 380],
      end: 430,
    };
    const y: PaneLayout = { addresses: ['y:1', 'y:2', 'y:3'], tops: [0, 50, 130], end: 180 };
    const rows = [
      row(['x:1'], ['y:1']),
      row(['x:2'], []),
      row(['x:3'], []),
      row([], ['y:2']),
      row(['x:4'], []),
      row(['x:5'], ['y:3']),
    ];
    const runs = unmatchedRuns(rows, [x.addresses, y.addresses]);

    it('groups each side’s paragraphs between two paired rows, with the blocks between them', () => {
      expect(runs).toEqual([
        { side: 0, paragraphs: ['x:2', 'x:3', 'x:4'], blocks: ['x:2', 'x:3', 'x:heading1', 'x:4'] },
        { side: 1, paragraphs: ['y:2'], blocks: ['y:2'] },
      ]);
      expect(unmatchedRuns([row(['x:1'], ['y:1'])], [x.addresses, y.addresses])).toEqual([]);
    });

    it('collapsed: one row each, level, the next pair right below them (not 300 px of blank)', () => {
      const [gx, gy] = alignedGaps(rows, [x, y], { runs, expanded: new Set() });
      expect(hiddenBlocks(runs, new Set())[0]).toEqual(
        new Set(['x:2', 'x:3', 'x:heading1', 'x:4']),
      );
      // Each run's row starts where its text's previous pair ends (50 px): level, RUN_ROW high.
      expect(gx.get('x:2')).toEqual({
        height: RUN_ROW,
        unmatched: [],
        run: { paragraphs: ['x:2', 'x:3', 'x:4'], expanded: false, top: 0 },
      });
      expect(gy.get('y:2')).toEqual({
        height: RUN_ROW,
        unmatched: [],
        run: { paragraphs: ['y:2'], expanded: false, top: 0 },
      });
      // x:5 and y:3 level, at 50 + RUN_ROW: the runs' paragraphs take no room.
      const hidden = hiddenBlocks(runs, new Set());
      expect(placed(x, gx, hidden[0])[5]).toBe(50 + RUN_ROW);
      expect(placed(y, gy, hidden[1])[2]).toBe(50 + RUN_ROW);
      // Without runs (as before), the pair after them started 460 px down in both panes: y:2
      // below x:2-x:3, x:4 below y:2, and blank facing each.
      const old = alignedGaps(rows, [x, y]);
      expect(placed(x, old[0])[5]).toBe(460);
      expect(placed(y, old[1])[2]).toBe(460);
    });

    it('expanded: the row heads its paragraphs, which the other pane faces with a marked gap', () => {
      const [gx, gy] = alignedGaps(rows, [x, y], { runs, expanded: new Set(['x:2']) });
      expect(hiddenBlocks(runs, new Set(['x:2']))[0].size).toBe(0);
      expect(gx.get('x:2')!.run).toEqual({
        paragraphs: ['x:2', 'x:3', 'x:4'],
        expanded: true,
        top: 0,
      });
      // y's run is still collapsed: its row faces x's; then x:2-x:4 (330 px with the heading) face
      // a gap naming them, and x:5 and y:3 are level.
      const hidden = hiddenBlocks(runs, new Set(['x:2']));
      const px = placed(x, gx, hidden[0]);
      const py = placed(y, gy, hidden[1]);
      expect(px[5]).toBe(py[2]);
      expect(px[5]).toBe(50 + RUN_ROW + 330);
      expect(gy.get('y:3')!.unmatched).toEqual(['x:2', 'x:3', 'x:4']);
    });
  });
});

describe('alignedLayout: the short side of a row held in sight', () => {
  // P: p:1 (50 px) faces q:1-q:3 (100 px each); then p:2 (60 px) faces q:4 (60 px).
  const p: PaneLayout = { addresses: ['p:1', 'p:2'], tops: [0, 50], end: 110 };
  const q: PaneLayout = {
    addresses: ['q:1', 'q:2', 'q:3', 'q:4'],
    tops: [0, 100, 200, 300],
    end: 360,
  };
  const rows = [row(['p:1'], ['q:1', 'q:2', 'q:3']), row(['p:2'], ['q:4'])];
  const none = { runs: [], expanded: new Set<string>() };
  const total = (l: PaneLayout, gaps: ReadonlyMap<string, { height: number }>, room = 0) =>
    l.end + [...gaps.values()].reduce((sum, g) => sum + g.height, 0) + room;

  it('holds the one paragraph facing three, through the room below it, which it takes from the next gap', () => {
    const plain = alignedGaps(rows, [p, q]);
    const { gaps, holds } = alignedLayout(rows, [p, q], none, { maxHeight: 800 });
    const hold = holds[0].get('p:1')!;
    expect(hold).toEqual({ last: 'p:1', faces: ['q:1', 'q:2', 'q:3'], room: 300 - 50 - FACE_ROW });
    expect(holds[1].size).toBe(0);
    // Without the hold, the 250 px below p:1 were a blank gap before p:2; now the row owns them.
    expect(plain[0].get('p:2')).toEqual({ height: 250, unmatched: [] });
    expect(gaps[0].has('p:2')).toBe(false);
    // Neither pane grows: the held part, its label and room are as tall as the gap they replace.
    expect(total(p, gaps[0], FACE_ROW + hold.room)).toBe(total(p, plain[0]));
    expect(total(q, gaps[1])).toBe(total(q, plain[1]));
  });

  it('holds nothing where the room is small, or the part with its label is taller than the pane', () => {
    const close = [row(['p:1'], ['q:1']), row(['p:2'], ['q:2', 'q:3', 'q:4'])];
    // p:1 faces q:1 with 50 px below it (< HOLD_MIN); p:2 faces 200 px more than its own.
    const { holds } = alignedLayout(close, [p, q], none, { maxHeight: 800 });
    expect(50).toBeLessThan(HOLD_MIN);
    expect([...holds[0].keys()]).toEqual(['p:2']);
    const short = alignedLayout(close, [p, q], none, { maxHeight: 60 + FACE_ROW - 1 });
    expect(short.holds[0].size).toBe(0);
    // And without the option, as alignedGaps: no holds.
    expect(alignedLayout(rows, [p, q]).holds[0].size).toBe(0);
  });
});
