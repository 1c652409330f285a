/**
 * The header's **Annotations** button: shows or hides the sidebar, with the
 * number of annotations on the visible texts (a badge on its corner,
 * `views/count-badge.tsx`; its name stays "Annotations (3)").
 *
 * Apart from the sidebar (`annotation-sidebar.tsx`), which loads on first
 * use (`annotation-sidebar-slot.tsx`): this button is on screen from the
 * first paint.
 */
import type { ReactNode } from 'react';
import { CountBadge } from '../views/count-badge.tsx';
import type { AnnotationUi } from './use-annotation-ui.ts';

/** The sidebar's toggle, for the header toolbar. */
export function AnnotationsToggle({ ui }: { readonly ui: AnnotationUi }): ReactNode {
  const count = ui.list.placed.length + ui.list.unplaced.length + ui.comparisonCount;
  return (
    <button
      type="button"
      className={count > 0 ? 'ann-toggle has-count' : 'ann-toggle'}
      aria-pressed={ui.sidebarOpen}
      aria-controls="annotations-sidebar"
      onClick={() => ui.setSidebarOpen(!ui.sidebarOpen)}
      title="Show or hide your annotations"
    >
      Annotations{count > 0 && <CountBadge count={count} />}
    </button>
  );
}
