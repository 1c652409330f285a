/**
 * Where the annotations sidebar goes in the page: the sidebar itself
 * (`annotation-sidebar.tsx`, with its list, filters, editor, import and
 * export) is a chunk of its own, fetched when the page is idle or when the
 * reader first opens it, so it is not part of the reader's initial
 * JavaScript (bench/reader.ts). Until then an empty, hidden landmark holds
 * its place (the toggle's `aria-controls` names it). Once opened it stays
 * mounted, so its filters and scroll survive closing it.
 */
import { lazy, Suspense, useEffect, useState, type ComponentProps, type ReactNode } from 'react';
import { whenIdle } from '../views/when-idle.ts';
import type { AnnotationSidebar as Sidebar } from './annotation-sidebar.tsx';

const loadSidebar = () => import('./annotation-sidebar.tsx');
const AnnotationSidebar = lazy(() =>
  loadSidebar().then(
    (m) => ({ default: m.AnnotationSidebar }),
    // A chunk that cannot be fetched (offline, a new deployment) must not take the reader down.
    () => ({ default: Unavailable }),
  ),
);

/** The hidden landmark shown until the sidebar's code has loaded. */
function Placeholder(): ReactNode {
  return <aside id="annotations-sidebar" className="ann-sidebar" aria-label="Annotations" hidden />;
}

/** What opening shows if the sidebar's code could not be loaded. */
function Unavailable({ ui }: ComponentProps<typeof Sidebar>): ReactNode {
  return (
    <aside
      id="annotations-sidebar"
      className="ann-sidebar"
      aria-label="Annotations"
      hidden={!ui.sidebarOpen}
    >
      <p role="alert">
        The annotations panel could not be loaded. Your annotations are safe; reload the page to try
        again.
      </p>
    </aside>
  );
}

/** The sidebar, loaded on first use (see the module comment). */
export function AnnotationSidebarSlot(props: ComponentProps<typeof Sidebar>): ReactNode {
  const [mounted, setMounted] = useState(false);
  // State adjusted during render (React's pattern for "when props change"): no extra commit.
  if (props.ui.sidebarOpen && !mounted) setMounted(true);
  // Fetched ahead when the page is idle, so that the first opening waits for nothing.
  useEffect(
    () =>
      whenIdle(() => {
        loadSidebar().catch(() => {
          // Met again on first opening, where `Unavailable` says so.
        });
      }, 4000),
    [],
  );
  if (!mounted) return <Placeholder />;
  return (
    <Suspense fallback={<Placeholder />}>
      <AnnotationSidebar {...props} />
    </Suspense>
  );
}
