/**
 * The header's Sync button, in the initial bundle; the panel it opens is a
 * lazy chunk (`sync-panel.tsx`, about 2 KB gzipped, with the sign-in, group
 * and conflict forms), fetched when the pointer or focus reaches the button
 * or in idle time once the page is up, so that opening it does not wait
 * (`lazy-with-preload.ts`). Kept out of the initial bundle (bench/reader.ts:
 * 120 KB).
 */
import { Suspense, useEffect, type ReactNode } from 'react';
import { lazyWithPreload } from '../views/lazy-with-preload.ts';
import { whenIdle } from '../views/when-idle.ts';
import type { SyncUi } from './use-sync.ts';

const LazySyncPanel = lazyWithPreload(() => import('./sync-panel.tsx').then((m) => m.SyncPanel));
const preloadPanel = (): void => {
  LazySyncPanel.preload().catch(() => {
    // Tried again when the panel first opens.
  });
};

/** The header button; its dot shows the state at a glance (the words are in the panel and its title). */
export function SyncButton({ sync }: { readonly sync: SyncUi }): ReactNode {
  const status = sync.snapshot?.status;
  return (
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
