/**
 * The annotations' entries in the selection toolbar: Highlight (h, the
 * default colour), one button per other colour, and Add note (n), which
 * makes a highlight and opens it in the sidebar with its note editor.
 *
 * What it is for: turning a `PaneSelection` into a new annotation through
 * `describe` and the store (both `annotations/`'s). What it is not for:
 * validation (the store checks the annotation against the schema) or
 * showing results (the callbacks do).
 */
import { useMemo } from 'react';
import type { Annotation, Color } from '../../annotations/model/annotation.ts';
import type { PaneSelection, SelectionAction } from '../selection/selection-action.ts';
import { colorName, DEFAULT_COLOR, PALETTE } from './palette.ts';
import { loadAnnotationRuntime } from './use-annotations.ts';

/** What the actions report to the app. */
export interface AnnotationActionCallbacks {
  /** A new annotation was saved (or kept in memory, see the store's save state); `edit` asks for its note editor. */
  readonly onCreated: (annotation: Annotation, edit: boolean) => void;
  /** Something went wrong, in plain words. */
  readonly onError: (message: string) => void;
}

/** Creates a highlight of `selection` in `color`. */
async function createHighlight(
  selection: PaneSelection,
  color: Color,
  edit: boolean,
  callbacks: AnnotationActionCallbacks,
): Promise<void> {
  const runtime = await loadAnnotationRuntime();
  const described = runtime.describe(selection.edition, selection.start, selection.end);
  if (!described?.quote || !described.position || !described.address) {
    callbacks.onError(
      described && !described.quote
        ? 'That selection is too long to annotate; select a shorter passage.'
        : 'That selection holds no text of the edition.',
    );
    return;
  }
  const result = runtime.store.add({
    motivation: 'highlighting',
    color,
    tags: [],
    targets: [
      {
        source: selection.source,
        selectors: {
          quote: described.quote,
          position: described.position,
          address: described.address,
        },
      },
    ],
  });
  if (result.ok) callbacks.onCreated(result.annotation, edit);
  else
    callbacks.onError(
      `The annotation was not made: ${result.errors[0]?.path} ${result.errors[0]?.message}.`,
    );
}

/** The annotation actions for the selection toolbar (stable while the callbacks are). */
export function useAnnotationActions(
  callbacks: AnnotationActionCallbacks,
): readonly SelectionAction[] {
  return useMemo(() => {
    const report = (error: unknown): void =>
      callbacks.onError(
        `The annotation was not made (${error instanceof Error ? error.message : String(error)}).`,
      );
    const highlight = (color: Color): SelectionAction => ({
      id: color === DEFAULT_COLOR ? 'highlight' : `highlight-${color}`,
      label: color === DEFAULT_COLOR ? 'Highlight' : `Highlight ${colorName(color).toLowerCase()}`,
      ...(color === DEFAULT_COLOR ? { shortcut: 'h' } : {}),
      run: (selection) => void createHighlight(selection, color, false, callbacks).catch(report),
    });
    return [
      ...PALETTE.map(highlight),
      {
        id: 'add-note',
        label: 'Add note',
        shortcut: 'n',
        run: (selection) =>
          void createHighlight(selection, DEFAULT_COLOR, true, callbacks).catch(report),
      },
    ];
  }, [callbacks]);
}
