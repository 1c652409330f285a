/**
 * What Up/Down step through in a pane: its passages (`passageOrder`) and, in
 * the Aligned view, the rows of its runs of paragraphs with no counterpart,
 * each standing before the run's first paragraph; a collapsed run's blocks
 * are not stops (they are not shown). So the keyboard meets what the eye
 * meets: a collapsed run is one row to open with Enter, not paragraphs that
 * open themselves as Down passes (j/k, which go to a numbered paragraph,
 * still open the run holding it).
 *
 * Pure. Not for: the Tab stop (`views/roving-passage.ts`), or the layout.
 */
import { containingPassage } from '../../sources/address.ts';
import type { Address, Edition } from '../../sources/edition.ts';
import { passageOrder } from './reader-state.ts';

/** A run's row in a pane, as Up/Down see it (from `align/use-aligned-view.ts`). */
export interface PaneRun {
  /** The run's first paragraph: its row stands before it. */
  readonly first: Address;
  /** The blocks the run hides while collapsed (its first paragraph to its last). */
  readonly blocks: readonly Address[];
  /** Shown in full: its blocks are stops after its row. */
  readonly expanded: boolean;
}

/** One stop of Up/Down: a passage, or the row of the run starting at `run`. */
export type PassageStop =
  | { readonly kind: 'passage'; readonly address: Address }
  | { readonly kind: 'run'; readonly run: Address };

/**
 * The stop after (`+1`) or before (`-1`) `from`, or null at either end. A
 * sentence counts as its block or note; a passage that is not a stop (hidden)
 * starts from the first stop going forward, the last going back.
 */
export function stepStop(
  edition: Edition,
  from: PassageStop,
  direction: 1 | -1,
  showChrome: boolean,
  runs: readonly PaneRun[],
): PassageStop | null {
  const rowBefore = new Map(runs.map((r) => [r.first as string, r]));
  const hidden = new Set<string>(runs.flatMap((r) => (r.expanded ? [] : r.blocks)));
  const stops: PassageStop[] = [];
  for (const address of passageOrder(edition, showChrome)) {
    if (rowBefore.has(address)) stops.push({ kind: 'run', run: address });
    if (!hidden.has(address)) stops.push({ kind: 'passage', address });
  }
  const key = from.kind === 'run' ? from.run : containingPassage(from.address);
  const i = stops.findIndex(
    (s) => s.kind === from.kind && (s.kind === 'run' ? s.run : s.address) === key,
  );
  if (i === -1) return (direction === 1 ? stops[0] : stops[stops.length - 1]) ?? null;
  return stops[i + direction] ?? null;
}
