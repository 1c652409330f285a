/**
 * The reader's one-line messages ("Link to lankov-2007:12 copied.", an
 * unknown address) as a toast: it floats over the bottom of the window, so
 * the text never moves; the live region is always in the page (a polite
 * `role="status"`), so screen readers announce each message; it goes away
 * by itself after a time that grows with its length (paused while the
 * pointer or focus is on it), on Escape (the `dismiss` command) or on
 * Dismiss. A message that needs the reader to act (`stays`) waits for them.
 *
 * Above it, an offer (a new version of the app: `update/use-app-update.ts`)
 * has a toast of its own, with its action and **Later**: it stays until the
 * reader chooses, and other messages come and go below it without
 * replacing it.
 *
 * Renders the message as React text, never as HTML.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';

/** Something offered to the reader (reload into a new version): stays until they choose. */
export interface NoticeOffer {
  readonly message: string;
  /** The action's button label. */
  readonly action: string;
  readonly onAction: () => void;
  /** Hides the offer (the **Later** button). */
  readonly onLater: () => void;
}

/** Props of `Notice`. */
export interface NoticeProps {
  readonly message: string | null;
  /** The message asks the reader to do something: it stays until dismissed. */
  readonly stays?: boolean;
  readonly onDismiss: () => void;
  readonly offer?: NoticeOffer | null;
}

/** How long a message stays: long enough to read it twice at a slow pace. */
export function noticeDuration(message: string): number {
  return Math.min(12_000, 4_000 + message.length * 60);
}

/** The toast and its live region. */
export function Notice({
  message,
  stays = false,
  onDismiss,
  offer = null,
}: NoticeProps): ReactNode {
  return (
    <div className="notice-region" role="status" aria-live="polite">
      {offer !== null && (
        <div className="notice notice--offer">
          <span className="notice-text">{offer.message}</span>
          <span className="notice-actions">
            <button type="button" className="notice-primary" onClick={offer.onAction}>
              {offer.action}
            </button>
            <button type="button" onClick={offer.onLater}>
              Later
            </button>
          </span>
        </div>
      )}
      {message !== null && <MessageToast message={message} stays={stays} onDismiss={onDismiss} />}
    </div>
  );
}

/**
 * The message's toast and its clock. Mounted only while there is a message, so the hold of a
 * pointer or the focus on it goes with it: a toast removed from under the pointer (its Dismiss
 * clicked, Escape) gets no `pointerleave` or `blur`, and a hold kept in the always-mounted region
 * stopped the clock of every later message (a bad link's notice stayed for good). A message
 * replaced while the toast is shown keeps the hold: the pointer is still on it.
 *
 * Pointer events, not mouse events: a tap on a touch screen leaves the emulated mouse over the
 * toast until the next tap elsewhere, where `pointerleave` follows the finger's lift.
 */
function MessageToast({
  message,
  stays,
  onDismiss,
}: {
  readonly message: string;
  readonly stays: boolean;
  readonly onDismiss: () => void;
}): ReactNode {
  const [held, setHeld] = useState(false);
  // The latest callback, so a re-render of the app does not restart the clock.
  const dismiss = useRef(onDismiss);
  useEffect(() => {
    dismiss.current = onDismiss;
  });
  useEffect(() => {
    if (stays || held) return;
    const timer = window.setTimeout(() => dismiss.current(), noticeDuration(message));
    return () => window.clearTimeout(timer);
  }, [message, stays, held]);
  return (
    <div
      className={stays ? 'notice notice--stays' : 'notice'}
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <span className="notice-text">{message}</span>
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
