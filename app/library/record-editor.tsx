/**
 * Edit record: a form over a reader's text's citation record, pre-filled
 * from what the file said, validated with the library's schema before it is
 * saved. The fields are those that matter for the chosen kind of work
 * (`sources/citation/record-fields.ts`, shared with Edit record over a
 * built-in source): a news article asks for its site, day and URL, a
 * journal article for volume, issue, pages and DOI, a chapter for its book,
 * editors and pages. A field that holds a value stays shown when the kind
 * changes, so nothing typed is hidden or dropped unseen. Every field is the
 * reader's word; nothing is guessed.
 *
 * Renders user text only as form values and React text.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import {
  nameFromString,
  RECORD_TYPES,
  TextRecordSchema,
  type TextEntry,
  type TextRecord,
} from '../../library/index.ts';
import { recordFieldLabel, recordFieldsFor } from '../../sources/citation/record-fields.ts';
import type { EditableField } from '../../sources/citation/record-overrides.ts';
import { issuesOf } from '../../sources/util/zod-issue.ts';
import { guessedNames } from './record-to-csl.ts';

/** Props of `RecordEditor`. */
export interface RecordEditorProps {
  readonly entry: TextEntry;
  /** Saves a valid record; resolves to null on success or the reason it failed. */
  readonly onSave: (record: TextRecord) => Promise<string | null>;
  readonly onCancel: () => void;
}

const TYPE_LABELS: Record<(typeof RECORD_TYPES)[number], string> = {
  manuscript: 'Manuscript or draft',
  article: 'Article',
  'article-journal': 'Journal article',
  'article-newspaper': 'Newspaper article',
  webpage: 'Web page',
  report: 'Report',
  book: 'Book',
  chapter: 'Book chapter',
};

/** The record's key for each CSL field (`TextRecord` keeps its own names). */
const RECORD_KEY = {
  author: 'authors',
  title: 'title',
  'title-short': 'titleShort',
  'container-title': 'containerTitle',
  issued: 'issued',
  URL: 'url',
  accessed: 'accessed',
  publisher: 'publisher',
  'publisher-place': 'place',
  genre: 'genre',
  medium: 'medium',
  editor: 'editors',
  edition: 'edition',
  volume: 'volume',
  issue: 'issue',
  page: 'page',
  number: 'number',
  DOI: 'doi',
} as const satisfies Record<EditableField, keyof TextRecord>;

type Values = Record<EditableField, string>;

const NAME_FIELDS: ReadonlySet<EditableField> = new Set(['author', 'editor']);

/** Hints under a field, in the Library's form (names are typed one per line here). */
const HINTS: Partial<Record<EditableField, string>> = {
  author: 'One per line, “Family, Given”.',
  editor: 'One per line, “Family, Given”.',
  issued: 'YYYY, YYYY-MM or YYYY-MM-DD.',
  URL: 'http(s) only.',
  accessed: 'The day you read it online, YYYY-MM-DD.',
};

/** Labels without the format hints the Library's form shows below the field. */
const SHORT_LABELS: Partial<Record<EditableField, string>> = {
  author: 'Authors',
  editor: 'Editors',
  issued: 'Date',
  URL: 'URL',
  accessed: 'Accessed',
};

function namesText(names: TextRecord['authors'] | undefined): string {
  return (names ?? []).map((a) => (a.given ? `${a.family}, ${a.given}` : a.family)).join('\n');
}

function valuesOf(r: TextRecord): Values {
  const out = {} as Values;
  for (const [field, key] of Object.entries(RECORD_KEY) as [EditableField, keyof TextRecord][]) {
    const v = r[key];
    out[field] = NAME_FIELDS.has(field)
      ? namesText(v as TextRecord['authors'] | undefined)
      : typeof v === 'string'
        ? v
        : '';
  }
  return out;
}

function names(text: string): TextRecord['authors'] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map(nameFromString);
}

/** The form. */
export function RecordEditor({ entry, onSave, onCancel }: RecordEditorProps): ReactNode {
  const id = useId();
  const [type, setType] = useState<string>(entry.record.type);
  const [values, setValues] = useState<Values>(() => valuesOf(entry.record));
  const [error, setError] = useState<string | null>(null);
  // Names split by guess (`nameFromString`): the form shows them as “Family, Given”; say so.
  const guessed = guessedNames(entry);
  const filled = (Object.keys(values) as EditableField[]).filter((f) => values[f].trim() !== '');
  const fields = recordFieldsFor(type, filled);
  const labelOf = (field: EditableField): string =>
    SHORT_LABELS[field] ?? recordFieldLabel(type, field);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const candidate: Record<string, unknown> = { type, title: values.title.trim(), authors: [] };
    for (const field of fields) {
      const value = values[field].trim();
      if (value === '') continue;
      candidate[RECORD_KEY[field]] = NAME_FIELDS.has(field) ? names(value) : value;
    }
    const parsed = TextRecordSchema.safeParse(candidate);
    if (!parsed.success) {
      const issue = issuesOf(parsed.error)[0]!;
      const key = issue.path.split('.')[0] || 'record';
      const field = (Object.keys(RECORD_KEY) as EditableField[]).find((f) => RECORD_KEY[f] === key);
      setError(`${field ? labelOf(field) : key === 'type' ? 'Type' : key}: ${issue.message}`);
      return;
    }
    const failed = await onSave(parsed.data);
    if (failed) setError(failed);
  };

  return (
    <form
      className="record-editor"
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-label="Edit record"
    >
      <p className="record-source">
        Pre-filled from the file (title from its {entry.facts.titleFrom}); change what is wrong, add
        what is missing. The fields follow the kind of work.
        {guessed.length > 0 && (
          <>
            {' '}
            The file writes{' '}
            {guessed.map((g, i) => (
              <span key={i}>
                {i > 0 && ', '}“{g.written}” (taken as {g.family}, {g.given})
              </span>
            ))}{' '}
            as one string: which part is the family name is a guess; check it.
          </>
        )}
      </p>
      {/* Named by the span alone: a wrapping label would also read out the chosen option. */}
      <label className="record-field">
        <span id={`${id}-type`}>Type</span>
        <select
          aria-labelledby={`${id}-type`}
          value={type}
          onChange={(e) => setType(e.currentTarget.value)}
        >
          {RECORD_TYPES.map((t) => (
            <option key={t} value={t}>
              {TYPE_LABELS[t]}
            </option>
          ))}
        </select>
      </label>
      {fields.map((field) => {
        const hintId = `${id}-${field}-hint`;
        const hint = HINTS[field];
        const set = (v: string) => setValues((old) => ({ ...old, [field]: v }));
        return (
          <label key={field} className="record-field" data-field={field}>
            <span>{labelOf(field)}</span>
            {NAME_FIELDS.has(field) ? (
              <textarea
                rows={2}
                value={values[field]}
                aria-describedby={hint ? hintId : undefined}
                onChange={(e) => set(e.currentTarget.value)}
              />
            ) : (
              <input
                value={values[field]}
                type={field === 'URL' ? 'url' : 'text'}
                aria-describedby={hint ? hintId : undefined}
                onChange={(e) => set(e.currentTarget.value)}
              />
            )}
            {hint && <small id={hintId}>{hint}</small>}
          </label>
        );
      })}
      {error && (
        <p className="record-error" role="alert">
          {error}
        </p>
      )}
      <div className="record-actions">
        <button type="submit">Save record</button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
