/**
 * A Library text's record form (`record-editor.tsx`) in a modal dialog of
 * its own, for the citation dialogs (Edit record in the Cite panel and the
 * Bibliography), where the Library dialog is not open. Loaded on demand.
 *
 * Renders user text (the title) only as React text.
 */
import type { ReactNode } from 'react';
import type { TextEntry, TextRecord } from '../../library/index.ts';
import { ModalDialog } from '../citations/modal-dialog.tsx';
import { RecordEditor } from './record-editor.tsx';

/** Props of `RecordEditorDialog`. */
export interface RecordEditorDialogProps {
  /** The text whose record is edited. */
  readonly entry: TextEntry;
  /** Saves a valid record; resolves to null on success or the reason it failed. */
  readonly onSave: (record: TextRecord) => Promise<string | null>;
  /** Gets focus back on close. */
  readonly returnFocus?: HTMLElement | null;
  readonly onClose: () => void;
}

/** The dialog. */
export function RecordEditorDialog({
  entry,
  onSave,
  returnFocus,
  onClose,
}: RecordEditorDialogProps): ReactNode {
  return (
    <ModalDialog
      title={`Edit record — ${entry.title}`}
      className="library-record-dialog"
      returnFocus={returnFocus}
      onClose={onClose}
    >
      <RecordEditor entry={entry} onSave={onSave} onCancel={onClose} />
    </ModalDialog>
  );
}
