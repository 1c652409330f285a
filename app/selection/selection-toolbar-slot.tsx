/**
 * Where the selection toolbar goes in the page. The toolbar
 * (`selection-toolbar.tsx`) and what only it uses — the selection tracking,
 * the exact-passage copy handler and the DOM-to-offset bridge
 * (`annotations/anchoring/dom-range.ts`) — are a chunk of their own, so they
 * are not part of the reader's initial JavaScript (issue 15's 120 KB budget,
 * bench/reader.ts). None of it is needed before the reader can act: the
 * chunk is requested as soon as the reader is interactive (the hydration
 * render has nothing to show here, so the prerendered page is unchanged),
 * and a selection made before it arrived gets its toolbar when it does
 * (`usePaneSelection` reads the selection on mount). Its keys are heard
 * through a `keydown` listener this slot adds as the reader hydrates, where
 * the toolbar used to add its own: window listeners run in the order they
 * were added, and the toolbar's must come before the reader's shortcuts
 * (`use-commands.ts`), as it did when it came with the page.
 *
 * What it is not for: choosing the actions (`selection-action.ts`).
 */
import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useRef,
  type ComponentProps,
  type ReactNode,
} from 'react';
import type { ListenKeys, SelectionToolbar as Toolbar } from './selection-toolbar.tsx';

/** Nothing: what is shown where the toolbar's code could not be fetched (offline without the service worker). */
function Unavailable(): ReactNode {
  return null;
}

const SelectionToolbar = lazy(() =>
  import('./selection-toolbar.tsx').then(
    (m) => ({ default: m.SelectionToolbar }),
    // A chunk that cannot be fetched must not take the reader down: the browser's own selection stays.
    () => ({ default: Unavailable }),
  ),
);

/** Props of `SelectionToolbarSlot`: the toolbar's, plus whether the reader has hydrated. */
export type SelectionToolbarSlotProps = Omit<ComponentProps<typeof Toolbar>, 'listenKeys'> & {
  /** False in the prerender and the hydration render, which must match: nothing is rendered then. */
  readonly interactive: boolean;
};

/** The selection toolbar, loaded once the reader is interactive (see the module comment). */
export function SelectionToolbarSlot({
  interactive,
  ...props
}: SelectionToolbarSlotProps): ReactNode {
  const onKey = useRef<((e: KeyboardEvent) => void) | null>(null);
  // Added on mount, as the hydrated reader's own listeners are, before the toolbar has loaded.
  useEffect(() => {
    const forward = (e: KeyboardEvent): void => onKey.current?.(e);
    window.addEventListener('keydown', forward);
    return () => window.removeEventListener('keydown', forward);
  }, []);
  const listenKeys = useCallback<ListenKeys>((handler) => {
    onKey.current = handler;
    return () => {
      if (onKey.current === handler) onKey.current = null;
    };
  }, []);
  if (!interactive) return null;
  return (
    <Suspense fallback={null}>
      <SelectionToolbar {...props} listenKeys={listenKeys} />
    </Suspense>
  );
}
