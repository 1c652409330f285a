/**
 * The room the Aligned view leaves before a block (`app/align/`): blank
 * where it only levels the next row, a marked gap where the other text has
 * paragraphs with nothing aligned on this side ("No counterpart here for
 * Lankov (2007) ¶12–13").
 *
 * Outside the text: `data-anchor-ignore` (anchoring and selection skip it)
 * and `aria-hidden` (a screen reader reads each text in order; the gap is
 * a visual cue only). Renders addresses and labels as React text.
 */
import type { ReactNode } from 'react';
import type { Edition } from '../../sources/edition.ts';
import type { AlignedGap } from '../align/aligned-gaps.ts';
import { sourceMetadata } from '../../sources/metadata.ts';

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
export function AlignedGapView({ gap, editions }: AlignedGapViewProps): ReactNode {
  const first = gap.unmatched[0];
  const other = first ? editions.find((e) => first.startsWith(`${e.id}:`)) : undefined;
  // (pane.tsx's sourceLabel, not imported: pane.tsx imports this module.)
  const label = other ? (sourceMetadata(other.id)?.label ?? other.title) : 'the other text';
  // Level with the unmatched paragraph, or higher where the gap below it is too short for the label.
  const top = Math.max(0, Math.min(gap.unmatchedTop ?? 0, gap.height - LABEL_ROOM));
  return (
    <div
      className="aligned-gap"
      style={{ height: gap.height }}
      data-anchor-ignore=""
      aria-hidden="true"
    >
      {gap.unmatched.length > 0 && gap.height >= 32 && (
        <div
          className="aligned-gap-box"
          data-unmatched={first}
          style={{ top, maxHeight: gap.height - top }}
        >
          No counterpart here for {label} {paragraphRanges(gap.unmatched)}
        </div>
      )}
    </div>
  );
}
