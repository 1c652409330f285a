/**
 * The Bibliography dialog: both sources in the chosen style (an explained
 * absence where the style leaves one out), the style picker, and downloads
 * of both records as BibTeX, RIS and CSL-JSON.
 *
 * Entries are formatted and files produced in the citation worker.
 * Security: entries are rendered through `SafeMarkup` (no HTML insertion).
 */
import { useState, type ReactNode } from 'react';
import { EXPORT_FORMATS, type ExportFormat } from '../../sources/citation/export-formats.ts';
import { styleDescriptor, type StyleId } from '../../sources/citation/styles.ts';
import { sourceMetadata } from '../../sources/metadata.ts';
import { downloadFile } from '../views/download-file.ts';
import { ModalDialog } from './modal-dialog.tsx';
import { SafeMarkup } from './safe-markup.tsx';
import { StylePicker } from './style-picker.tsx';
import { callCiterLazily } from './use-citations.ts';
import { useCiterCall } from './use-citer-call.ts';

/** Props of `BibliographyDialog`. */
export interface BibliographyDialogProps {
  readonly style: StyleId;
  readonly onStyleChange: (style: StyleId) => void;
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
  style,
  onStyleChange,
  onClose,
}: BibliographyDialogProps): ReactNode {
  const call = useCiterCall({ op: 'bibliography', style });
  const [status, setStatus] = useState('');

  const download = (format: ExportFormat): void => {
    setStatus(`Preparing ${FORMAT_LABEL[format]}…`);
    callCiterLazily({ op: 'export', format }).then(
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

  return (
    <ModalDialog title="Bibliography" className="bibliography-dialog" onClose={onClose}>
      <div className="cite-controls">
        <StylePicker style={style} onChange={onStyleChange} />
      </div>
      <div className="cite-result" aria-live="polite" aria-busy={call.status === 'loading'}>
        {call.status === 'loading' && (
          <p className="cite-loading">Formatting in {styleDescriptor(style).label}…</p>
        )}
        {call.status === 'error' && (
          <p className="cite-error" role="alert">
            Could not format the bibliography: {call.error}
          </p>
        )}
        {call.status === 'ready' && (
          <ul className="bibliography-list" data-style={style}>
            {call.value.map((entry) => (
              <li key={entry.source} className="bibliography-entry" data-source={entry.source}>
                {entry.kind === 'entry' ? (
                  <SafeMarkup html={entry.html} />
                ) : (
                  <span className="cite-absent">
                    {sourceMetadata(entry.source)?.label ?? entry.source}: not in this style’s
                    bibliography. {entry.reason}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="cite-actions" role="group" aria-label="Export both records">
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
