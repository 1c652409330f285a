/**
 * One of the reader's own comparisons in the Annotations sidebar: its two
 * ends named in words ("Winstanley-Chesters (2015) ¶5 ↔ Lankov (2007) ¶7"),
 * the relation, the topic, the paraphrases and note the reader wrote, a
 * **Show in the text** button per end, and **Delete** (what the Compare
 * view allows for a comparison: it has no editor; a changed mind is a new
 * link).
 *
 * Renders user and imported text as React text only; the note through
 * `NoteView` (the safe tree of `parseNoteMarkdown`).
 */
import { memo, type ReactNode } from 'react';
import type { Annotation } from '../../annotations/model/annotation.ts';
import type { NoteBlock } from '../../annotations/model/note-markdown.ts';
import { passageInWords } from '../views/passage-in-words.ts';
import { LanguageText } from '../views/language-text.tsx';
import { NoteView } from './note-view.tsx';
import type { AnnotationUi } from './use-annotation-ui.ts';

/** Props of `ComparisonItem`. */
export interface ComparisonItemProps {
  readonly ui: AnnotationUi;
  /** A linking annotation (two targets, a `link`). */
  readonly annotation: Annotation;
  /** Its parsed note (cached by the list), or `null` for none. */
  readonly note: readonly NoteBlock[] | null;
  /** A source's label by its id ("Lankov (2007)"); the id when the source is not loaded. */
  readonly labelOf: (source: string) => string;
  /** Whether the reader may delete it (another group member's is theirs). */
  readonly mine: boolean;
  /** Deletes it (the list shows the undo). */
  readonly onDelete: (annotation: Annotation) => void;
}

/** Where the sidebar is a drawer over the panes (the `@media` rule in annotations.css). */
const DRAWER_QUERY = '(max-width: 899px)';

/** Opens one end in its pane, through the reader's hash; the narrow screens' drawer steps aside for it. */
function showEnd(ui: AnnotationUi, address: string): void {
  if (window.location.hash !== `#${address}`) window.location.hash = address;
  if (window.matchMedia(DRAWER_QUERY).matches) ui.setSidebarOpen(false);
}

function ComparisonItemImpl({
  ui,
  annotation,
  note,
  labelOf,
  mine,
  onDelete,
}: ComparisonItemProps): ReactNode {
  const ends = annotation.targets.map((t) => ({
    address: t.selectors.address,
    quote: t.selectors.quote.exact,
    name: passageInWords(t.selectors.address, labelOf(t.source)),
  }));
  const title = ends.map((e) => e.name).join(' ↔ ');
  const link = annotation.link;
  return (
    <li
      className="ann-item ann-comparison"
      data-annotation-id={annotation.id}
      tabIndex={-1}
      aria-label={`Your comparison: ${title}`}
    >
      <p className="ann-comparison-title">{title}</p>
      {link && (
        <p className="ann-meta">
          <span className="ann-relation">{link.relation}</span>
          <span aria-hidden="true">·</span>
          <span className="ann-topic">{link.topic}</span>
        </p>
      )}
      <ol className="ann-comparison-ends">
        {ends.map((e, i) => (
          <li key={i}>
            <button type="button" className="ann-quote" onClick={() => showEnd(ui, e.address)}>
              <span className="visually-hidden">Show in the text: {e.name}: </span>
              <LanguageText text={e.quote} />
            </button>
            {link?.paraphrases[i] && (
              <p className="ann-paraphrase">
                <span className="visually-hidden">In your words: </span>
                {link.paraphrases[i]}
              </p>
            )}
          </li>
        ))}
      </ol>
      {note && note.length > 0 && <NoteView blocks={note} />}
      {annotation.tags.length > 0 && (
        <ul className="ann-tags" aria-label="Tags">
          {annotation.tags.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      )}
      {mine && (
        <div className="ann-item-tools">
          <button type="button" onClick={() => onDelete(annotation)}>
            Delete
            <span className="visually-hidden"> your comparison {title}</span>
          </button>
        </div>
      )}
    </li>
  );
}

/** A comparison in the sidebar; memoized, since the list can be long. */
export const ComparisonItem = memo(ComparisonItemImpl);
