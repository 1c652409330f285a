/**
 * The Library view: every text the reader added, with its title, author,
 * date, size and number of annotations; add (file, paste), open (in the
 * active pane, or **Open left** / **Open right**), rename, edit its record,
 * add a new version, export, delete (with a warning naming its annotations,
 * and Undo). A pane that showed a deleted text shows a built-in one instead,
 * and says so. The built-in texts are listed below (`builtin-texts.tsx`),
 * openable the same way. Texts that imported annotations wait for are
 * listed with their titles.
 *
 * Renders user text (titles, names) only as React text and form values.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Removed, TextEntry } from '../../library/index.ts';
import type { Edition } from '../../sources/edition.ts';
import { ModalDialog } from '../citations/modal-dialog.tsx';
import type { PaneIndex } from '../state/reader-state.ts';
import { sourceLabel } from '../views/pane.tsx';
import { downloadFile } from '../views/download-file.ts';
import { authorLabel } from './author-label.ts';
import { AddingProgressBar } from './adding-progress.tsx';
import { BuiltinTexts } from './builtin-texts.tsx';
import { LibraryListHead } from './library-list-head.tsx';
import { PaneButtons } from './pane-buttons.tsx';
import { RecordEditor } from './record-editor.tsx';
import { sizeLabel } from './size-label.ts';
import { TEXT_FILE_ACCEPT } from './text-file-accept.ts';
import type { LibraryController } from './use-library.ts';
import { counted } from '../../sources/util/plural.ts';

/** Props of `LibraryDialog`. */
export interface LibraryDialogProps {
  readonly library: LibraryController;
  /** Annotations per source id (placed or not). */
  readonly annotationCounts: ReadonlyMap<string, number>;
  /** Shows a text in `pane` (the active pane when not given) and closes the dialog. */
  readonly onOpen: (id: string, pane?: PaneIndex) => void;
  /** Shows a text in `pane`, the dialog staying open (a built-in text where a deleted one was). */
  readonly onReplace: (id: string, pane: PaneIndex) => void;
  /** The texts the left and the right pane show now. */
  readonly panes: readonly [string, string];
  /** The built-in editions (listed; a workspace's annotations are checked against them too). */
  readonly builtins: readonly Edition[];
  /** Tells the reader something outside the dialog too (the notice under the header). */
  readonly notify: (message: string) => void;
  readonly onClose: () => void;
}

/**
 * A control of a row that gets focus back once a form or question it opened closes: the
 * control that had focus (Cancel, Save, Delete) is gone, and focus would fall to the page,
 * out of the dialog's order. `open` is the text's title button (after an Undo).
 */
type RowControl = 'Rename' | 'Edit record' | 'Delete' | 'open';

/** The control `control` of the row of text `id` in `dialog`, if shown. */
function rowControl(
  dialog: Element | null | undefined,
  id: string,
  control: RowControl,
): HTMLElement | undefined {
  const row = dialog?.querySelector(`tr[data-text="${CSS.escape(id)}"]`);
  if (!row) return undefined;
  if (control === 'open') return row.querySelector<HTMLElement>('.library-open') ?? undefined;
  return [...row.querySelectorAll<HTMLElement>('.library-actions button')].find(
    (b) => b.textContent === control,
  );
}

/** The dialog. */
export function LibraryDialog({
  library,
  annotationCounts,
  onOpen,
  onReplace,
  panes,
  onClose,
  builtins,
  notify,
}: LibraryDialogProps): ReactNode {
  const workspaceInput = useRef<HTMLInputElement>(null);
  const { state } = library;
  const fileInput = useRef<HTMLInputElement>(null);
  const versionInput = useRef<HTMLInputElement>(null);
  const [versionOf, setVersionOf] = useState<string | null>(null);
  const [pasting, setPasting] = useState(false);
  const [paste, setPaste] = useState({ name: '', text: '' });
  const [renaming, setRenaming] = useState<{ id: string; title: string } | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [removed, setRemoved] = useState<{ undo: Removed; replaced: string } | null>(null);
  // Set by the handler that closes a form or question; used after the render that removes it.
  const refocus = useRef<{ id: string; control: RowControl } | null>(null);
  const setRefocus = (target: { id: string; control: RowControl }): void => {
    refocus.current = target;
  };
  const addBar = useRef<HTMLDivElement>(null);
  const recordHeading = useRef<HTMLHeadingElement>(null);
  const confirmCancel = useRef<HTMLButtonElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);

  // Focus follows what the reader opened: the record form (below the list, off screen on a
  // phone: without this, Edit record seemed to do nothing), the delete question, the Undo.
  useEffect(() => {
    if (editing) recordHeading.current?.focus();
  }, [editing]);
  useEffect(() => {
    if (confirming) confirmCancel.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (removed) undoButton.current?.focus();
  }, [removed]);
  // After every render: a restored row (Undo) may arrive a render after the handler ran.
  useEffect(() => {
    const target = refocus.current;
    if (!target) return;
    const control = rowControl(addBar.current?.closest('dialog'), target.id, target.control);
    if (!control) return;
    refocus.current = null;
    control.focus();
  });

  const count = (id: string): number => annotationCounts.get(id) ?? 0;
  /**
   * A pane that showed deleted text `id` shows the first built-in text the other pane does not
   * (else it would fall back silently, and come back to the text on Undo); says which, or ''.
   */
  const replaceDeleted = (id: string): string => {
    const pane = panes.indexOf(id);
    if (pane !== 0 && pane !== 1) return '';
    const other = panes[pane === 0 ? 1 : 0];
    const builtin = builtins.find((e) => e.id !== other);
    if (!builtin) return '';
    onReplace(builtin.id, pane);
    return `The ${pane === 0 ? 'left' : 'right'} pane shows ${sourceLabel(builtin)} instead.`;
  };
  const exportText = async (entry: TextEntry): Promise<void> => {
    const content = await library.content(entry.id);
    if (content === undefined) return;
    const stem = entry.name.replace(/\.[a-z0-9]{1,10}$/i, '');
    downloadFile({ name: `${stem}.md`, mime: 'text/markdown', text: content });
  };
  const editingEntry = editing ? library.entry(editing) : undefined;

  return (
    <ModalDialog title="Library" className="library-dialog" onClose={onClose}>
      <div className="library-add" ref={addBar}>
        <button type="button" onClick={() => fileInput.current?.click()} disabled={library.busy}>
          Add a file…
        </button>
        <button type="button" onClick={() => setPasting((p) => !p)} aria-expanded={pasting}>
          Paste a text
        </button>
        <button type="button" onClick={() => void library.exportWorkspace()}>
          Export workspace
        </button>
        <button type="button" onClick={() => workspaceInput.current?.click()}>
          Import workspace…
        </button>
        <input
          ref={workspaceInput}
          type="file"
          hidden
          accept=".json,application/json"
          aria-label="Workspace file to import"
          data-testid="workspace-input"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void library.importWorkspace(file, builtins);
          }}
        />
        <span className="library-hint">
          Markdown, plain text or a saved web page (HTML); or drop a file on the window.
        </span>
        <input
          ref={fileInput}
          type="file"
          multiple
          hidden
          accept={TEXT_FILE_ACCEPT}
          aria-label="Add a file to the library"
          data-testid="library-file-input"
          onChange={(e) => {
            const files = [...(e.currentTarget.files ?? [])];
            e.currentTarget.value = '';
            if (files.length) void library.addFiles(files);
          }}
        />
      </div>
      <AddingProgressBar adding={library.adding} onCancel={library.cancelAdding} />
      {pasting && (
        <form
          className="library-paste"
          onSubmit={(e) => {
            e.preventDefault();
            void library.addPaste(paste.text, paste.name.trim() || 'Pasted text').then((id) => {
              if (id) {
                setPaste({ name: '', text: '' });
                setPasting(false);
              }
            });
          }}
        >
          <label>
            <span>Name</span>
            <input
              value={paste.name}
              placeholder="Pasted text"
              onChange={(e) => setPaste({ ...paste, name: e.currentTarget.value })}
            />
          </label>
          <label>
            <span>Text (Markdown or plain text)</span>
            <textarea
              rows={6}
              value={paste.text}
              onChange={(e) => setPaste({ ...paste, text: e.currentTarget.value })}
            />
          </label>
          <button type="submit" disabled={library.busy}>
            Add to library
          </button>
        </form>
      )}
      {state.problem && <p className="library-problem">{state.problem}</p>}
      {removed && (
        <p className="library-removed" role="status">
          Deleted “{removed.undo.entry.title}”.{removed.replaced && ` ${removed.replaced}`}{' '}
          <button
            ref={undoButton}
            type="button"
            onClick={() => {
              const id = removed.undo.entry.id;
              void removed.undo.undo().then(
                () => {
                  setRemoved(null);
                  setRefocus({ id, control: 'open' });
                },
                () => setRemoved(null),
              );
            }}
          >
            Undo
          </button>
        </p>
      )}
      <h3 className="library-section">Your texts</h3>
      {!state.loaded ? (
        <p>Opening the library…</p>
      ) : state.entries.length === 0 ? (
        <p className="library-empty">
          No texts yet. Add a Markdown, plain-text or HTML file to read, annotate, compare and cite
          it like the two built-in texts; it is kept in this browser.
        </p>
      ) : (
        <table className="library-list">
          <LibraryListHead />
          <tbody>
            {state.entries.map((entry) => (
              <tr key={entry.id} data-text={entry.id}>
                <td className="library-title">
                  {renaming?.id === entry.id ? (
                    <form
                      onSubmit={(e) => {
                        e.preventDefault();
                        void library.rename(entry.id, renaming.title).then((ok) => {
                          if (!ok) return;
                          setRenaming(null);
                          setRefocus({ id: entry.id, control: 'Rename' });
                        });
                      }}
                    >
                      <input
                        aria-label={`New title for “${entry.title}”`}
                        value={renaming.title}
                        autoFocus
                        onChange={(e) =>
                          setRenaming({ id: entry.id, title: e.currentTarget.value })
                        }
                      />
                      <button type="submit">Save</button>
                      <button
                        type="button"
                        onClick={() => {
                          setRenaming(null);
                          setRefocus({ id: entry.id, control: 'Rename' });
                        }}
                      >
                        Cancel
                      </button>
                    </form>
                  ) : (
                    <>
                      <button
                        type="button"
                        className="library-open"
                        onClick={() => onOpen(entry.id)}
                      >
                        {entry.title}
                      </button>
                      <small>
                        {entry.name}
                        {entry.version > 1 ? ` · version ${entry.version}` : ''}
                      </small>
                    </>
                  )}
                </td>
                <td data-label="Author">{authorLabel(entry.record.authors)}</td>
                <td data-label="Date">{entry.record.issued ?? '—'}</td>
                <td data-label="Size">{sizeLabel(entry.size)}</td>
                <td data-label="Annotations">{count(entry.id)}</td>
                <td className="library-actions">
                  {confirming === entry.id ? (
                    <span role="alert">
                      Delete “{entry.title}”
                      {count(entry.id)
                        ? ` and leave its ${counted(count(entry.id), 'annotation')} waiting for it`
                        : ''}
                      ?{' '}
                      <button
                        type="button"
                        onClick={() => {
                          setConfirming(null);
                          void library.remove(entry.id).then((r) => {
                            if (!r) return setRefocus({ id: entry.id, control: 'Delete' });
                            const replaced = replaceDeleted(entry.id);
                            if (replaced) notify(`Deleted “${entry.title}”. ${replaced}`);
                            setRemoved({ undo: r, replaced });
                          });
                        }}
                      >
                        Delete
                      </button>
                      <button
                        ref={confirmCancel}
                        type="button"
                        onClick={() => {
                          setConfirming(null);
                          setRefocus({ id: entry.id, control: 'Delete' });
                        }}
                      >
                        Cancel
                      </button>
                    </span>
                  ) : (
                    <>
                      <PaneButtons id={entry.id} panes={panes} onOpen={onOpen} />
                      <button
                        type="button"
                        onClick={() => setRenaming({ id: entry.id, title: entry.title })}
                      >
                        Rename
                      </button>
                      <button type="button" onClick={() => setEditing(entry.id)}>
                        Edit record
                      </button>
                      <button
                        type="button"
                        onClick={() => {
                          setVersionOf(entry.id);
                          versionInput.current?.click();
                        }}
                      >
                        New version…
                      </button>
                      <button type="button" onClick={() => void exportText(entry)}>
                        Export
                      </button>
                      <button type="button" onClick={() => setConfirming(entry.id)}>
                        Delete
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {state.loaded && (
        <BuiltinTexts
          builtins={builtins}
          annotationCounts={annotationCounts}
          panes={panes}
          onOpen={onOpen}
        />
      )}
      <input
        ref={versionInput}
        type="file"
        hidden
        accept={TEXT_FILE_ACCEPT}
        aria-label="New version of a text"
        data-testid="library-version-input"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file && versionOf) void library.reimport(versionOf, file);
        }}
      />
      {editingEntry && (
        <section className="library-record" aria-label={`Record of “${editingEntry.title}”`}>
          <h3 ref={recordHeading} tabIndex={-1}>
            Record of “{editingEntry.title}”
          </h3>
          <RecordEditor
            key={editingEntry.id}
            entry={editingEntry}
            onCancel={() => {
              setEditing(null);
              setRefocus({ id: editingEntry.id, control: 'Edit record' });
            }}
            onSave={async (record) => {
              const ok = await library.setRecord(editingEntry.id, record);
              if (ok) {
                setEditing(null);
                setRefocus({ id: editingEntry.id, control: 'Edit record' });
              }
              return ok ? null : 'The record could not be saved.';
            }}
          />
        </section>
      )}
      {state.waiting.length > 0 && (
        <section className="library-waiting" aria-label="Annotations waiting for their text">
          <h3>Annotations waiting for their text</h3>
          <ul>
            {state.waiting.map((w) => (
              <li key={w.id}>
                “{w.title ?? w.id}” — {counted(count(w.id), 'annotation')}; add the text to place
                them.
              </li>
            ))}
          </ul>
        </section>
      )}
    </ModalDialog>
  );
}
