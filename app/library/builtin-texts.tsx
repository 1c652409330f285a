/**
 * The Library's list of the texts that come with Diptych (Lankov 2007,
 * Winstanley-Chesters 2015): the same columns as the reader's own texts,
 * marked as built in, with the short citation the panes use, and **Open
 * left** / **Open right**. They cannot be renamed, replaced or deleted, so
 * those actions are not offered; their record is edited from the
 * Bibliography or the Cite panel (it lays the reader's changes over the
 * shipped record).
 *
 * Without this list, a reader whose two panes showed texts of their own had
 * no way back to a built-in text but the pane's menu.
 *
 * Renders the editions' titles and the shipped metadata as React text only.
 */
import { useId, type ReactNode } from 'react';
import type { Edition } from '../../sources/edition.ts';
import { sourceMetadata, type SourceMetadata } from '../../sources/metadata.ts';
import type { PaneIndex } from '../state/reader-state.ts';
import { sourceLabel } from '../views/pane.tsx';
import { authorLabel } from './author-label.ts';
import { LibraryListHead } from './library-list-head.tsx';
import { PaneButtons } from './pane-buttons.tsx';
import { sizeLabel } from './size-label.ts';

/** Props of `BuiltinTexts`. */
export interface BuiltinTextsProps {
  /** The built-in editions. */
  readonly builtins: readonly Edition[];
  /** Annotations per source id. */
  readonly annotationCounts: ReadonlyMap<string, number>;
  /** The texts the left and the right pane show now. */
  readonly panes: readonly [string, string];
  /** Shows a text: in `pane`, or the active pane when it is not given. */
  readonly onOpen: (id: string, pane?: PaneIndex) => void;
}

/** The year (or date) issued; an inferred one says so, as the citations do. */
function dateLabel(meta: SourceMetadata | undefined): string {
  const issued = meta?.csl.issued;
  const parts = issued?.['date-parts'][0];
  if (!parts?.length) return '—';
  const inferred = issued?.circa || meta?.inferred.some((v) => v.field === 'issued');
  return `${parts.join('-')}${inferred ? ' (inferred)' : ''}`;
}

/** The section. */
export function BuiltinTexts({
  builtins,
  annotationCounts,
  panes,
  onOpen,
}: BuiltinTextsProps): ReactNode {
  const heading = useId();
  return (
    <section className="library-builtin" aria-labelledby={heading}>
      <h3 id={heading}>Built-in texts</h3>
      <table className="library-list">
        <LibraryListHead />
        <tbody>
          {builtins.map((edition) => {
            const meta = sourceMetadata(edition.id);
            return (
              <tr key={edition.id} data-builtin={edition.id}>
                <td className="library-title">
                  <button type="button" className="library-open" onClick={() => onOpen(edition.id)}>
                    {edition.title}
                  </button>
                  <small>{sourceLabel(edition)} · built in, cannot be deleted</small>
                </td>
                <td data-label="Author">{authorLabel(meta?.csl.author ?? [])}</td>
                <td data-label="Date">{dateLabel(meta)}</td>
                <td data-label="Size">{sizeLabel(edition.text.length)}</td>
                <td data-label="Annotations">{annotationCounts.get(edition.id) ?? 0}</td>
                <td className="library-actions">
                  <PaneButtons id={edition.id} panes={panes} onOpen={onOpen} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
