/**
 * "Open a text": reads a Markdown or plain-text file the reader picks and
 * shows it in the active pane, for this session (it is not stored; after a
 * reload, open the file again). Parsing happens in the browser, in a chunk
 * loaded on first use (`edition-from-file.ts`).
 *
 * Renders no user text itself: the file name only appears in the notice,
 * as React text.
 */
import { useRef, type ReactNode } from 'react';
import type { Edition } from '../../sources/edition.ts';
import { MAX_TEXT_BYTES } from '../../sources/read-text.ts';

/** Props of `OpenTextButton`. */
export interface OpenTextButtonProps {
  /** Ids already in use (the new edition's id must differ). */
  readonly taken: ReadonlySet<string>;
  /** Called with the parsed edition. */
  readonly onOpen: (edition: Edition) => void;
  /** Reports progress and problems in plain words. */
  readonly notify: (message: string) => void;
}

/** A button that opens a file picker for a text. */
export function OpenTextButton({ taken, onOpen, notify }: OpenTextButtonProps): ReactNode {
  const input = useRef<HTMLInputElement>(null);
  const onChange = async (): Promise<void> => {
    const file = input.current?.files?.[0];
    if (input.current) input.current.value = '';
    if (!file) return;
    if (file.size > MAX_TEXT_BYTES) {
      notify(
        `“${file.name}” is too large (${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_TEXT_BYTES / 1024 / 1024} MB).`,
      );
      return;
    }
    try {
      const [bytes, { editionFromFile }] = await Promise.all([
        file.arrayBuffer(),
        import('./edition-from-file.ts'),
      ]);
      const result = editionFromFile(new Uint8Array(bytes), file.name, taken);
      if (!result.ok) return notify(result.reason);
      onOpen(result.edition);
      notify(
        `Opened “${file.name}” for this session (it is not saved; open it again after a reload).`,
      );
    } catch {
      notify(`“${file.name}” could not be read.`);
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
