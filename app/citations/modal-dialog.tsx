/**
 * A modal dialog with a heading and a Close button, shown as soon as it is
 * rendered (a view renders it only while open): the citation views and the
 * Library use it. Showing, focus return and keys are `useModalDialog`'s.
 */
import { useId, type ReactNode } from 'react';
import { useModalDialog } from '../views/use-modal-dialog.ts';

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
  const dialog = useModalDialog(true, returnFocus);
  const titleId = useId();
  return (
    <dialog
      {...dialog}
      className={`citation-dialog${className ? ` ${className}` : ''}`}
      aria-labelledby={titleId}
      // Only this dialog's own close: React passes a nested dialog's close event (the
      // record editor opened from the Cite panel) up the component tree, which would
      // close the panel behind it too.
      onClose={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
      <form method="dialog" className="citation-dialog-close">
        <button type="submit">Close</button>
      </form>
    </dialog>
  );
}
