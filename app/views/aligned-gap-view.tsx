/**
 * The room the Aligned view leaves before a block (`app/align/`): blank
 * where it only levels the next row, a marked gap where the other text has
 * paragraphs with nothing aligned on this side ("No counterpart here for
 * Lankov (2007) ¶12–13").
 *
 * A gap may also hold the row of a run of this text's own paragraphs with
 * no counterpart (`AlignedGap.run`): a button that names them and shows or
 * hides them (`aria-expanded`).
 *
 * Outside the text: `data-anchor-ignore` (anchoring and selection skip it);
 * the label is `aria-hidden` (a screen reader reads each text in order; it
 * is a visual cue only), the run's button is not (it is how to reach the
 * paragraphs it hides). Renders addresses and labels as React text.
 */
import type { ReactNode } from 'react';
import type { Edition } from '../../sources/edition.ts';
import type { AlignedGap } from '../align/aligned-gaps.ts';
import { RUN_ROW } from '../align/run-row.ts';
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
export function AlignedGapView({ gap, editions, onToggleRun }: AlignedGapViewProps): ReactNode {
  const first = gap.unmatched[0];
  const other = first ? editions.find((e) => first.startsWith(`${e.id}:`)) : undefined;
  // (pane.tsx's sourceLabel, not imported: pane.tsx imports this module.)
  const label = other ? (sourceMetadata(other.id)?.label ?? other.title) : 'the other text';
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
