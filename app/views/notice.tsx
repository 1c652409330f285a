/**
 * The reader's one-line messages ("Link to lankov-2007:12 copied.", an
 * unknown address) as a toast: it floats over the bottom of the window, so
 * the text never moves; the live region is always in the page (a polite
 * `role="status"`), so screen readers announce each message; it goes away
 * by itself after a time that grows with its length (paused while the
 * pointer or focus is on it), on Escape (the `dismiss` command) or on
 * Dismiss. A message that needs the reader to act (`stays`) waits for them.
 *
 * Renders the message as React text, never as HTML.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';

/** Props of `Notice`. */
export interface NoticeProps {
  readonly message: string | null;
  /** The message asks the reader to do something: it stays until dismissed. */
  readonly stays?: boolean;
  readonly onDismiss: () => void;
}

/** How long a message stays: long enough to read it twice at a slow pace. */
export function noticeDuration(message: string): number {
  return Math.min(12_000, 4_000 + message.length * 60);
}

/** The toast and its live region. */
export function Notice({ message, stays = false, onDismiss }: NoticeProps): ReactNode {
  const [held, setHeld] = useState(false);
  // The latest callback, so a re-render of the app does not restart the clock.
  const dismiss = useRef(onDismiss);
  useEffect(() => {
    dismiss.current = onDismiss;
  });
  useEffect(() => {
    if (message === null || stays || held) return;
    const timer = window.setTimeout(() => dismiss.current(), noticeDuration(message));
    return () => window.clearTimeout(timer);
  }, [message, stays, held]);
  return (
    <div className="notice-region" role="status" aria-live="polite">
      {message !== null && (
        <div
          className={stays ? 'notice notice--stays' : 'notice'}
          onMouseEnter={() => setHeld(true)}
          onMouseLeave={() => setHeld(false)}
          onFocus={() => setHeld(true)}
          onBlur={() => setHeld(false)}
        >
          <span className="notice-text">{message}</span>
          <button type="button" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
