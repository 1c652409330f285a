/**
 * The room the Aligned view leaves before a block (`app/align/`): blank
 * where it only levels the next row, a marked gap where the other text has
 * paragraphs with nothing aligned on this side ("No counterpart here for
 * Lankov (2007) ¶12–13").
 *
 * A gap may also hold the row of a run of this text's own paragraphs with
 * no counterpart (`AlignedGap.run`): a button that names them and shows or
 * hides them (`aria-expanded`). It is not a Tab stop of its own: like a
 * passage, it is reached with Up/Down and takes the pane's one Tab stop
 * while focused (`roving-passage.ts`).
 *
 * `HeldRow` is the short side of a row (`AlignedHold`): its blocks and a
 * label naming what they face, kept in sight (`position: sticky`, styles.css)
 * while the other side's longer part scrolls past, then the row's blank room.
 *
 * Outside the text: `data-anchor-ignore` (anchoring and selection skip it);
 * the label is `aria-hidden` (a screen reader reads each text in order; it
 * is a visual cue only), the run's button is not (it is how to reach the
 * paragraphs it hides). Renders addresses and labels as React text.
 */
import type { ReactNode } from 'react';
import type { Address, Edition } from '../../sources/edition.ts';
import type { AlignedGap, AlignedHold } from '../align/aligned-gaps.ts';
import { FACE_ROW, RUN_ROW } from '../align/run-row.ts';
import { sourceMetadata } from '../../sources/metadata.ts';
import { counted } from '../../sources/util/plural.ts';

/** "¶12–13, 15" from paragraph addresses of one source. */
export function paragraphRanges(addresses: readonly string[]): string {
  const ns = addresses
    .map((a) => Number(a.slice(a.lastIndexOf(':') + 1)))
    .filter((n) => Number.isInteger(n));
  const parts: string[] = [];
  for (let i = 0; i < ns.length;) {
    let j = i;
    while (j + 1 < ns.length && ns[j + 1] === ns[j]! + 1) j++;
    parts.push(j === i ? `${ns[i]}` : `${ns[i]}–${ns[j]}`);
    i = j + 1;
  }
  return parts.length === 0 ? '' : `¶${parts.join(', ')}`;
}

/** Props of `AlignedGapView`. */
export interface AlignedGapViewProps {
  readonly gap: AlignedGap;
  /** For the other text's label. */
  readonly editions: readonly Edition[];
  /** Shows or hides the run of `gap.run` (by its first paragraph). */
  readonly onToggleRun?: (first: string) => void;
  /** The run's row holds its pane's one Tab stop (`roving-passage.ts`); else it is out of the Tab order. */
  readonly runStop?: Address | null;
}

/** The label of a source whose address is `first`, among `editions`. */
function labelOf(first: string | undefined, editions: readonly Edition[]): string {
  const other = first ? editions.find((e) => first.startsWith(`${e.id}:`)) : undefined;
  // (pane.tsx's sourceLabel, not imported: pane.tsx imports this module.)
  return other ? (sourceMetadata(other.id)?.label ?? other.title) : 'the other text';
}

/** Room a label needs (two lines of it, with its padding), in pixels. */
const LABEL_ROOM = 44;

/**
 * The gap. Its label is a compact box (as tall as its text, at most the
 * gap) facing the first unmatched paragraph of the other pane, not a box
 * filling the gap: a gap also holds the room that levels the row before, and
 * a box filling 2,000 px of it said nothing more and pushed the reading
 * apart. The rest of the gap stays blank.
 */
export function AlignedGapView({
  gap,
  editions,
  onToggleRun,
  runStop = null,
}: AlignedGapViewProps): ReactNode {
  const first = gap.unmatched[0];
  const label = labelOf(first, editions);
  // Level with the unmatched paragraph, or higher where the gap below it is too short for the label.
  const top = Math.max(0, Math.min(gap.unmatchedTop ?? 0, gap.height - LABEL_ROOM));
  const run = gap.run;
  const n = run?.paragraphs.length ?? 0;
  const count = counted(n, 'paragraph');
  return (
    <div className="aligned-gap" style={{ height: gap.height }} data-anchor-ignore="">
      {gap.unmatched.length > 0 && gap.height >= 32 && (
        <div
          className="aligned-gap-box"
          data-unmatched={first}
          style={{ top, maxHeight: gap.height - top }}
          aria-hidden="true"
        >
          No counterpart here for {label} {paragraphRanges(gap.unmatched)}
        </div>
      )}
      {run && (
        <button
          type="button"
          className="aligned-run"
          data-run={run.paragraphs[0]}
          aria-expanded={run.expanded}
          tabIndex={runStop === run.paragraphs[0] ? 0 : -1}
          style={{ top: run.top, height: RUN_ROW }}
          onClick={() => onToggleRun?.(run.paragraphs[0]!)}
        >
          <span className="aligned-run-chevron" aria-hidden="true">
            {run.expanded ? '▾' : '▸'}
          </span>
          {paragraphRanges(run.paragraphs)} · {count} with no counterpart —{' '}
          {run.expanded ? 'hide' : 'show'}
        </button>
      )}
    </div>
  );
}

/** Props of `HeldRow`. */
export interface HeldRowProps {
  readonly hold: AlignedHold;
  readonly editions: readonly Edition[];
  /** The held blocks, rendered by the pane. */
  readonly children: ReactNode;
}

/**
 * The short side of a row, held in sight through the row (see the module comment). The
 * label is `aria-hidden` as the gaps' are: a screen reader reads each text in order.
 */
export function HeldRow({ hold, editions, children }: HeldRowProps): ReactNode {
  return (
    <div className="aligned-row">
      <div className="aligned-hold">
        {children}
        <div
          className="aligned-face"
          style={{ height: FACE_ROW }}
          data-anchor-ignore=""
          aria-hidden="true"
        >
          faces {labelOf(hold.faces[0], editions)} {paragraphRanges(hold.faces)}
        </div>
      </div>
      <div className="aligned-gap" style={{ height: hold.room }} data-anchor-ignore="" />
    </div>
  );
}
