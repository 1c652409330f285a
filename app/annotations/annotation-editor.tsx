/**
 * The editor of one annotation: its note (plain text, light Markdown), its
 * tags (comma-separated) and its colour. Saving calls the store's `update`
 * once (not per keystroke); the store checks the result against the schema,
 * and its field errors are shown next to the form.
 *
 * Only Save and Cancel end an edit. Closed any other way (Escape, the
 * sidebar closed, another annotation opened), the editor sets what was typed
 * aside (`kept-drafts.ts`) and opens with it again; the reader is told.
 *
 * Renders the reader's text only as the values of form fields.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import {
  MAX_NOTE_LENGTH,
  type Annotation,
  type Color,
} from '../../annotations/model/annotation.ts';
import { parseTags } from './anchored-list.ts';
import { colorName, DEFAULT_COLOR, PALETTE } from './palette.ts';
import { keepDraft, keptDraft } from './kept-drafts.ts';
import { passageAmong } from '../views/passage-in-words.ts';
import type { AnnotationUi, EditorDraft } from './use-annotation-ui.ts';

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

/** Whether a draft differs from its annotation as stored. */
function changed({ annotation, note, tags, color }: EditorDraft): boolean {
  return (
    note !== (annotation.note ?? '') ||
    parseTags(tags).join('\n') !== annotation.tags.join('\n') ||
    color !== (annotation.color ?? DEFAULT_COLOR)
  );
}

/** An annotation's editor. */
export function AnnotationEditor({ ui, annotation }: AnnotationEditorProps): ReactNode {
  const id = useId();
  const kept = keptDraft(annotation.id);
  const [note, setNote] = useState(kept?.note ?? annotation.note ?? '');
  const [tags, setTags] = useState(kept?.tags ?? annotation.tags.join(', '));
  const [color, setColor] = useState<Color>(kept?.color ?? annotation.color ?? DEFAULT_COLOR);
  const [error, setError] = useState<string | null>(null);
  // What is typed is kept outside the editor too: if the annotation is deleted in another tab,
  // this editor goes, and the text stays (`use-annotation-ui.ts`).
  const { trackDraft, notify, runtime } = ui;
  const current = useRef<EditorDraft>({ annotation, note, tags, color });
  useEffect(() => {
    current.current = { annotation, note, tags, color };
    trackDraft(current.current);
  }, [trackDraft, annotation, note, tags, color]);
  // Save and Cancel end the edit; any other close (an unmount) sets the typed changes aside.
  // Read through a ref, so that the cleanup runs on unmount only, whatever changes identity.
  const ended = useRef(false);
  const services = useRef({ notify, runtime, editions: ui.allEditions });
  useEffect(() => {
    services.current = { notify, runtime, editions: ui.allEditions };
  });
  useEffect(
    () => () => {
      if (ended.current) return;
      const { notify, runtime, editions } = services.current;
      const draft = current.current;
      const id = draft.annotation.id;
      // Deleted (here or in another tab): the orphan notice keeps its text, not this.
      const stored = runtime?.store.getSnapshot().annotations.some((a) => a.id === id) ?? false;
      if (!stored || !changed(draft)) {
        keepDraft(id, null);
        return;
      }
      keepDraft(id, draft);
      notify(
        `Your changes to the annotation on ${passageAmong(draft.annotation.targets[0]?.selectors.address, editions)} are not saved, but kept: choose Edit on it to finish them.`,
      );
    },
    [],
  );
  // The caret after what is there, so that resuming a note (or a kept draft) continues it.
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const el = field.current;
    el?.setSelectionRange(el.value.length, el.value.length);
  }, []);
  const end = (): void => {
    ended.current = true;
    keepDraft(annotation.id, null);
    ui.closeEditor();
  };

  const save = (): void => {
    if (!ui.runtime) return;
    // Said here in words: the store's schema message ("Too big: expected string to have <=50000
    // characters") told a reader who pasted a long text neither how long it was nor what to do.
    if (note.length > MAX_NOTE_LENGTH) {
      setError(
        `the note is ${note.length.toLocaleString('en')} characters long, and a note holds at most ${MAX_NOTE_LENGTH.toLocaleString('en')}. Shorten it or split it over several annotations; what you typed is still here.`,
      );
      return;
    }
    const tagList = parseTags(tags);
    const result = ui.runtime.store.update(annotation.id, {
      note: note.trim() === '' ? null : note,
      tags: tagList,
      color,
      motivation: motivation(note, tagList),
    });
    if (result.ok) {
      setError(null);
      end();
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
        ref={field}
        id={`${id}-note`}
        value={note}
        rows={4}
        autoFocus
        onChange={(e) => setNote(e.currentTarget.value)}
        aria-describedby={`${id}-hint`}
      />
      <p id={`${id}-hint`} className="ann-hint">
        Write *word* for italics, **word** for bold, [text](https://…) for a link, “- ” at a line’s
        start for a list. Ctrl+Enter saves.
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
        <button type="button" onClick={end}>
          Cancel
        </button>
      </div>
    </form>
  );
}
