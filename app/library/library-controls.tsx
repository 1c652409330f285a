/**
 * The library's controls in the header: **Add a text…** (a file picker; the
 * text is stored and opened in the active pane), **Library** (the view, with
 * the number of texts as a badge: `views/count-badge.tsx`), and
 * a drop target over the whole window (drop a file anywhere to add it).
 * While a text is parsed (in a worker), its progress and **Cancel** sit
 * beside the button.
 *
 * Renders no user text itself (the dialog does, as React text).
 */
import { Suspense, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Annotation } from '../../annotations/model/annotation.ts';
import type { Edition } from '../../sources/edition.ts';
import type { PaneIndex } from '../state/reader-state.ts';
import { CountBadge } from '../views/count-badge.tsx';
import { lazyWithPreload } from '../views/lazy-with-preload.ts';
import { whenIdle } from '../views/when-idle.ts';
import { AddingProgressBar } from './adding-progress.tsx';
import { TEXT_FILE_ACCEPT } from './text-file-accept.ts';
import type { LibraryController } from './use-library.ts';

// The dialog (and the record editor with the library's zod schemas) is a lazy chunk, kept out
// of the initial bundle (bench/reader.ts). It is fetched in idle time once the library holds
// a text, or when the pointer or focus reaches the button, so that opening the Library does
// not wait for it (50 texts: ≤ 200 ms to the painted list, bench/library.ts).
const LibraryDialog = lazyWithPreload(() =>
  import('./library-dialog.tsx').then((m) => m.LibraryDialog),
);
const preloadDialog = (): void => {
  LibraryDialog.preload().catch(() => {
    // Tried again when the dialog first renders, which reports its own failure.
  });
};

/** Props of `LibraryControls`. */
export interface LibraryControlsProps {
  readonly library: LibraryController;
  /** Every stored annotation (to count them per text), once loaded. */
  readonly annotations: readonly Annotation[] | undefined;
  /**
   * Opens a text (once its edition is loaded) in `pane`, made the active one, or in the active
   * pane when none is given; `stay` leaves the active pane as it is (a pane's fallback).
   */
  readonly onOpen: (id: string, pane?: PaneIndex, stay?: boolean) => void;
  /** The built-in editions. */
  readonly builtins: readonly Edition[];
  /** The texts the left and the right pane show now (the Library's Open left / Open right). */
  readonly panes: readonly [string, string];
  /** Shows a notice under the header. */
  readonly notify: (message: string) => void;
  /**
   * Script is running: render the file picker. The prerendered page (and the
   * hydration render, which must equal it) leaves it out: a hidden form control
   * that only script can open would only delay the first paint.
   */
  readonly interactive: boolean;
}

/** Annotations per source id. */
export function countBySource(annotations: readonly Annotation[] | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of annotations ?? []) {
    const [first, second] = a.targets;
    if (first) counts.set(first.source, (counts.get(first.source) ?? 0) + 1);
    // A link between two passages of one text counts once for it.
    if (second && second.source !== first?.source)
      counts.set(second.source, (counts.get(second.source) ?? 0) + 1);
  }
  return counts;
}

/** The buttons, the drop target and the dialog. */
export function LibraryControls({
  library,
  annotations,
  onOpen,
  builtins,
  panes,
  notify,
  interactive,
}: LibraryControlsProps): ReactNode {
  const input = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [dragging, setDragging] = useState(false);
  // Counted only while the dialog shows them: 10,000 annotations cost a count on every change.
  const counts = useMemo(
    () => (open ? countBySource(annotations) : new Map<string, number>()),
    [open, annotations],
  );
  const { addFiles } = library;
  const hasTexts = library.state.entries.length > 0;

  useEffect(() => (hasTexts ? whenIdle(preloadDialog) : undefined), [hasTexts]);

  useEffect(() => {
    const hasFiles = (e: DragEvent): boolean => !!e.dataTransfer?.types.includes('Files');
    const over = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent): void => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length) {
        void addFiles(files).then((ids) => {
          if (ids.length) onOpen(ids[ids.length - 1]!);
        });
      }
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [addFiles, onOpen]);

  return (
    <>
      <button
        type="button"
        className="add-text"
        onClick={() => input.current?.click()}
        title="Add a Markdown, plain-text or HTML file to your library and open it"
        disabled={library.busy}
      >
        Add a text…
      </button>
      {!open && <AddingProgressBar adding={library.adding} onCancel={library.cancelAdding} />}
      {interactive && (
        <input
          ref={input}
          type="file"
          hidden
          accept={TEXT_FILE_ACCEPT}
          aria-label="Add a text"
          data-testid="add-text-input"
          onChange={(e) => {
            const files = [...(e.currentTarget.files ?? [])];
            e.currentTarget.value = '';
            if (files.length) {
              void addFiles(files).then((ids) => {
                if (ids.length) onOpen(ids[ids.length - 1]!);
              });
            }
          }}
        />
      )}
      <button
        type="button"
        className={library.state.entries.length > 0 ? 'library-button has-count' : 'library-button'}
        onClick={() => setOpen(true)}
        onPointerEnter={preloadDialog}
        onFocus={preloadDialog}
      >
        Library
        {library.state.entries.length > 0 && <CountBadge count={library.state.entries.length} />}
      </button>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop a Markdown, text or HTML file to add it to your library
        </div>
      )}
      {open && (
        <Suspense fallback={null}>
          <LibraryDialog
            library={library}
            annotationCounts={counts}
            builtins={builtins}
            panes={panes}
            notify={notify}
            onOpen={(id, pane) => {
              onOpen(id, pane);
              setOpen(false);
            }}
            onReplace={(id, pane) => onOpen(id, pane, true)}
            onClose={() => setOpen(false)}
          />
        </Suspense>
      )}
    </>
  );
}
