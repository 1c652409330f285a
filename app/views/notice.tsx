/**
 * A one-line message (unknown address, link copied). Always in the page as a
 * polite live region, so screen readers announce new messages.
 */
import type { ReactNode } from 'react';

/** Props of `Notice`. */
export interface NoticeProps {
  readonly message: string | null;
  readonly onDismiss: () => void;
}

/** The notice. */
export function Notice({ message, onDismiss }: NoticeProps): ReactNode {
  return (
    <div className="notice" role="status" hidden={message === null}>
      {message !== null && (
        <>
          <span className="notice-text">{message}</span>
          <button type="button" onClick={onDismiss}>
            Dismiss
          </button>
        </>
      )}
    </div>
  );
}
