/**
 * **Open left** and **Open right** for one row of the Library: shows that
 * text in that pane. The pane already showing it says so instead of offering
 * itself (picking the other pane's text swaps the panes, as the pane's menu
 * does).
 *
 * Renders fixed app strings only.
 */
import type { ReactNode } from 'react';
import type { PaneIndex } from '../state/reader-state.ts';

/** Props of `PaneButtons`. */
export interface PaneButtonsProps {
  /** The text of the row. */
  readonly id: string;
  /** The texts the left and the right pane show now. */
  readonly panes: readonly [string, string];
  /** Shows text `id` in `pane`. */
  readonly onOpen: (id: string, pane: PaneIndex) => void;
}

const SIDES = ['left', 'right'] as const;

/** The two buttons (or "In the left pane" where it is shown). */
export function PaneButtons({ id, panes, onOpen }: PaneButtonsProps): ReactNode {
  return (
    <>
      {([0, 1] as const).map((pane) =>
        panes[pane] === id ? (
          <span key={pane} className="library-in-pane">
            In the {SIDES[pane]} pane
          </span>
        ) : (
          <button key={pane} type="button" onClick={() => onOpen(id, pane)}>
            Open {SIDES[pane]}
          </button>
        ),
      )}
    </>
  );
}
