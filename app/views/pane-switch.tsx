/**
 * The narrow-screen switch between the two texts (hidden by CSS on wide
 * screens, where both panes show).
 */
import type { ReactNode } from 'react';
import type { PaneIndex } from '../state/reader-state.ts';

/** Props of `PaneSwitch`. */
export interface PaneSwitchProps {
  /** Labels of the left and right panes' sources. */
  readonly labels: readonly [string, string];
  readonly active: PaneIndex;
  readonly onSelect: (pane: PaneIndex) => void;
}

/** Two buttons, one per pane. */
export function PaneSwitch({ labels, active, onSelect }: PaneSwitchProps): ReactNode {
  return (
    <div className="pane-switch" role="group" aria-label="Text shown">
      {([0, 1] as const).map((i) => (
        <button key={i} type="button" aria-pressed={active === i} onClick={() => onSelect(i)}>
          {labels[i]}
        </button>
      ))}
    </div>
  );
}
