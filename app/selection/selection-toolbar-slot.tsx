/**
 * Where the selection toolbar goes in the page. The toolbar
 * (`selection-toolbar.tsx`) and what only it uses — the selection tracking,
 * the exact-passage copy handler and the DOM-to-offset bridge
 * (`annotations/anchoring/dom-range.ts`) — are a chunk of their own, so they
 * are not part of the reader's initial JavaScript (issue 15's 120 KB budget,
 * bench/reader.ts). None of it is needed before the reader can act: the
 * chunk is requested as soon as the reader is interactive, and the toolbar
 * rendered once it is in (the hydration render has nothing to show here, so
 * the prerendered page is unchanged); a selection made before it arrived
 * gets its toolbar when it does (`usePaneSelection` reads the selection on
 * mount). Its keys are heard
 * through a `keydown` listener this slot adds as the reader hydrates, where
 * the toolbar used to add its own: window listeners run in the order they
 * were added, and the toolbar's must come before the reader's shortcuts
 * (`use-commands.ts`), as it did when it came with the page.
 *
 * What it is not for: choosing the actions (`selection-action.ts`).
 */
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type ComponentProps,
  type ReactNode,
} from 'react';
import { lazyWithPreload } from '../views/lazy-with-preload.ts';
import type { ListenKeys, SelectionToolbar as Toolbar } from './selection-toolbar.tsx';

const SelectionToolbar = lazyWithPreload(() =>
  import('./selection-toolbar.tsx').then((m) => m.SelectionToolbar),
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
  // Rendered once its chunk is in, so it never suspends: the render that makes the reader
  // interactive (a transition) neither waits for the chunk nor commits a fallback. Where the chunk
  // cannot be fetched (offline without the service worker), the browser's own selection stays.
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    if (!interactive) return;
    let live = true;
    SelectionToolbar.preload().then(
      () => live && setLoaded(true),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [interactive]);
  if (!interactive || !loaded) return null;
  return <SelectionToolbar {...props} listenKeys={listenKeys} />;
}
