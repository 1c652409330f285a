/**
 * Storage problems in plain words, with the Export button at hand: a change
 * that could not be saved (full storage: nothing is lost, it is still here
 * and exportable; "Try again" retries), stored data that could not be read
 * (moved to a backup key, named), and a blocked localStorage (annotations
 * live only in this tab). Shown whether or not the sidebar is open.
 *
 * Renders the store's messages as text.
 */
import { useState, type ReactNode } from 'react';
import { dateStamp, downloadFile } from '../views/download-file.ts';
import type { AnnotationUi } from './use-annotation-ui.ts';

/** The storage status bar; nothing when all is well. */
export function AnnotationStatus({ ui }: { readonly ui: AnnotationUi }): ReactNode {
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const { runtime, snapshot } = ui;
  if (!runtime || !snapshot) return null;
  const messages: { key: string; text: string; urgent: boolean }[] = [];
  if (snapshot.save.kind === 'unsaved') {
    const text =
      snapshot.save.reason === 'quota'
        ? `${snapshot.save.message} Your annotations are still here in this tab; export them to keep a copy.`
        : snapshot.save.message;
    messages.push({ key: `save:${snapshot.save.reason}`, text, urgent: true });
  }
  if (snapshot.loadMessage !== null)
    messages.push({ key: 'load', text: snapshot.loadMessage, urgent: false });
  if (runtime.fallbackReason !== undefined) {
    messages.push({
      key: 'memory',
      text: `${runtime.fallbackReason} Annotations are kept only in this tab until you close it; export them to keep them.`,
      urgent: false,
    });
  }
  const visible = messages.filter((m) => m.urgent || !dismissed.has(m.key));
  if (visible.length === 0) return null;
  const exportNow = (): void =>
    downloadFile({
      name: `diptych-annotations-${dateStamp()}.jsonld`,
      mime: 'application/ld+json',
      text: runtime.serializeW3cCollection(runtime.store.getSnapshot().annotations),
    });
  return (
    <div className="ann-status" role="alert">
      {visible.map((m) => (
        <p key={m.key} className="ann-status-line" data-kind={m.key}>
          <span>{m.text}</span>
          {!m.urgent && (
            <button type="button" onClick={() => setDismissed(new Set([...dismissed, m.key]))}>
              Dismiss
            </button>
          )}
          {m.key.startsWith('save:') && (
            <button type="button" onClick={() => runtime.store.retrySave()}>
              Try again
            </button>
          )}
        </p>
      ))}
      <button type="button" className="ann-status-export" onClick={exportNow}>
        Export annotations
      </button>
    </div>
  );
}
