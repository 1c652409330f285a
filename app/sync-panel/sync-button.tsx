/**
 * The header's Sync button, in the initial bundle; the panel it opens is a
 * lazy chunk (`sync-panel.tsx`, about 2 KB gzipped, with the sign-in, group
 * and conflict forms), fetched when the pointer or focus reaches the button
 * or in idle time once the page is up, so that opening it does not wait
 * (`lazy-with-preload.ts`). Kept out of the initial bundle (bench/reader.ts:
 * 120 KB).
 */
import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { lazyWithPreload } from '../views/lazy-with-preload.ts';
import { whenIdle } from '../views/when-idle.ts';
import { waitingLine } from './sync-line.ts';
import type { SyncUi } from './use-sync.ts';

const LazySyncPanel = lazyWithPreload(() => import('./sync-panel.tsx').then((m) => m.SyncPanel));
const preloadPanel = (): void => {
  LazySyncPanel.preload().catch(() => {
    // Tried again when the panel first opens.
  });
};

/**
 * The header button; its dot shows the state at a glance (the words are in the panel and its
 * title). Beside it, while changes wait to go up, how many (`waitingLine`), in a polite live
 * region that is always there (one added with its text is not announced) and changes only when
 * the count or the state does, not at every edit.
 */
export function SyncButton({ sync }: { readonly sync: SyncUi }): ReactNode {
  const status = sync.snapshot?.status;
  const [showing, setShowing] = useState(false);
  const waiting = waitingLine(status, sync.snapshot?.unsent.size ?? 0, showing);
  // Whether the line was shown, kept from the last render (React's "adjusting state while
  // rendering": no effect, no extra paint).
  if ((waiting !== '') !== showing) setShowing(waiting !== '');
  return (
    <>
      <button
        type="button"
        className="sync-button"
        aria-haspopup="dialog"
        data-sync-state={status?.kind ?? 'signed-out'}
        onClick={() => sync.setPanelOpen(true)}
        onPointerEnter={preloadPanel}
        onFocus={preloadPanel}
        title={status ? status.words : 'Sync annotations with a server and a reading group'}
      >
        <span className="sync-dot" aria-hidden="true" />
        Sync
      </button>
      <span className="sync-waiting" role="status">
        {waiting}
      </span>
    </>
  );
}

/** The Sync panel while open (its code fetched ahead in idle time). */
export function SyncPanelSlot({ sync }: { readonly sync: SyncUi }): ReactNode {
  useEffect(() => whenIdle(preloadPanel), []);
  if (!sync.panelOpen) return null;
  return (
    <Suspense fallback={null}>
      <LazySyncPanel sync={sync} />
    </Suspense>
  );
}
