/**
 * A native modal `<dialog>` for the citation views: shown as soon as it is
 * rendered (a view renders it only while open), labelled by its heading,
 * closed by Escape or its Close button, and handing focus back, when it
 * closes, to whatever had it before (the Cite button that opened it; if
 * that is gone, the active pane's text). Key
 * presses inside it do not reach the reader's window-level shortcuts.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

/** Props of `ModalDialog`. */
export interface ModalDialogProps {
  /** The heading, which also names the dialog. */
  readonly title: ReactNode;
  /** Extra class for the dialog element. */
  readonly className?: string;
  /** Where focus goes back to on close (default: what had focus when the dialog mounted). */
  readonly returnFocus?: HTMLElement | null;
  /** Called when the dialog closes (Escape, Close). */
  readonly onClose: () => void;
  readonly children: ReactNode;
}

/** The dialog. */
export function ModalDialog({
  title,
  className,
  returnFocus,
  onClose,
  children,
}: ModalDialogProps): ReactNode {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    const opener =
      returnFocus ??
      (document.activeElement instanceof HTMLElement ? document.activeElement : null);
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      // Not `dialog.close()`: under StrictMode the effect re-runs on a dialog that stays
      // mounted, and its queued close event would close the view. Only once the dialog
      // has really left the page does focus go back.
      queueMicrotask(() => {
        if (dialog?.isConnected) return;
        // The opener may be gone (the selection toolbar closes when its action runs):
        // then the active pane's text, where the reader was.
        const target = opener?.isConnected
          ? opener
          : document.querySelector<HTMLElement>('.pane[data-active="true"] .pane-scroll');
        target?.focus({ preventScroll: true });
      });
    };
    // Mount-only on purpose: the opener is the one at opening time.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <dialog
      ref={ref}
      className={`citation-dialog${className ? ` ${className}` : ''}`}
      aria-labelledby={titleId}
      // Only this dialog's own close: React passes a nested dialog's close event (the
      // record editor opened from the Cite panel) up the component tree, which would
      // close the panel behind it too.
      onClose={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
      // Keys typed in the dialog are the dialog's: the reader's shortcuts and the selection
      // toolbar listen on the window (and would move the text, or swallow Escape, behind it).
      // Escape still reaches the dialog's own default action (cancel → close).
      onKeyDown={(e) => e.stopPropagation()}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
      <form method="dialog" className="citation-dialog-close">
        <button type="submit">Close</button>
      </form>
    </dialog>
  );
}
