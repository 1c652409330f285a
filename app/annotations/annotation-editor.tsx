/**
 * The editor of one annotation: its note (plain text, light Markdown), its
 * tags (comma-separated) and its colour. Saving calls the store's `update`
 * once (not per keystroke); the store checks the result against the schema,
 * and its field errors are shown next to the form.
 *
 * Renders the reader's text only as the values of form fields.
 */
import { useEffect, useId, useState, type ReactNode } from 'react';
import type { Annotation, Color } from '../../annotations/model/annotation.ts';
import { parseTags } from './anchored-list.ts';
import { colorName, DEFAULT_COLOR, PALETTE } from './palette.ts';
import type { AnnotationUi } from './use-annotation-ui.ts';

/** Props of `AnnotationEditor`. */
export interface AnnotationEditorProps {
  readonly ui: AnnotationUi;
  readonly annotation: Annotation;
}

/** The motivation for an annotation's content (the model's `motivationFor` rule). */
function motivation(note: string, tags: readonly string[]): Annotation['motivation'] {
  if (note.trim() !== '') return 'commenting';
  return tags.length > 0 ? 'tagging' : 'highlighting';
}

/** An annotation's editor. */
export function AnnotationEditor({ ui, annotation }: AnnotationEditorProps): ReactNode {
  const id = useId();
  const [note, setNote] = useState(annotation.note ?? '');
  const [tags, setTags] = useState(annotation.tags.join(', '));
  const [color, setColor] = useState<Color>(annotation.color ?? DEFAULT_COLOR);
  const [error, setError] = useState<string | null>(null);
  // What is typed is kept outside the editor too: if the annotation is deleted in another tab,
  // this editor goes, and the text stays (`use-annotation-ui.ts`).
  const { trackDraft } = ui;
  useEffect(
    () => trackDraft({ annotation, note, tags, color }),
    [trackDraft, annotation, note, tags, color],
  );

  const save = (): void => {
    if (!ui.runtime) return;
    const tagList = parseTags(tags);
    const result = ui.runtime.store.update(annotation.id, {
      note: note.trim() === '' ? null : note,
      tags: tagList,
      color,
      motivation: motivation(note, tagList),
    });
    if (result.ok) {
      setError(null);
      ui.closeEditor();
    } else {
      setError(result.errors.map((e) => `${e.path || 'annotation'}: ${e.message}`).join('; '));
    }
  };

  return (
    <form
      className="ann-editor"
      aria-label="Edit annotation"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          ui.closeEditor();
        } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          save();
        }
      }}
    >
      <label htmlFor={`${id}-note`}>Note</label>
      <textarea
        id={`${id}-note`}
        value={note}
        rows={4}
        autoFocus
        onChange={(e) => setNote(e.currentTarget.value)}
        aria-describedby={`${id}-hint`}
      />
      <p id={`${id}-hint`} className="ann-hint">
        *emphasis*, **strong**, [links](https://…), lists with “- ”. Ctrl+Enter saves.
      </p>
      <label htmlFor={`${id}-tags`}>Tags (separated by commas)</label>
      <input
        id={`${id}-tags`}
        type="text"
        value={tags}
        onChange={(e) => setTags(e.currentTarget.value)}
      />
      <fieldset className="ann-colors">
        <legend>Colour</legend>
        {PALETTE.map((c) => (
          <label key={c} className="ann-swatch" data-color={c}>
            <input
              type="radio"
              name={`${id}-color`}
              value={c}
              checked={color === c}
              onChange={() => setColor(c)}
            />
            <span>{colorName(c)}</span>
          </label>
        ))}
      </fieldset>
      {error !== null && (
        <p className="ann-error" role="alert">
          Not saved: {error}
        </p>
      )}
      <div className="ann-editor-buttons">
        <button type="submit">Save</button>
        <button type="button" onClick={ui.closeEditor}>
          Cancel
        </button>
      </div>
    </form>
  );
}
