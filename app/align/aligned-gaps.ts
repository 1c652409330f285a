/**
 * The Aligned view's layout (issue 17): how much room to leave before which
 * block of each pane so that the paragraphs of one alignment row start level
 * in both panes, and where one text has nothing aligned with the other.
 *
 * Each row of the alignment (`sources/align/`) has a *segment* on each side
 * that has paragraphs in it: the row's paragraphs plus the unnumbered blocks
 * just before them (a heading, a caption), which stay attached to the
 * paragraph they introduce. The row's level is the top of its first
 * paragraph; a gap before the segment's first block brings it there. A row
 * with paragraphs on one side only leaves the other side a gap, shown as
 * such ("not aligned"), with where in it the unmatched paragraphs start, so
 * that its label faces them rather than the top of a room that can be
 * thousands of pixels tall (it also holds the levelling of the row before).
 *
 * Pure: the block heights come from the DOM (`use-aligned-view.ts`
 * measures them) and the gaps go back to the panes as data. Not for: the
 * alignment itself (`sources/align/`), or scrolling.
 */
import type { AlignedRow } from '../../sources/align/index.ts';

/** One pane's blocks as laid out with no gaps: their addresses and tops, in order. */
export interface PaneLayout {
  /** Block addresses in reading order (every block of the edition). */
  readonly addresses: readonly string[];
  /** The top of each block without gaps, from the top of the text. */
  readonly tops: readonly number[];
  /** Where the last block ends (without gaps). */
  readonly end: number;
}

/** Room left before a block. */
export interface AlignedGap {
  /** Height in pixels. */
  readonly height: number;
  /**
   * Paragraphs of the other text with no counterpart on this side, when
   * the gap stands for them (a visible "not aligned" gap), else empty (a
   * gap that only levels the next row).
   */
  readonly unmatched: readonly string[];
  /**
   * With `unmatched`: how far below the gap's top the first of those
   * paragraphs starts in the other pane, so the gap's label can face it
   * (the room above it faces the end of the previous row, which the other
   * text may have made taller). In pixels, at most `height`.
   */
  readonly unmatchedTop?: number;
}

/** Gaps keyed by the address of the block they precede, one map per side. */
export type AlignedGaps = readonly [
  ReadonlyMap<string, AlignedGap>,
  ReadonlyMap<string, AlignedGap>,
];

/** Gaps of less than this are not worth a node (sub-pixel rounding). */
const MIN_GAP = 1;

/*
 * Gaps are whole pixels (a gap re-measured a fraction of a pixel taller is
 * the same layout, not a re-render), and each side's cursor moves by the gap
 * actually placed — rounded, or left out under MIN_GAP — not by the gap the
 * row asked for: so the next row is levelled from where the text really is,
 * and rounding does not add up down the text. It did: rounded one by one
 * after the fact, 20 rows' half-pixels put Winstanley-Chesters 20 two
 * pixels off Lankov 39.
 */

/** The gaps that level each row of `rows` across the two panes. Pure. */
export function alignedGaps(
  rows: readonly AlignedRow[],
  layouts: readonly [PaneLayout, PaneLayout],
): AlignedGaps {
  const index = layouts.map((l) => new Map(l.addresses.map((a, i) => [a, i])));
  const out = [new Map<string, AlignedGap>(), new Map<string, AlignedGap>()] as const;
  // Where each side's text has reached, with the gaps so far.
  const cursor = [0, 0];
  // The bottom of the last row on either side: no row starts above it.
  let floor = 0;
  // Paragraphs of the other side left without a counterpart since this side's last segment.
  const pending: [string[], string[]] = [[], []];
  // Where the first of them starts, from the top of the text (as `cursor`).
  const pendingTop = [0, 0];
  // The block after each side's last placed paragraph: where its next segment may begin.
  const next = [0, 0];
  for (const row of rows) {
    const sides = [row.a, row.b] as const;
    const segments = ([0, 1] as const).map((s) => {
      const paras = sides[s];
      if (paras.length === 0) return null;
      const first = index[s]!.get(paras[0]!);
      const last = index[s]!.get(paras[paras.length - 1]!);
      if (first === undefined || last === undefined) return null;
      const { tops, end } = layouts[s]!;
      const start = Math.min(next[s]!, first);
      const top = (i: number) => (i < tops.length ? tops[i]! : end);
      return {
        start,
        end: last + 1,
        // Room the unnumbered blocks before the first paragraph take.
        lead: top(first) - top(start),
        // From the first paragraph's top to the next block's.
        body: top(last + 1) - top(first),
      };
    });
    const present = ([0, 1] as const).filter((s) => segments[s]);
    if (present.length === 0) continue;
    const level = Math.max(...present.map((s) => Math.max(cursor[s]!, floor) + segments[s]!.lead));
    for (const s of present) {
      const seg = segments[s]!;
      const height = Math.max(0, Math.round(level - seg.lead - cursor[s]!));
      const before = layouts[s]!.addresses[seg.start];
      const kept = before !== undefined && (height >= MIN_GAP || pending[s].length > 0);
      if (kept)
        out[s].set(
          before,
          pending[s].length === 0
            ? { height, unmatched: pending[s] }
            : {
                height,
                unmatched: pending[s],
                unmatchedTop: Math.min(
                  height,
                  Math.max(0, Math.round(pendingTop[s]! - cursor[s]!)),
                ),
              },
        );
      pending[s] = [];
      cursor[s] = cursor[s]! + (kept ? height : 0) + seg.lead + seg.body;
      next[s] = seg.end;
    }
    // The side with nothing in this row: its next gap stands for the other side's paragraphs.
    for (const s of [0, 1] as const) {
      if (segments[s]) continue;
      if (pending[s].length === 0) pendingTop[s] = level;
      pending[s] = [...pending[s], ...sides[s === 0 ? 1 : 0]];
    }
    // Both sides' next rows start below the taller of the two.
    floor = Math.max(...present.map((s) => cursor[s]!));
  }
  return out;
}
