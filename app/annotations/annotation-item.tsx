/**
 * One annotation in the sidebar: its quote (a button that scrolls the text
 * to it), address, note, tags and colour, with Edit and Delete. An unplaced
 * annotation shows why it could not be placed instead of scrolling.
 *
 * Renders user and imported text as React text only; the note through
 * `NoteView` (the safe tree of `parseNoteMarkdown`).
 */
import { memo, useEffect, useRef, type ReactNode } from 'react';
import type { Annotation } from '../../annotations/model/annotation.ts';
import type { NoteBlock } from '../../annotations/model/note-markdown.ts';
import { AnnotationSyncMeta } from '../sync-panel/annotation-sync-meta.tsx';
import type { AnnotationSyncFacts } from '../sync-panel/layer-filter.ts';
import type { SyncUi } from '../sync-panel/use-sync.ts';
import { AnnotationEditor } from './annotation-editor.tsx';
import { keptDraft } from './kept-drafts.ts';
import { NoteView } from './note-view.tsx';
import { colorName, DEFAULT_COLOR } from './palette.ts';
import type { AnnotationUi } from './use-annotation-ui.ts';
import { LanguageText } from '../views/language-text.tsx';
import { passageInWords } from '../views/passage-in-words.ts';

/** Props of `AnnotationItem`. */
export interface AnnotationItemProps {
  readonly ui: AnnotationUi;
  readonly annotation: Annotation;
  /** The parsed note (cached by the list), or `null` for none. */
  readonly note: readonly NoteBlock[] | null;
  /** The source's short label. */
  readonly sourceLabel: string;
  /** Why it could not be placed, for the unplaced section; absent when placed. */
  readonly unplacedReason?: string;
  /** This one is opened; `seq` changes each time it is opened again. */
  readonly opened: { readonly edit: boolean; readonly seq: number } | null;
  /** Deletes it (the list shows the undo). */
  readonly onDelete: (annotation: Annotation) => void;
  /** Opens the Cite panel on the annotation's passage and quote (app/citations/); keep its identity stable. */
  readonly onCite?: (from: string, to: string, quote: string) => void;
  /** Its layer, author and conflicts when the reader syncs (app/sync-panel/); absent without a server. */
  readonly sync?: { readonly ui: SyncUi; readonly facts: AnnotationSyncFacts };
}

/** Where the sidebar is a drawer over the panes (the `@media` rule in annotations.css). */
const DRAWER_QUERY = '(max-width: 899px)';

/**
 * Scrolls the text to an annotation. Below 900 px the sidebar is a drawer over the text: it steps
 * aside, or the passage is scrolled into view behind it (at 420 px it covered all but 34 px of
 * the text). The Annotations button opens it again as it was.
 */
function showInText(ui: AnnotationUi, id: string): void {
  ui.reveal(id);
  if (window.matchMedia(DRAWER_QUERY).matches) ui.setSidebarOpen(false);
}

function AnnotationItemImpl(props: AnnotationItemProps): ReactNode {
  const { ui, annotation, note, opened, unplacedReason, sync } = props;
  // Another member's group annotation: only its author may change it (the server enforces it too).
  const mine = sync?.facts.mine ?? true;
  const target = annotation.targets[0]!;
  const quote = target.selectors.quote.exact;
  // The place in words ("Lankov (2007) ¶13, sentence 1"): a student reads the card and hears its
  // buttons; the raw address (`lankov-2007:13.1`) stays in `data-address-ref` for code and tests.
  const place = passageInWords(target.selectors.address, props.sourceLabel);
  const color = annotation.color ?? DEFAULT_COLOR;
  const item = useRef<HTMLLIElement>(null);
  const seq = opened?.seq;
  const editing = opened?.edit === true;
  useEffect(() => {
    if (seq === undefined || !item.current) return;
    item.current.scrollIntoView({ block: 'nearest' });
    if (!editing) item.current.focus({ preventScroll: true });
  }, [seq, editing]);

  return (
    <li
      ref={item}
      className="ann-item"
      data-annotation-id={annotation.id}
      data-color={color}
      aria-current={opened ? 'true' : undefined}
      data-address-ref={target.selectors.address}
      tabIndex={-1}
      aria-label={`Annotation on ${place}`}
    >
      {unplacedReason === undefined ? (
        <button type="button" className="ann-quote" onClick={() => showInText(ui, annotation.id)}>
          <span className="visually-hidden">Show in the text: </span>
          <LanguageText text={quote} />
        </button>
      ) : (
        <>
          <p className="ann-quote ann-quote--unplaced">
            <LanguageText text={quote} />
          </p>
          <p className="ann-reason">{unplacedReason}</p>
        </>
      )}
      <p className="ann-meta">
        <span className="ann-color-dot" aria-hidden="true" />
        <span className="visually-hidden">{colorName(color)} highlight, </span>
        <span className="ann-address">{place}</span>
      </p>
      {sync && <AnnotationSyncMeta sync={sync.ui} annotation={annotation} facts={sync.facts} />}
      {editing && mine ? (
        <AnnotationEditor ui={ui} annotation={annotation} />
      ) : (
        <>
          {note && note.length > 0 && <NoteView blocks={note} />}
          {mine && keptDraft(annotation.id) !== undefined && (
            <p className="ann-draft">Unsaved changes kept: choose Edit to finish them.</p>
          )}
          {annotation.tags.length > 0 && (
            <ul className="ann-tags" aria-label="Tags">
              {annotation.tags.map((t) => (
                <li key={t}>{t}</li>
              ))}
            </ul>
          )}
          <div className="ann-item-tools">
            {mine && (
              <>
                <button type="button" onClick={() => ui.open(annotation.id, true)}>
                  Edit
                  <span className="visually-hidden"> annotation on {place}</span>
                </button>
                <button type="button" onClick={() => props.onDelete(annotation)}>
                  Delete
                  <span className="visually-hidden"> annotation on {place}</span>
                </button>
              </>
            )}
            {props.onCite && (
              <button
                type="button"
                aria-haspopup="dialog"
                data-cite-intent=""
                onClick={() =>
                  props.onCite?.(target.selectors.address, target.selectors.address, quote)
                }
              >
                Cite
                <span className="visually-hidden"> annotation on {place}</span>
              </button>
            )}
          </div>
        </>
      )}
    </li>
  );
}

/** An annotation in the sidebar; memoized, since the list can be long. */
export const AnnotationItem = memo(AnnotationItemImpl);
