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
 * A run of paragraphs with no counterpart (`unmatchedRuns`: the paragraphs
 * one side has between two rows that pair both sides) is collapsed by
 * default into one row of `RUN_ROW` pixels that names them and expands on
 * demand: at its full height it left the other pane a blank room as tall
 * as the run (at 1440 px, 1,000 px and more of blank half-page for
 * Lankov 8–9 or Winstanley-Chesters 5–6). Collapsed, its blocks take no
 * room (`hiddenBlocks`); the run's row on each side starts level, so where
 * both texts have unmatched paragraphs between the same two pairs, their two
 * rows face each other. Expanded, the row stays as its header (with its
 * button to collapse it) and the paragraphs follow, the other side leaving
 * a marked gap as before.
 *
 * Where one side's part of a row pairing both sides is much shorter than
 * the other's (one paragraph aligned with fourteen: Winstanley-Chesters 19
 * with Lankov 25–38), the room below it is no longer a blank column: the
 * short side is *held* (`AlignedHold`) — its blocks and a one-line label
 * saying what they face ("faces Lankov (2007) ¶25–38", `FACE_ROW` high)
 * go in a row of their own, as tall as the other side's part, and the view
 * keeps them in sight (`position: sticky`) while the other side scrolls
 * past. The room is taken from the gap that followed, so no pane grows.
 * Only where the held part (with its label) fits in the pane's height:
 * a paragraph taller than the pane, kept stuck at its top, would hide its
 * own end until the row had scrolled by.
 *
 * Pure: the block heights come from the DOM (`use-aligned-view.ts`
 * measures them) and the gaps go back to the panes as data. Not for: the
 * alignment itself (`sources/align/`), or scrolling.
 */
import type { AlignedRow } from '../../sources/align/index.ts';
import { FACE_ROW, RUN_ROW } from './run-row.ts';

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

  /**
   * A run of this side's own paragraphs with no counterpart (`UnmatchedRun`) begins
   * here: the gap holds its row (`RUN_ROW` high), `top` pixels below the gap's top.
   */
  readonly run?: {
    readonly paragraphs: readonly string[];
    readonly expanded: boolean;
    readonly top: number;
  };
}

/** Paragraphs of one side with no counterpart between two rows that pair both sides. */
export interface UnmatchedRun {
  /** The side (pane) whose text holds them. */
  readonly side: 0 | 1;
  /** Their addresses in reading order; the first names the run (`expanded` holds it). */
  readonly paragraphs: readonly string[];
  /** The blocks the collapsed run hides: from its first paragraph to its last, any block between included. */
  readonly blocks: readonly string[];
}

/**
 * One side's part of a row pairing both sides, held in view while the other side's longer part
 * scrolls past (see the module comment). Keyed by its first block (`AlignedHolds`).
 */
export interface AlignedHold {
  /** The last block of the part: the held blocks run from the key to this one. */
  readonly last: string;
  /** The other side's paragraphs in the row, for the label ("faces Lankov (2007) ¶25–38"). */
  readonly faces: readonly string[];
  /** The blank room below the part and its label, to the row's end, in pixels. */
  readonly room: number;
}

/** Held parts keyed by their first block's address, one map per side. */
export type AlignedHolds = readonly [
  ReadonlyMap<string, AlignedHold>,
  ReadonlyMap<string, AlignedHold>,
];

/** The Aligned view's layout: the gaps, and the parts of rows held in view. */
export interface AlignedLayout {
  readonly gaps: AlignedGaps;
  readonly holds: AlignedHolds;
}

/** Options of `alignedLayout` for holding the short side of a row. */
export interface HoldOptions {
  /**
   * The panes' visible height: a part taller than this with its label is not held (held at
   * the pane's top, its end would stay out of sight until the row had passed).
   */
  readonly maxHeight: number;
}

/**
 * A row's short side is held only when the room below it is at least this: a smaller room
 * is gone after a few lines of scrolling, and a label under most one-to-one rows (whose two
 * paragraphs rarely end level) would say what the facing pane already shows beside it.
 */
export const HOLD_MIN = 120;

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

/**
 * The runs of `rows`: for each stretch of rows with paragraphs on one side only, between two
 * rows that pair both sides (or the text's ends), each side's paragraphs in it. `addresses`
 * are each side's blocks in reading order (`PaneLayout.addresses`). Pure.
 */
export function unmatchedRuns(
  rows: readonly AlignedRow[],
  addresses: readonly [readonly string[], readonly string[]],
): UnmatchedRun[] {
  const index = addresses.map((l) => new Map(l.map((a, i) => [a, i])));
  const runs: UnmatchedRun[] = [];
  let open: [string[], string[]] = [[], []];
  const flush = () => {
    for (const side of [0, 1] as const) {
      const paragraphs = open[side].filter((p) => index[side]!.has(p));
      if (paragraphs.length === 0) continue;
      const from = index[side]!.get(paragraphs[0]!)!;
      const to = index[side]!.get(paragraphs[paragraphs.length - 1]!)!;
      runs.push({ side, paragraphs, blocks: addresses[side].slice(from, to + 1) });
    }
    open = [[], []];
  };
  for (const row of rows) {
    if (row.a.length > 0 && row.b.length > 0) flush();
    else
      open = [
        [...open[0], ...row.a],
        [...open[1], ...row.b],
      ];
  }
  flush();
  return runs;
}

/** The blocks hidden on each side while the runs not in `expanded` are collapsed. */
export function hiddenBlocks(
  runs: readonly UnmatchedRun[],
  expanded: ReadonlySet<string>,
): readonly [ReadonlySet<string>, ReadonlySet<string>] {
  const out = [new Set<string>(), new Set<string>()] as const;
  for (const run of runs)
    if (!expanded.has(run.paragraphs[0]!)) for (const b of run.blocks) out[run.side].add(b);
  return out;
}

/** `layout` with the `hidden` blocks taking no room (whether or not they were measured shown). */
function withoutBlocks(layout: PaneLayout, hidden: ReadonlySet<string>): PaneLayout {
  if (hidden.size === 0) return layout;
  let removed = 0;
  const { addresses, tops, end } = layout;
  const out = addresses.map((a, i) => {
    const top = tops[i]! - removed;
    if (hidden.has(a)) removed += (i + 1 < tops.length ? tops[i + 1]! : end) - tops[i]!;
    return top;
  });
  return { addresses, tops: out, end: end - removed };
}

/** Two gaps before one block, `first` above `second`, as one. */
function merged(first: AlignedGap, second: AlignedGap): AlignedGap {
  const run = first.run ?? (second.run && { ...second.run, top: second.run.top + first.height });
  const unmatched = second.unmatched.length > 0 ? second : first;
  const unmatchedTop =
    unmatched === second
      ? second.unmatchedTop === undefined
        ? undefined
        : second.unmatchedTop + first.height
      : first.unmatchedTop;
  return {
    height: first.height + second.height,
    unmatched: unmatched.unmatched,
    ...(unmatchedTop === undefined ? {} : { unmatchedTop }),
    ...(run ? { run } : {}),
  };
}

/** How `alignedGaps` lays out the runs of paragraphs with no counterpart. */
export interface RunOptions {
  /** The runs (`unmatchedRuns` of the same rows). */
  readonly runs: readonly UnmatchedRun[];
  /** The first paragraphs of the runs shown in full; the others are collapsed. */
  readonly expanded: ReadonlySet<string>;
}

/** One step of the layout: a row of the alignment, or the rows of the runs starting at one place. */
type Step =
  | { readonly kind: 'row'; readonly sides: readonly [readonly string[], readonly string[]] }
  | { readonly kind: 'runs'; readonly runs: readonly [UnmatchedRun | null, UnmatchedRun | null] };

/**
 * The steps of the layout: each stretch of one-sided rows becomes the row of its runs, level,
 * followed by its rows less the collapsed runs' paragraphs.
 */
function stepsOf(rows: readonly AlignedRow[], { runs, expanded }: RunOptions): Step[] {
  const runOf = new Map<string, UnmatchedRun>();
  for (const run of runs) for (const p of run.paragraphs) runOf.set(p, run);
  const shown = (p: string) => {
    const run = runOf.get(p);
    return run === undefined || expanded.has(run.paragraphs[0]!);
  };
  const both = (row: AlignedRow) => row.a.length > 0 && row.b.length > 0;
  const steps: Step[] = [];
  for (let i = 0; i < rows.length;) {
    let j = i + 1;
    if (!both(rows[i]!)) while (j < rows.length && !both(rows[j]!)) j++;
    const stretch = rows.slice(i, j);
    // A stretch of one-sided rows: the rows of its runs (at most one a side) first, level.
    const found: [UnmatchedRun | null, UnmatchedRun | null] = [null, null];
    if (!both(rows[i]!))
      for (const row of stretch)
        for (const s of [0, 1] as const)
          for (const p of s === 0 ? row.a : row.b) found[s] ??= runOf.get(p) ?? null;
    if (found[0] || found[1]) steps.push({ kind: 'runs', runs: found });
    for (const row of stretch) {
      const sides = [row.a.filter(shown), row.b.filter(shown)] as const;
      if (sides[0].length > 0 || sides[1].length > 0) steps.push({ kind: 'row', sides });
    }
    i = j;
  }
  return steps;
}

/**
 * The gaps that level each row of `rows` across the two panes, with the runs of paragraphs
 * with no counterpart collapsed unless expanded (`runs`; without it, every run in full and no
 * run rows). Pure.
 */
export function alignedGaps(
  rows: readonly AlignedRow[],
  measured: readonly [PaneLayout, PaneLayout],
  runs: RunOptions = { runs: [], expanded: new Set() },
): AlignedGaps {
  return alignedLayout(rows, measured, runs).gaps;
}

/**
 * `alignedGaps`, and with `hold` the short sides of rows held in view (`AlignedHold`): each
 * held part's room is taken from the gap after it, so each side's total height is the same
 * with or without `hold`. Pure.
 */
export function alignedLayout(
  rows: readonly AlignedRow[],
  measured: readonly [PaneLayout, PaneLayout],
  runs: RunOptions = { runs: [], expanded: new Set() },
  hold?: HoldOptions,
): AlignedLayout {
  const hidden = hiddenBlocks(runs.runs, runs.expanded);
  const layouts = [withoutBlocks(measured[0], hidden[0]), withoutBlocks(measured[1], hidden[1])];
  const index = layouts.map((l) => new Map(l.addresses.map((a, i) => [a, i])));
  const out = [new Map<string, AlignedGap>(), new Map<string, AlignedGap>()] as const;
  const holds = [new Map<string, AlignedHold>(), new Map<string, AlignedHold>()] as const;
  const place = (s: 0 | 1, before: string, gap: AlignedGap) => {
    const old = out[s].get(before);
    out[s].set(before, old ? merged(old, gap) : gap);
  };
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
  for (const step of stepsOf(rows, runs)) {
    const segments = ([0, 1] as const).map((s) => {
      const paras = step.kind === 'row' ? step.sides[s] : step.runs[s]?.paragraphs;
      if (!paras || paras.length === 0) return null;
      const first = index[s]!.get(paras[0]!);
      const last = index[s]!.get(paras[paras.length - 1]!);
      if (first === undefined || last === undefined) return null;
      const { tops, end } = layouts[s]!;
      const start = Math.min(next[s]!, first);
      const top = (i: number) => (i < tops.length ? tops[i]! : end);
      const run = step.kind === 'runs' ? step.runs[s]! : null;
      const open = run !== null && runs.expanded.has(run.paragraphs[0]!);
      return {
        start,
        first,
        // A run's row is followed by its paragraphs when open, else by what follows them.
        end: run ? (open ? first : last + 1) : last + 1,
        // Room the unnumbered blocks before the first paragraph take.
        lead: top(first) - top(start),
        // From the first paragraph's top to the next block's; a run's row is RUN_ROW high.
        body: run ? RUN_ROW : top(last + 1) - top(first),
        run: run ? { paragraphs: run.paragraphs, expanded: open } : null,
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
        place(
          s,
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
      // The run's row: a gap of its own before its first paragraph (shown or not).
      if (seg.run)
        place(s, layouts[s]!.addresses[seg.first]!, {
          height: RUN_ROW,
          unmatched: [],
          run: { ...seg.run, top: 0 },
        });
      next[s] = seg.end;
    }
    // The side with nothing in this row: its next gap stands for the other side's paragraphs.
    if (step.kind === 'row')
      for (const s of [0, 1] as const) {
        if (segments[s]) continue;
        if (pending[s].length === 0) pendingTop[s] = level;
        pending[s] = [...pending[s], ...step.sides[s === 0 ? 1 : 0]];
      }
    // Both sides' next rows start below the taller of the two.
    floor = Math.max(...present.map((s) => cursor[s]!));
    // A row pairing both sides: the shorter side's part is held through the room below it,
    // which it then owns (its cursor moves to the row's end, so the next gap is that much less).
    if (hold && step.kind === 'row' && present.length === 2)
      for (const s of present) {
        const seg = segments[s]!;
        const room = floor - cursor[s]!;
        const height = seg.lead + seg.body + FACE_ROW;
        if (room < HOLD_MIN || height > hold.maxHeight) continue;
        const addresses = layouts[s]!.addresses;
        holds[s].set(addresses[seg.start]!, {
          last: addresses[seg.end - 1]!,
          faces: step.sides[s === 0 ? 1 : 0],
          room: Math.round(room - FACE_ROW),
        });
        cursor[s] = cursor[s]! + FACE_ROW + Math.round(room - FACE_ROW);
      }
  }
  return { gaps: out, holds };
}

/** Same layout (to the pixel): the view need not re-render. */
export function sameLayout(l: AlignedLayout, m: AlignedLayout): boolean {
  const [x, y] = [l.gaps, m.gaps];
  return ([0, 1] as const).every(
    (s) =>
      x[s].size === y[s].size &&
      l.holds[s].size === m.holds[s].size &&
      [...l.holds[s]].every(([k, h]) => {
        const i = m.holds[s].get(k);
        return i !== undefined && i.last === h.last && i.room === h.room;
      }) &&
      [...x[s]].every(([k, g]) => {
        const h = y[s].get(k);
        return (
          h !== undefined &&
          h.height === g.height &&
          h.unmatched.join() === g.unmatched.join() &&
          h.run?.expanded === g.run?.expanded &&
          h.run?.top === g.run?.top
        );
      }),
  );
}
