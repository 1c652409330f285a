/**
 * While a text is parsed for the library: its name, a progress bar and
 * **Cancel** (issue 12, item 3). Shown beside **Add a text…** and in the
 * Library view; the parse runs in a worker (`parse-text.ts`), so the page
 * answers the click at once.
 *
 * Renders the file name only as React text.
 */
import type { ReactNode } from 'react';
import type { AddingProgress } from './use-library.ts';

/** Props of `AddingProgressBar`. */
export interface AddingProgressBarProps {
  readonly adding: AddingProgress | null;
  readonly onCancel: () => void;
}

/** The bar, or nothing when no text is being parsed. */
export function AddingProgressBar({ adding, onCancel }: AddingProgressBarProps): ReactNode {
  if (!adding) return null;
  const label = `Reading “${adding.name}”`;
  return (
    <span className="adding-progress" role="group" aria-label={label} data-testid="adding-progress">
      <span className="adding-progress-name" aria-hidden="true">
        {label}
      </span>
      <progress max={1} value={adding.fraction} aria-label={label} />
      <span aria-hidden="true">{Math.round(adding.fraction * 100)}%</span>
      <button type="button" onClick={onCancel}>
        Cancel<span className="visually-hidden"> reading “{adding.name}”</span>
      </button>
    </span>
  );
}
