/**
 * Export and import buttons: the W3C JSON-LD collection (Export
 * annotations), the Markdown digest (Export digest), and import from a W3C or
 * Hypothesis JSON file; each says in small print what its file is for.
 *
 * Import is all or nothing: `importAnnotations` reads and checks the whole
 * file without changing anything, then the store's `addMany` adds every new
 * annotation in one change (or none). The result is one sentence
 * (`outcome.summary`, `importStatus`'s words); a refused file shows instead
 * what is wrong and what to do in plain words (`outcome.advice`), with the
 * summary (what is wrong and where, in the file's terms) under "Technical
 * details". Renders both as text, never as HTML.
 */
import { useId, useRef, useState, type ReactNode } from 'react';
import type { AnnotationId } from '../../annotations/model/annotation.ts';
import type { ImportOutcome } from '../../annotations/io/import-annotations.ts';
import { libraryTitles, mayWaitFor, recordWaiting } from '../library/library-bridge.ts';
import { dateStamp, downloadFile } from '../views/download-file.ts';
import type { AnnotationUi } from './use-annotation-ui.ts';
import { counted } from '../../sources/util/plural.ts';

/** The result of the last import, for the live region. */
interface ImportMessage {
  readonly ok: boolean;
  readonly text: string;
  /** A refusal's technical reason (JSON path, parser message), behind a disclosure. */
  readonly detail?: string;
}

/** A refused import's message: the plain advice shown, the technical summary kept behind it. */
function refusedMessage(name: string, outcome: ImportOutcome): ImportMessage {
  return outcome.advice === undefined
    ? { ok: false, text: `${name}: ${outcome.summary}` }
    : { ok: false, text: `${name}: ${outcome.advice}`, detail: outcome.summary };
}

/**
 * A file button: a short label that names the action (its accessible name)
 * and, in small print under it, what the file is for, the format named last
 * (its accessible description). "Export annotations (W3C)" told a student the
 * format and not why they would want the file.
 */
function FileButton(props: {
  readonly label: string;
  readonly hint: string;
  readonly onClick: () => void;
  readonly disabled: boolean;
}): ReactNode {
  const hint = useId();
  // The hint sits beside the button, not in it: inside, it would be part of the button's
  // name, and an aria-label without it hides visible text from speech input (axe's
  // label-content-name-mismatch).
  return (
    <span className="ann-file">
      <button
        type="button"
        aria-describedby={hint}
        onClick={props.onClick}
        disabled={props.disabled}
      >
        {props.label}
      </button>
      <span id={hint} className="ann-file-hint">
        {props.hint}
      </span>
    </span>
  );
}

/** Export and import controls. */
export function AnnotationFiles({ ui }: { readonly ui: AnnotationUi }): ReactNode {
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<ImportMessage | null>(null);
  const { runtime, snapshot } = ui;
  const ready = runtime !== null && snapshot !== null;

  const exportW3c = async (): Promise<void> => {
    if (!runtime || !snapshot) return;
    const named = snapshot.annotations.flatMap((a) => a.targets.map((t) => t.source as string));
    // Loaded on use, like the digest's citer below: the record store reads with its zod schema,
    // which stays out of the initial bundle (bench/reader.ts).
    const { loadRecordOverrides } = await import('../citations/record-override-store.ts');
    downloadFile({
      name: `diptych-annotations-${dateStamp()}.jsonld`,
      mime: 'application/ld+json',
      // The reader's record edits travel with the annotations (diptych:records).
      text: runtime.serializeW3cCollection(snapshot.annotations, {
        sources: libraryTitles(named),
        records: loadRecordOverrides(),
      }),
    });
  };
  const exportDigest = async (): Promise<void> => {
    if (!runtime || !snapshot) return;
    // Each quote cited in the reader's chosen style (app/citations/); without citations if the citer fails.
    const addresses = snapshot.annotations.flatMap((a) =>
      a.targets.map((t) => t.selectors.address),
    );
    // Loaded on use: it reads the stored style, records and custom styles with their zod schemas.
    const cite = await import('../citations/cite-for-digest.ts')
      .then(({ citeForDigest }) => citeForDigest(addresses))
      .catch(() => undefined);
    const digest = runtime.markdownDigest(snapshot.annotations, cite ? { cite } : {});
    downloadFile({
      name: `diptych-annotations-${dateStamp()}.md`,
      mime: 'text/markdown',
      text: digest,
    });
  };
  const importFile = async (file: File): Promise<void> => {
    if (!runtime || !snapshot) return;
    // Checked before reading (issue 12, item 6): a 1 GB file is refused by its size, unread.
    const tooLarge = runtime.importFileSizeCheck(file.size);
    if (tooLarge) {
      setMessage(refusedMessage(file.name, tooLarge));
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      setMessage({ ok: false, text: `Nothing was imported: "${file.name}" could not be read.` });
      return;
    }
    const current = runtime.store.getSnapshot();
    const outcome = runtime.importAnnotations(text, {
      existing: new Set<string>(current.annotations.map((a) => a.id as AnnotationId)),
      editions: ui.allEditions,
      locate: runtime.locateInEditions(ui.allEditions),
      waitFor: mayWaitFor,
    });
    if (!outcome.ok) {
      setMessage(refusedMessage(file.name, outcome));
      return;
    }
    const added = runtime.store.addMany(outcome.annotations);
    if (!added.ok && added.refused) {
      setMessage({ ok: false, text: `${file.name}: ${added.refused.message}` });
      return;
    }
    if (!added.ok) {
      const first = added.errors[0];
      setMessage({
        ok: false,
        text: `${file.name}: Nothing was imported: annotation ${(first?.index ?? 0) + 1} is invalid (${first?.path}: ${first?.message}).`,
      });
      return;
    }
    if (added.notSaved !== undefined) {
      // Say what was actually kept: these are in this tab only.
      setMessage({
        ok: false,
        text: `${file.name}: ${counted(added.added, 'annotation was', 'annotations were')} added to this tab but not saved. ${added.notSaved}`,
      });
      return;
    }
    // Only once the annotations are in: a refused file changes no record either.
    const { importRecordEdits } = await import('../citations/import-record-edits.ts');
    const records = importRecordEdits(outcome.records);
    setMessage({ ok: true, text: `${file.name}: ${outcome.summary}${records}` });
    if (outcome.waiting?.length) {
      const since = new Date().toISOString();
      void recordWaiting(
        outcome.waiting.map((w) => ({
          id: w.source,
          since,
          ...(w.title !== undefined ? { title: w.title } : {}),
        })),
      );
    }
  };

  return (
    <div className="ann-files">
      <div className="ann-files-buttons">
        <FileButton
          label="Export annotations"
          hint="a file to keep, or to import elsewhere (W3C JSON-LD)"
          onClick={() => void exportW3c()}
          disabled={!ready}
        />
        <FileButton
          label="Export digest"
          hint="your quotes and notes to read or print (Markdown)"
          onClick={() => void exportDigest()}
          disabled={!ready}
        />
        <FileButton
          label="Import annotations…"
          hint="from a Diptych or Hypothesis export"
          onClick={() => input.current?.click()}
          disabled={!ready}
        />
        <input
          ref={input}
          type="file"
          className="visually-hidden"
          tabIndex={-1}
          aria-label="Annotation file to import (W3C JSON-LD or Hypothesis JSON)"
          accept=".json,.jsonld,application/json,application/ld+json"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>
      <p className="ann-import-result" role="status" data-ok={message?.ok ? 'true' : 'false'}>
        {message?.text}
      </p>
      {message?.detail !== undefined && (
        // Outside the live region: a screen reader announces the plain words, not the JSON path.
        <details className="ann-import-detail">
          <summary>Technical details</summary>
          <p>{message.detail}</p>
        </details>
      )}
    </div>
  );
}
