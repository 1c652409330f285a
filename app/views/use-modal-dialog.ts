/**
 * The one mechanism behind every modal `<dialog>` in the reader: shows it with
 * `showModal()` while `open` (so the browser traps focus, makes the page
 * behind it inert and closes it on Escape), closes it when `open` turns
 * false, and, once it is closed or gone, hands focus back to whatever had it
 * before (the button that opened it; if that is gone, the active pane's
 * text). Keys typed in the dialog stay in it (`onKeyDown`): the reader's
 * shortcuts and the selection toolbar listen on the window and would move the
 * text, or swallow Escape, behind it; Escape still reaches the dialog's own
 * default action (cancel, then close).
 *
 * Back and Forward (the browser's buttons, Alt+Left/Right) close it too, as
 * Escape does: they move the panes behind it to another place, and a dialog
 * left open over them made Back seem to do nothing. Opening a dialog pushes
 * no history entry (Back then would only close it, and the history tests'
 * entries would change meaning); `popstate` also fires for a link followed
 * inside a dialog, which the Compare view's links close it for anyway.
 */
import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

/** What a dialog component spreads onto its `<dialog>`. */
export interface ModalDialogBinding {
  readonly ref: RefObject<HTMLDialogElement | null>;
  readonly onKeyDown: (e: KeyboardEvent<HTMLDialogElement>) => void;
}

// Which showing of a dialog is current: a cleanup whose showing was superseded (StrictMode
// runs each effect twice on a dialog that stays open) must neither close it nor move focus.
let showings = 0;
const currentShowing = new WeakMap<HTMLDialogElement, number>();
const openerOf = new WeakMap<HTMLDialogElement, HTMLElement | null>();

const keepKeysInside = (e: KeyboardEvent<HTMLDialogElement>): void => e.stopPropagation();

/**
 * Binds a `<dialog>` to `open` (a component rendered only while open passes
 * `true`). `returnFocus` overrides where focus goes back to.
 */
export function useModalDialog(
  open: boolean,
  returnFocus?: HTMLElement | null,
): ModalDialogBinding {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!open || !dialog) return;
    const mine = ++showings;
    currentShowing.set(dialog, mine);
    // Shown already (StrictMode's second run): the opener is the first run's, not the
    // control inside the dialog that has the focus now.
    const opener = dialog.open
      ? (openerOf.get(dialog) ?? null)
      : (returnFocus ??
        (document.activeElement instanceof HTMLElement ? document.activeElement : null));
    openerOf.set(dialog, opener);
    if (!dialog.open) dialog.showModal();
    // Closed as Escape closes it: the `close` event tells its component, which unmounts or hides it.
    const onHistoryMove = (): void => {
      if (dialog.open) dialog.close();
    };
    window.addEventListener('popstate', onHistoryMove);
    return () => {
      window.removeEventListener('popstate', onHistoryMove);
      // After the commit: by then we know whether the dialog was re-shown, closed or removed.
      queueMicrotask(() => {
        if (currentShowing.get(dialog) !== mine) return;
        if (dialog.isConnected && dialog.open) dialog.close();
        // The opener may be gone (the selection toolbar closes when its action runs).
        const target = opener?.isConnected
          ? opener
          : document.querySelector<HTMLElement>('.pane[data-active="true"] .pane-scroll');
        target?.focus({ preventScroll: true });
      });
    };
    // The opener is the one at opening time, not whatever `returnFocus` becomes later.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);
  return { ref, onKeyDown: keepKeysInside };
}
