/**
 * Link passages, second step: the reader has a passage selected in each
 * text; this modal dialog asks how they relate (agrees, contradicts,
 * qualifies, complements), a topic and an optional note, and hands them to
 * `onSave` (which builds the linking annotation with `linkPassages` and adds
 * it to the store). A refusal from the model (an over-long note…) is shown
 * in the dialog, which stays open, so nothing typed is lost.
 *
 * No relation is chosen when it opens: a preselected "agrees" let a hurried
 * reader record a claim they never made. Saving without one is refused next
 * to the choice, with focus moved to it. The topic's default
 * (`READER_TOPIC`) is said in a hint below the field, not as its
 * placeholder, where it read as a value already filled in.
 *
 * Renders the two quotes as React text (never HTML).
 */
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useModalDialog } from '../views/use-modal-dialog.ts';
import type { Relation } from '../../annotations/model/annotation.ts';
import { READER_TOPIC } from '../../annotations/comparisons/link-passages.ts';
import { RELATION_OPTIONS } from './compare-view.tsx';
import { LanguageText } from '../views/language-text.tsx';

/** One side as the dialog shows it. */
export interface LinkSide {
  /** "Lankov 12". */
  readonly name: string;
  /** The selected text. */
  readonly quote: string;
}

/** What the reader chose. */
export interface LinkChoice {
  readonly relation: Relation;
  readonly topic: string;
  readonly note: string;
  /** What each side claims in the reader's words, in side order; blank for none (never the quote). */
  readonly paraphrases: readonly [string, string];
}

/** Props of `LinkDialog`. */
export interface LinkDialogProps {
  /** The two passages, in pane order. */
  readonly sides: readonly [LinkSide, LinkSide];
  /** Topics already used, offered as suggestions. */
  readonly topics: readonly string[];
  /** Saves; returns an error message to show, or null when saved. */
  readonly onSave: (choice: LinkChoice) => string | null;
  readonly onCancel: () => void;
}

const RELATION_HELP: Readonly<Record<Relation, string>> = {
  agrees: 'both make the same claim',
  contradicts: 'the claims cannot both hold',
  qualifies: 'one limits or conditions the other',
  complements: 'different facts on the same point',
};

/** Said next to the relations when the reader saves without choosing one. */
export const RELATION_REQUIRED = 'Choose how the two passages relate before saving.';

/** The dialog (open while mounted). */
export function LinkDialog({ sides, topics, onSave, onCancel }: LinkDialogProps): ReactNode {
  const dialog = useModalDialog(true);
  const titleId = useId();
  const listId = useId();
  const topicHintId = useId();
  const relationErrorId = useId();
  // None until the reader picks one: see the head comment.
  const [relation, setRelation] = useState<Relation | null>(null);
  const [relationMissing, setRelationMissing] = useState(false);
  const relations = useRef<HTMLFieldSetElement>(null);
  const [topic, setTopic] = useState('');
  const [note, setNote] = useState('');
  // Empty until the reader writes one: a paraphrase prefilled with the quote showed it twice.
  const [paraphrases, setParaphrases] = useState<readonly [string, string]>(['', '']);
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (relation === null) {
      setRelationMissing(true);
      relations.current?.querySelector('input')?.focus();
      return;
    }
    setError(onSave({ relation, topic, note, paraphrases }));
  };
  return (
    <dialog {...dialog} className="link-dialog" aria-labelledby={titleId} onClose={onCancel}>
      <h2 id={titleId}>Link passages</h2>
      <form onSubmit={submit}>
        <div className="link-sides">
          {sides.map((s, i) => (
            <figure key={i} className="link-side">
              <figcaption>{s.name}</figcaption>
              <blockquote>
                “<LanguageText text={s.quote} />”
              </blockquote>
            </figure>
          ))}
        </div>
        <fieldset
          ref={relations}
          className="link-relations"
          aria-describedby={relationMissing ? relationErrorId : undefined}
        >
          <legend>Relation</legend>
          {relationMissing && (
            <p id={relationErrorId} role="alert" className="link-error">
              {RELATION_REQUIRED}
            </p>
          )}
          {RELATION_OPTIONS.map((r) => (
            <label key={r}>
              <input
                type="radio"
                name="relation"
                value={r}
                checked={relation === r}
                aria-invalid={relationMissing || undefined}
                onChange={() => {
                  setRelation(r);
                  setRelationMissing(false);
                }}
              />{' '}
              {r} <span className="link-help">({RELATION_HELP[r]})</span>
            </label>
          ))}
        </fieldset>
        <label className="link-field">
          Topic (optional)
          <input
            type="text"
            value={topic}
            list={listId}
            placeholder="e.g. economic ties"
            aria-describedby={topicHintId}
            onChange={(e) => setTopic(e.currentTarget.value)}
          />
          <span id={topicHintId} className="link-help">
            Left empty, it is filed under “{READER_TOPIC}”.
          </span>
          <datalist id={listId}>
            {topics.map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
        </label>
        {sides.map((s, i) => (
          <label key={i} className="link-field">
            What {s.name} claims, in your words (optional)
            <input
              type="text"
              value={paraphrases[i]}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setParaphrases((p) => (i === 0 ? [value, p[1]] : [p[0], value]));
              }}
            />
          </label>
        ))}
        <label className="link-field">
          Note (optional)
          <textarea value={note} rows={3} onChange={(e) => setNote(e.currentTarget.value)} />
        </label>
        {error && (
          <p role="alert" className="link-error">
            {error}
          </p>
        )}
        <div className="link-buttons">
          <button type="submit">Save comparison</button>
          <button type="button" onClick={() => dialog.ref.current?.close()}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
