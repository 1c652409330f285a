/**
 * The header's Sync button, in the initial bundle; the panel it opens is a
 * lazy chunk (`sync-panel.tsx`, about 2 KB gzipped, with the sign-in, group
 * and conflict forms), fetched when the pointer or focus reaches the button
 * or in idle time once the page is up, so that opening it does not wait
 * (`lazy-with-preload.ts`). Kept out of the initial bundle (bench/reader.ts:
 * 120 KB).
 */
import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { useFloating } from '../floating/use-floating.ts';
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

/** The waiting count's element, which describes the button while it says something. */
const WAITING_ID = 'sync-waiting';

/** The badge's number: the sentence says the exact count. */
function badgeCount(count: number): string {
  return count > 99 ? '99+' : String(count);
}

/**
 * The header button; its dot shows the state at a glance (the words are in the panel and its
 * title). While changes wait to go up (`waitingLine`), a badge on the button shows how many, and
 * the sentence ("Offline · 3 changes waiting to sync") is the button's description, shown on
 * hover and keyboard focus and said in a polite live region that is always there (one added with
 * its text is not announced) and changes only when the count or the state does, not at every
 * edit. Neither takes room in the header: the sentence in its flow added a line to it at most
 * widths (the header wraps below 1,440 px, and earlier with the Annotations sidebar open), and
 * both texts moved down while offline and back up when the changes went; hung below the header
 * it would cover the comparison legend or the narrow layout's text switch. A mail client's
 * outbox count and an editor's status-bar sync badge work the same way; the Sync panel says it
 * in full too (`sync-panel.tsx`).
 */
export function SyncButton({ sync }: { readonly sync: SyncUi }): ReactNode {
  const status = sync.snapshot?.status;
  const count = sync.snapshot?.unsent.size ?? 0;
  const [showing, setShowing] = useState(false);
  const waiting = waitingLine(status, count, showing);
  // Whether the line was shown, kept from the last render (React's "adjusting state while
  // rendering": no effect, no extra paint).
  if ((waiting !== '') !== showing) setShowing(waiting !== '');
  // Shown while the pointer is on the control (the sentence included) or the button has the
  // keyboard's focus; Escape hides it until the pointer comes back or the focus goes (WCAG
  // 1.4.13: content shown on hover or focus can be dismissed without moving either).
  const [hovered, setHovered] = useState(false);
  const [keyboardFocus, setKeyboardFocus] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const shown = waiting !== '' && (hovered || keyboardFocus) && !dismissed;
  // Placed against the button while shown, as every floating thing is: below it, its right edge
  // at the button's, slid to stay on screen. Hung from the header's width below 900 px it spanned
  // the whole header, over the other tools. Not while hidden: it is a live region then, and the
  // helper hides what it has not placed yet (a sentence arriving then might not be announced).
  const [button, setButton] = useState<HTMLButtonElement | null>(null);
  const tip = useRef<HTMLSpanElement>(null);
  useFloating(shown ? button : null, tip, { placement: 'bottom-end', gap: 6 });
  return (
    <span
      className="sync-control"
      data-tip={shown ? 'shown' : undefined}
      onPointerEnter={() => {
        setDismissed(false);
        setHovered(true);
      }}
      onPointerLeave={() => setHovered(false)}
      onBlur={() => {
        setDismissed(false);
        setKeyboardFocus(false);
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !shown) return;
        // One Escape, one thing closed: not the page's notice as well (commands.ts `dismiss`).
        e.preventDefault();
        setDismissed(true);
      }}
    >
      <button
        ref={setButton}
        type="button"
        className="sync-button"
        aria-haspopup="dialog"
        aria-describedby={waiting ? WAITING_ID : undefined}
        data-sync-state={status?.kind ?? 'signed-out'}
        onClick={() => sync.setPanelOpen(true)}
        onPointerEnter={preloadPanel}
        onFocus={(e) => {
          preloadPanel();
          setKeyboardFocus(e.currentTarget.matches(':focus-visible'));
        }}
        // While the sentence shows on hover, no second tooltip over it.
        title={
          waiting
            ? undefined
            : status
              ? status.words
              : 'Sync annotations with a server and a reading group'
        }
      >
        <span className="sync-dot" aria-hidden="true" />
        Sync
        {waiting && (
          <span className="sync-badge" aria-hidden="true">
            {badgeCount(count)}
          </span>
        )}
      </button>
      <span ref={tip} id={WAITING_ID} className="sync-waiting" role="status">
        {waiting}
      </span>
    </span>
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
