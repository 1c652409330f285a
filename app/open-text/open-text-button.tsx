/**
 * "Open a text": reads a Markdown or plain-text file the reader picks and
 * shows it in the active pane, for this session (it is not stored; after a
 * reload, open the file again). Parsing happens in a Web Worker
 * (`parse-in-worker.ts`, loaded on first use), so the page stays
 * responsive; while it runs, a progress bar and **Cancel** sit beside the
 * button.
 *
 * Renders no user text itself: the file name only appears in the notice and
 * the progress label, as React text.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Edition } from '../../sources/edition.ts';

/** Props of `OpenTextButton`. */
export interface OpenTextButtonProps {
  /** Ids already in use (the new edition's id must differ). */
  readonly taken: ReadonlySet<string>;
  /** Called with the parsed edition. */
  readonly onOpen: (edition: Edition) => void;
  /** Reports progress and problems in plain words. */
  readonly notify: (message: string) => void;
}

interface Opening {
  readonly name: string;
  readonly fraction: number;
  readonly controller: AbortController;
}

/** A button that opens a file picker for a text, with progress and Cancel while it parses. */
export function OpenTextButton({ taken, onOpen, notify }: OpenTextButtonProps): ReactNode {
  const input = useRef<HTMLInputElement>(null);
  const [opening, setOpening] = useState<Opening | null>(null);
  const current = useRef<AbortController | null>(null);
  // Leaving the page (or unmounting) stops a parse in progress.
  useEffect(() => () => current.current?.abort(), []);

  const onChange = async (): Promise<void> => {
    const file = input.current?.files?.[0];
    if (input.current) input.current.value = '';
    if (!file) return;
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    setOpening({ name: file.name, fraction: 0, controller });
    try {
      const { parseInWorker } = await import('./parse-in-worker.ts');
      const result = await parseInWorker(file, {
        signal: controller.signal,
        taken,
        onProgress: ({ fraction }) =>
          setOpening((o) => (o?.controller === controller ? { ...o, fraction } : o)),
      });
      if (current.current !== controller) return; // superseded by another file
      if (!result.ok) return notify(result.reason);
      onOpen(result.edition);
      notify(
        `Opened “${file.name}” for this session (it is not saved; open it again after a reload).`,
      );
    } catch {
      notify(`“${file.name}” could not be read.`);
    } finally {
      if (current.current === controller) {
        current.current = null;
        setOpening(null);
      }
    }
  };
  return (
    <>
      <button
        type="button"
        className="open-text"
        onClick={() => input.current?.click()}
        title="Open a Markdown or plain-text file in the active pane"
      >
        Open a text…
      </button>
      {opening && (
        <span
          className="open-progress"
          role="group"
          aria-label={`Opening “${opening.name}”`}
          data-testid="open-text-progress"
        >
          <progress max={1} value={opening.fraction} aria-label={`Opening “${opening.name}”`} />
          <span aria-hidden="true">{Math.round(opening.fraction * 100)}%</span>
          <button type="button" onClick={() => opening.controller.abort()}>
            Cancel<span className="visually-hidden"> opening “{opening.name}”</span>
          </button>
        </span>
      )}
      <input
        ref={input}
        type="file"
        accept=".md,.markdown,.txt,text/plain,text/markdown"
        hidden
        aria-label="Open a text"
        data-testid="open-text-input"
        onChange={() => void onChange()}
      />
    </>
  );
}
