/**
 * The key to the comparison marks, always in view above the panes: what each
 * margin glyph means (= agrees, ≠ contradicts, ≈ qualifies, + complements;
 * dashed: your own) and a switch to show or hide the marks and underlines
 * (a remembered preference, `use-compare-marks-pref.ts`).
 *
 * Renders fixed app strings only.
 */
import type { ReactNode } from 'react';
import type { Relation } from '../../annotations/model/annotation.ts';
import { RELATION_GLYPH } from './relation-glyph.ts';

// From the glyph table (in the initial bundle), not compare-view.tsx's list (a lazy chunk).
const RELATIONS = Object.keys(RELATION_GLYPH) as Relation[];

/** Props of `CompareLegend`. */
export interface CompareLegendProps {
  /** Marks are shown. */
  readonly shown: boolean;
  readonly onToggle: (shown: boolean) => void;
}

/** The legend and its switch. */
export function CompareLegend({ shown, onToggle }: CompareLegendProps): ReactNode {
  return (
    <div className="compare-legend" role="group" aria-label="Comparison marks">
      {/* A switch, not a pressed button: dark when on, the button read as the legend's heading. */}
      <label className="compare-legend-switch" title="Show or hide the marks of compared passages">
        <input
          type="checkbox"
          role="switch"
          checked={shown}
          onChange={(e) => onToggle(e.currentTarget.checked)}
        />
        Comparison marks
      </label>
      {shown && (
        <ul className="compare-legend-keys">
          {RELATIONS.map((r) => (
            <li key={r}>
              <span className={`compare-legend-glyph compare-mark--${r}`} aria-hidden="true">
                {RELATION_GLYPH[r]}
              </span>{' '}
              {r}
            </li>
          ))}
          <li>
            <span className="compare-legend-glyph compare-mark--own" aria-hidden="true" /> dashed:
            yours
          </li>
        </ul>
      )}
    </div>
  );
}
