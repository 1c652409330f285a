/**
 * The Bibliography dialog: both sources and the reader's own texts in the
 * chosen style (an explained absence where the style leaves one out), the
 * style picker, and downloads of their records as BibTeX, RIS and CSL-JSON.
 * An incomplete record is flagged under its entry — what it lacks or only
 * infers (no date, no journal or publisher, a title taken from the file), in
 * the words of the Cite panel's note, with **Edit record** beside it — so
 * that a list that looks finished is not pasted as one; export is not held
 * back (the files carry the same note). Every entry has that one **Edit
 * record** (after the entry when nothing is flagged).
 *
 * Entries are formatted and files produced in the citation worker.
 * Security: entries are rendered through `SafeMarkup` (no HTML insertion).
 */
import { useId, useRef, useState, type ReactNode } from 'react';
import { EXPORT_FORMATS, type ExportFormat } from '../../sources/citation/export-formats.ts';
import { DEFAULT_STYLE, STYLES } from '../../sources/citation/styles.ts';
import { BUILTIN_SOURCES } from '../../sources/metadata.ts';
import { addCustomStyle, removeCustomStyle } from './custom-style-store.ts';
import { useCitationLibrary } from './use-citation-library.ts';
import { downloadFile } from '../views/download-file.ts';
import { ModalDialog } from './modal-dialog.tsx';
import { RecordButtons, type RecordButtonsControl } from './record-buttons.tsx';
import { SafeMarkup } from './safe-markup.tsx';
import { sourceLabel, type UserRecords } from './source-label.ts';
import { StylePicker } from './style-picker.tsx';
import { callCiterLazily } from './use-citations.ts';
import { useCiterCall } from './use-citer-call.ts';

/** Props of `BibliographyDialog`. */
export interface BibliographyDialogProps {
  readonly style: string;
  readonly onStyleChange: (style: string) => void;
  /** The reader's own texts: their titles, and Edit record on them. */
  readonly userRecords?: UserRecords | undefined;
  readonly onClose: () => void;
}

/** What each export button says. */
const FORMAT_LABEL: Readonly<Record<ExportFormat, string>> = {
  bibtex: 'BibTeX',
  ris: 'RIS',
  'csl-json': 'CSL-JSON',
};

/** The dialog. */
export function BibliographyDialog({
  style: chosen,
  onStyleChange,
  userRecords,
  onClose,
}: BibliographyDialogProps): ReactNode {
  const library = useCitationLibrary();
  const fileInput = useRef<HTMLInputElement>(null);
  const records = useRef<RecordButtonsControl>(null);
  const uid = useId();
  const ref = library.styleRef(chosen);
  const style = ref === undefined ? DEFAULT_STYLE : chosen;
  const styleRef = ref ?? DEFAULT_STYLE;
  const label =
    typeof styleRef === 'string' ? STYLES.find((s) => s.id === styleRef)!.label : styleRef.label;
  const call = useCiterCall({ op: 'bibliography', style: styleRef, overrides: library.overrides });
  const [status, setStatus] = useState('');
  // The sources of the last bibliography shown: their record editors are preloaded (RecordButtons).
  const [sources, setSources] = useState<readonly string[]>(() =>
    BUILTIN_SOURCES.map((meta) => meta.id),
  );
  const ready = call.status === 'ready' ? call.value.map((entry) => entry.source) : null;
  if (ready && ready.join(' ') !== sources.join(' ')) setSources(ready);

  const addStyle = (file: File): void => {
    setStatus(`Checking ${file.name}…`);
    file
      .text()
      .then((text) => addCustomStyle(text, file.name))
      .then(
        ({ style: added, problem }) => {
          onStyleChange(added.id);
          setStatus(
            `Added “${added.label}”${added.defaultLocale ? ` (locale ${added.defaultLocale})` : ''}.${problem ? ` ${problem}` : ''}`,
          );
        },
        (error: unknown) =>
          setStatus(
            `Not added: ${error instanceof Error ? error.message : String(error)}. Nothing was changed.`,
          ),
      );
  };

  const download = (format: ExportFormat): void => {
    setStatus(`Preparing ${FORMAT_LABEL[format]}…`);
    callCiterLazily({ op: 'export', format, overrides: library.overrides }).then(
      (file) => {
        downloadFile(file);
        setStatus(`${file.name} downloaded.`);
      },
      (error: unknown) =>
        setStatus(
          `Could not export ${FORMAT_LABEL[format]}: ${error instanceof Error ? error.message : String(error)}`,
        ),
    );
  };

  // The one Edit record of an entry: in its note when the record is incomplete, else after it.
  // (The list under the entries that the Cite panel shows is left out here: it named every
  // source a second time.) Its name says which record, for a list of several.
  const editButton = (source: string, describedBy?: string): ReactNode => (
    <button
      type="button"
      className="bibliography-edit"
      aria-describedby={describedBy}
      onClick={(e) => records.current?.edit(source, e.currentTarget)}
    >
      Edit record<span className="visually-hidden">: {sourceLabel(source, userRecords)}</span>
    </button>
  );

  return (
    <ModalDialog title="Bibliography" className="bibliography-dialog" onClose={onClose}>
      <div className="cite-controls">
        <StylePicker style={style} onChange={onStyleChange} customStyles={library.customStyles} />
        <button type="button" className="add-style" onClick={() => fileInput.current?.click()}>
          Add a style…
        </button>
        <input
          ref={fileInput}
          type="file"
          hidden
          accept=".csl,application/vnd.citationstyles.style+xml,text/xml,application/xml"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) addStyle(file);
          }}
        />
        {typeof styleRef !== 'string' && (
          <button
            type="button"
            onClick={() => {
              removeCustomStyle(styleRef.id);
              onStyleChange(DEFAULT_STYLE);
              setStatus(`Removed “${styleRef.label}”.`);
            }}
          >
            Remove this style
          </button>
        )}
      </div>
      <div className="cite-result" aria-live="polite" aria-busy={call.status === 'loading'}>
        {call.status === 'loading' && <p className="cite-loading">Formatting in {label}…</p>}
        {call.status === 'error' && (
          <p className="cite-error" role="alert">
            Could not format the bibliography: {call.error}
          </p>
        )}
        {call.status === 'ready' && (
          <ul className="bibliography-list" data-style={style}>
            {call.value.map((entry) => (
              <li key={entry.source} className="bibliography-entry" data-source={entry.source}>
                <span className="bibliography-text">
                  {entry.kind === 'entry' ? (
                    <SafeMarkup html={entry.html} />
                  ) : (
                    <span className="cite-absent">
                      {sourceLabel(entry.source, userRecords)}: not in this style’s bibliography.{' '}
                      {entry.reason}
                    </span>
                  )}
                </span>
                {(library.overrides[entry.source] ||
                  userRecords?.entry(entry.source)?.recordEdited) && (
                  <span className="record-edited"> (record edited by you)</span>
                )}
                {library.recordConflicts.has(entry.source) && (
                  <span className="record-conflict">
                    {' '}
                    Edited on two devices: both versions are kept; choose one in Sync.
                  </span>
                )}
                {entry.missing ? (
                  <span className="cite-missing bibliography-missing" role="note">
                    <span id={`${uid}-missing-${entry.source}`}>{entry.missing}</span>{' '}
                    {editButton(entry.source, `${uid}-missing-${entry.source}`)}
                  </span>
                ) : (
                  <span className="bibliography-record"> {editButton(entry.source)}</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
      <RecordButtons
        sources={sources}
        store={library.store}
        userRecords={userRecords}
        control={records}
        listed={false}
      />
      <div className="cite-actions" role="group" aria-label="Export the records">
        <span className="cite-actions-label" aria-hidden="true">
          Export:
        </span>
        {EXPORT_FORMATS.map((format) => (
          <button key={format} type="button" onClick={() => download(format)}>
            {FORMAT_LABEL[format]}
          </button>
        ))}
      </div>
      <p className="cite-status" role="status">
        {status}
      </p>
    </ModalDialog>
  );
}
