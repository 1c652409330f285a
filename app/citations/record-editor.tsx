/**
 * Edit record: a form over a built-in source's CSL fields, those that matter
 * for its kind of work (`record-fields.ts`: for the news article authors,
 * title, short title, newspaper or site, date issued, URL, accessed; for the
 * manuscript also its kind, medium, institution and place), opened from the
 * Bibliography dialog and the Cite panel. What the
 * reader types is validated (real dates, http(s) URLs, "Family, Given"
 * names) and saved as an override on top of the built-in record
 * (`record-override-store.ts`), never changing the shipped metadata;
 * **Use the built-in record** removes it. The form shows the built-in value
 * of each field beside it, and what the reader changed is marked "edited by
 * you". Saving and resetting can be undone (Undo, or Ctrl/Cmd+Z in the
 * dialog).
 */
import { useId, useState, useSyncExternalStore, type ReactNode } from 'react';
import { recordFieldLabel, recordFieldsFor } from '../../sources/citation/record-fields.ts';
import {
  applyRecordOverride,
  formValues,
  overrideFromForm,
  type EditableField,
} from '../../sources/citation/record-overrides.ts';
import { missingFields } from '../../sources/citation/missing-fields.ts';
import { sourceMetadata } from '../../sources/metadata.ts';
import { ModalDialog } from './modal-dialog.tsx';
import { recordConflicts, subscribeRecordConflicts } from './record-conflicts.ts';
import type { RecordOverrideStore } from './record-override-store.ts';

/** Props of `RecordEditor`. */
export interface RecordEditorProps {
  /** The source whose record is edited. */
  readonly sourceId: string;
  /** The overrides store. */
  readonly store: RecordOverrideStore;
  /** Gets focus back on close. */
  readonly returnFocus?: HTMLElement | null;
  readonly onClose: () => void;
}

/** The form. */
export function RecordEditor({
  sourceId,
  store,
  returnFocus,
  onClose,
}: RecordEditorProps): ReactNode {
  const meta = sourceMetadata(sourceId);
  const id = useId();
  const shipped = meta ? formValues(meta.csl) : undefined;
  const [values, setValues] = useState<Record<EditableField, string>>(() =>
    meta ? formValues(applyRecordOverride(meta, store.get(sourceId)).csl) : ({} as never),
  );
  const [errors, setErrors] = useState<Partial<Record<EditableField, string>>>({});
  const [status, setStatus] = useState('');
  const [canUndo, setCanUndo] = useState(false);
  const conflicts = useSyncExternalStore(
    subscribeRecordConflicts,
    recordConflicts,
    recordConflicts,
  );
  if (!meta || !shipped) return null;
  const edited = new Set(Object.keys(store.get(sourceId) ?? {}) as EditableField[]);
  const type = meta.csl.type;
  // A field the record or the form already holds stays shown even when its kind does not ask for it.
  const fields = recordFieldsFor(type, [
    ...edited,
    ...(Object.keys(values) as EditableField[]).filter((f) => shipped[f]),
  ]);
  const missing = new Set(
    missingFields(applyRecordOverride(meta, store.get(sourceId))).map((m) => m.field),
  );

  const reload = () => setValues(formValues(applyRecordOverride(meta, store.get(sourceId)).csl));

  const save = () => {
    const { override, errors: found } = overrideFromForm(meta.csl, values);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setStatus(`Not saved: ${Object.values(found)[0]}`);
      return;
    }
    const result = store.set(sourceId, override);
    if (!result.ok) return setStatus(`Not saved: ${result.error}`);
    setCanUndo(true);
    const problem = store.problem();
    setStatus(
      Object.keys(override).length
        ? `Record saved (edited by you: ${Object.keys(override).join(', ')}).${problem ? ` ${problem}` : ''}`
        : 'No field differs from the built-in record: nothing to save.',
    );
  };

  const reset = () => {
    store.clear(sourceId);
    reload();
    setErrors({});
    setCanUndo(true);
    setStatus('Back to the built-in record.');
  };

  const undo = () => {
    if (store.undo()) {
      reload();
      setStatus('Undone.');
    }
    setCanUndo(store.canUndo());
  };

  return (
    <ModalDialog
      title={`Edit record — ${meta.label}`}
      // Not "record-editor": that is the Library's form for a reader's own texts.
      className="record-override-editor"
      returnFocus={returnFocus}
      onClose={onClose}
    >
      <form
        className="record-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
        onKeyDown={(e) => {
          if (
            (e.ctrlKey || e.metaKey) &&
            e.key === 'z' &&
            !(e.target instanceof HTMLInputElement)
          ) {
            e.preventDefault();
            undo();
          }
        }}
      >
        <p className="record-note">
          Your changes are kept in this browser on top of Diptych’s built-in record (which stays as
          it is), used in every citation and export, and exported with your annotations.
        </p>
        {conflicts.has(sourceId) && (
          <p className="record-conflict">
            This record was edited on two devices before they synced: both versions are kept, and
            the form shows the one the citations use. Choose which to keep in Sync.
          </p>
        )}
        {fields.map((field) => {
          const inputId = `${id}-${field}`;
          const error = errors[field];
          return (
            <div key={field} className="record-field" data-field={field}>
              <label htmlFor={inputId}>
                {recordFieldLabel(type, field)}
                {edited.has(field) && <span className="record-edited"> — edited by you</span>}
                {missing.has(field) && <span className="record-missing"> — missing</span>}
              </label>
              <input
                id={inputId}
                name={field}
                type={field === 'URL' ? 'url' : 'text'}
                value={values[field]}
                placeholder={shipped[field] ? `Built-in: ${shipped[field]}` : 'Not known'}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${inputId}-error` : undefined}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setValues((old) => ({ ...old, [field]: v }));
                }}
              />
              {error && (
                <p id={`${inputId}-error`} className="record-error">
                  {error}
                </p>
              )}
            </div>
          );
        })}
        <div className="cite-actions">
          <button type="submit">Save record</button>
          <button type="button" onClick={reset} disabled={edited.size === 0}>
            Use the built-in record
          </button>
          <button type="button" onClick={undo} disabled={!canUndo}>
            Undo
          </button>
        </div>
        <p className="cite-status" role="status">
          {status}
        </p>
      </form>
    </ModalDialog>
  );
}
