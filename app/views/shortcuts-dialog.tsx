/**
 * The keyboard shortcuts, listed from `COMMANDS` (the one place shortcuts are
 * defined). A native modal `<dialog>`: it traps focus and closes on Escape.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { COMMANDS } from '../commands/commands.ts';

/** Props of `ShortcutsDialog`. */
export interface ShortcutsDialogProps {
  readonly open: boolean;
  readonly onClose: () => void;
  /** Shortcuts defined elsewhere (the selection toolbar's actions, annotations), listed after the commands. */
  readonly more?: readonly { readonly keys: readonly string[]; readonly label: string }[];
}

/** The dialog. */
export function ShortcutsDialog({ open, onClose, more = [] }: ShortcutsDialogProps): ReactNode {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="shortcuts" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>Keyboard shortcuts</h2>
      <dl>
        {[...COMMANDS, ...more].map((c, i) => (
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
