/**
 * The keyboard shortcuts, listed from `COMMANDS` (the one place shortcuts are
 * defined), with the panes' Tab keys (`PASSAGE_KEYS`: the browser's own Tab,
 * not a command), in a modal dialog (`useModalDialog`).
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { COMMANDS } from '../commands/commands.ts';
import { PASSAGE_KEYS } from './roving-passage.ts';
import { useModalDialog } from './use-modal-dialog.ts';

/** Props of `ShortcutsDialog`. */
export interface ShortcutsDialogProps {
  readonly open: boolean;
  readonly onClose: () => void;
  /** Shortcuts defined elsewhere (the selection toolbar's actions, annotations), listed after the commands. */
  readonly more?: readonly { readonly keys: readonly string[]; readonly label: string }[];
}

/** The dialog. */
export function ShortcutsDialog({ open, onClose, more = [] }: ShortcutsDialogProps): ReactNode {
  const dialog = useModalDialog(open);
  const titleId = useId();
  // The dialog opens at its heading: the browser focuses the first control, Close, which is
  // below the list, so a list taller than the window (420 px) opened scrolled to its end. Runs
  // after `useModalDialog`'s effect has shown it.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (open) heading.current?.focus();
  }, [open]);
  return (
    <dialog {...dialog} className="shortcuts" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId} ref={heading} tabIndex={-1}>
        Keyboard shortcuts
      </h2>
      <dl>
        {[...PASSAGE_KEYS, ...COMMANDS, ...more].map((c, i) => (
          <div key={`${i}:${c.label}`} className="shortcut">
            <dt>
              {c.keys.map((k) => (
                <kbd key={k}>{k}</kbd>
              ))}
            </dt>
            <dd>{c.label}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit">Close</button>
      </form>
    </dialog>
  );
}
