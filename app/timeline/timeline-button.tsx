/**
 * The header's **Timeline** button and its view, loaded on first use (the
 * date parser and d3-scale stay out of the initial bundle).
 */
import { lazy, Suspense, useState, type ReactNode } from 'react';
import type { Annotation } from '../../annotations/model/annotation.ts';
import type { Edition } from '../../sources/edition.ts';

const TimelineView = lazy(() =>
  import('./timeline-view.tsx').then((m) => ({ default: m.TimelineView })),
);

/** Props of `TimelineButton`. */
export interface TimelineButtonProps {
  readonly editions: readonly [Edition, Edition];
  readonly comparisons: readonly Annotation[];
  /** Opens a passage (by address) in its pane. */
  readonly onOpen: (address: string) => void;
}

/** The button, and the view while open. */
export function TimelineButton({ editions, comparisons, onOpen }: TimelineButtonProps): ReactNode {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Timeline
      </button>
      {open && (
        <Suspense fallback={null}>
          <TimelineView
            editions={editions}
            comparisons={comparisons}
            onOpen={onOpen}
            onClose={() => setOpen(false)}
          />
        </Suspense>
      )}
    </>
  );
}
