/**
 * Edit record: a form over a reader's text's citation record (type, title,
 * authors, date, container, publisher, URL, accessed), pre-filled from what
 * the file said, validated with the library's schema before it is saved.
 * Every field is the reader's word; nothing is guessed.
 *
 * Renders user text only as form values and React text.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import {
  nameFromString,
  RECORD_TYPES,
  TextRecordSchema,
  type TextEntry,
  type TextRecord,
} from '../../library/index.ts';
import { issuesOf } from '../../sources/util/zod-issue.ts';

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

const authorsText = (record: TextRecord): string =>
  record.authors.map((a) => (a.given ? `${a.family}, ${a.given}` : a.family)).join('\n');

/** The form. */
export function RecordEditor({ entry, onSave, onCancel }: RecordEditorProps): ReactNode {
  const r = entry.record;
  const [fields, setFields] = useState({
    type: r.type as string,
    title: r.title,
    authors: authorsText(r),
    issued: r.issued ?? '',
    containerTitle: r.containerTitle ?? '',
    publisher: r.publisher ?? '',
    url: r.url ?? '',
    accessed: r.accessed ?? '',
  });
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof typeof fields) => (value: string) =>
    setFields((f) => ({ ...f, [key]: value }));

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const optional = (v: string): string | undefined => (v.trim() === '' ? undefined : v.trim());
    const candidate = {
      type: fields.type,
      title: fields.title.trim(),
      authors: fields.authors
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .map(nameFromString),
      issued: optional(fields.issued),
      containerTitle: optional(fields.containerTitle),
      publisher: optional(fields.publisher),
      url: optional(fields.url),
      accessed: optional(fields.accessed),
    };
    const parsed = TextRecordSchema.safeParse(
      Object.fromEntries(Object.entries(candidate).filter(([, v]) => v !== undefined)),
    );
    if (!parsed.success) {
      const issue = issuesOf(parsed.error)[0]!;
      const field = issue.path.split('.')[0] || 'record';
      setError(`${FIELD_LABELS[field] ?? field}: ${issue.message}`);
      return;
    }
    const failed = await onSave(parsed.data);
    if (failed) setError(failed);
  };

  const field = (key: keyof typeof fields, label: string, hint?: string): ReactNode => (
    <label className="record-field">
      <span>{label}</span>
      <input value={fields[key]} onChange={(e) => set(key)(e.currentTarget.value)} />
      {hint && <small>{hint}</small>}
    </label>
  );

  return (
    <form className="record-editor" onSubmit={(e) => void submit(e)} aria-label="Edit record">
      <p className="record-source">
        Pre-filled from the file (title from its {entry.facts.titleFrom}); change what is wrong, add
        what is missing.
      </p>
      <label className="record-field">
        <span>Type</span>
        <select value={fields.type} onChange={(e) => set('type')(e.currentTarget.value)}>
          {RECORD_TYPES.map((t) => (
            <option key={t} value={t}>
              {TYPE_LABELS[t]}
            </option>
          ))}
        </select>
      </label>
      {field('title', 'Title')}
      <label className="record-field">
        <span>Authors</span>
        <textarea
          rows={2}
          value={fields.authors}
          onChange={(e) => set('authors')(e.currentTarget.value)}
        />
        <small>One per line, “Family, Given”.</small>
      </label>
      {field('issued', 'Date', 'YYYY, YYYY-MM or YYYY-MM-DD.')}
      {field('containerTitle', 'Journal, site or newspaper')}
      {field('publisher', 'Publisher')}
      {field('url', 'URL', 'http(s) only.')}
      {field('accessed', 'Accessed', 'The day you read it online, YYYY-MM-DD.')}
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

const FIELD_LABELS: Record<string, string> = {
  type: 'Type',
  title: 'Title',
  authors: 'Authors',
  issued: 'Date',
  containerTitle: 'Journal, site or newspaper',
  publisher: 'Publisher',
  url: 'URL',
  accessed: 'Accessed',
};
