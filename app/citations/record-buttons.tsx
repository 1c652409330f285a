/**
 * **Edit record** for each source a citation dialog shows (the Cite panel's
 * cited sources, the Bibliography's entries), and the editor it opens: for a
 * built-in source the override form (`record-editor.tsx`: kept over the
 * shipped record, undoable there); for a text in the Library its record
 * form (`app/library/record-editor-dialog.tsx`), saved in the Library, with
 * **Undo** here afterwards (back to the record as it was, and to "from the
 * file" if it was). Both editors are lazy chunks, fetched when the buttons
 * first show so that a click opens them without waiting.
 *
 * Renders user text (a title) only as React text.
 */
import {
  Suspense,
  useEffect,
  useImperativeHandle,
  useState,
  type ReactNode,
  type Ref,
} from 'react';
import type { TextRecord } from '../../library/index.ts';
import { lazyWithPreload } from '../views/lazy-with-preload.ts';
import { whenIdle } from '../views/when-idle.ts';
import type { RecordOverrideStore } from './record-override-store.ts';
import { sourceLabel, type UserRecords } from './source-label.ts';

const OverrideEditor = lazyWithPreload(() =>
  import('./record-editor.tsx').then((m) => m.RecordEditor),
);
const LibraryRecordDialog = lazyWithPreload(() =>
  import('../library/record-editor-dialog.tsx').then((m) => m.RecordEditorDialog),
);

/** Props of `RecordButtons`. */
export interface RecordButtonsProps {
  /** The sources to offer, in order. */
  readonly sources: readonly string[];
  /** The record overrides of the built-in sources. */
  readonly store: RecordOverrideStore;
  /** The reader's own texts (absent where there is no Library). */
  readonly userRecords?: UserRecords | undefined;
  /** Lets a caller open the editor of one of `sources` from a button of its own (the Bibliography's flags). */
  readonly control?: Ref<RecordButtonsControl> | undefined;
  /**
   * Show an **Edit record: …** button per source (default). False where the caller puts one in
   * each of its entries itself (the Bibliography), so that no entry gets two.
   */
  readonly listed?: boolean;
}

/** What `RecordButtons` lets its caller do. */
export interface RecordButtonsControl {
  /** Opens `source`'s record editor; focus returns to `opener` when it closes. */
  edit(source: string, opener: HTMLElement | null): void;
}

/** What the last save of a Library text's record can be undone to. */
interface LastSave {
  readonly id: string;
  readonly before: TextRecord;
  readonly beforeEdited: boolean;
}

/** The buttons and the open editor. */
export function RecordButtons({
  sources,
  store,
  userRecords,
  control,
  listed = true,
}: RecordButtonsProps): ReactNode {
  const [editing, setEditing] = useState<{ source: string; opener: HTMLElement | null } | null>(
    null,
  );
  const [lastSave, setLastSave] = useState<LastSave | null>(null);
  const [status, setStatus] = useState('');
  useImperativeHandle(
    control,
    () => ({
      edit(source, opener) {
        setStatus('');
        setEditing({ source, opener });
      },
    }),
    [],
  );
  const userText = sources.some((s) => userRecords?.entry(s));
  const builtIn = sources.some((s) => !userRecords?.entry(s));
  // In idle time: not to compete with the citation the panel is formatting meanwhile.
  useEffect(() => {
    const preload = () => {
      if (builtIn) void OverrideEditor.preload().catch(() => undefined);
      if (userText) void LibraryRecordDialog.preload().catch(() => undefined);
    };
    return whenIdle(preload, 3000);
  }, [builtIn, userText]);

  const entry = editing ? userRecords?.entry(editing.source) : undefined;
  const close = () => setEditing(null);

  const undo = async (): Promise<void> => {
    if (!lastSave || !userRecords) return;
    const ok = await userRecords.setRecord(lastSave.id, lastSave.before, lastSave.beforeEdited);
    setLastSave(null);
    setStatus(ok ? 'Record change undone.' : 'The record could not be put back.');
  };

  return (
    <>
      <div className="cite-records">
        {(listed ? sources : []).map((source) => (
          <button
            key={source}
            type="button"
            onClick={(e) => {
              setStatus('');
              setEditing({ source, opener: e.currentTarget });
            }}
          >
            Edit record: {sourceLabel(source, userRecords)}
          </button>
        ))}
        {lastSave && (
          <button type="button" onClick={() => void undo()}>
            Undo record change
          </button>
        )}
      </div>
      <p className="cite-record-status" role="status">
        {status}
      </p>
      {/* Its own boundary: an editor still loading must not blank the dialog behind it. */}
      <Suspense fallback={null}>
        {editing && entry && userRecords && (
          <LibraryRecordDialog
            entry={entry}
            returnFocus={editing.opener}
            onClose={close}
            onSave={async (record) => {
              const before = {
                id: entry.id,
                before: entry.record,
                beforeEdited: entry.recordEdited,
              };
              const ok = await userRecords.setRecord(entry.id, record);
              if (!ok) return 'The record could not be saved.';
              setLastSave(before);
              setStatus(`Record of “${entry.title}” saved (edited by you).`);
              close();
              return null;
            }}
          />
        )}
        {editing && !entry && (
          <OverrideEditor
            sourceId={editing.source}
            store={store}
            returnFocus={editing.opener}
            onClose={close}
          />
        )}
      </Suspense>
    </>
  );
}
