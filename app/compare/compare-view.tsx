/**
 * The Compare view: a modal dialog with every comparison (curated and the
 * reader's own) as a table grouped by topic (below 700 px wide, each row a
 * stacked card: left claim, relation, right claim, note; compare.css) — the left pane's claim, the
 * relation, the right pane's claim, the note — each claim with its quote,
 * paraphrase and a link to the passage, named by its place ("¶25": the column
 * names the text); filters by relation, topic and
 * whose and, when the reader syncs, by layer and author (the sidebar's
 * filter, app/sync-panel/layer-filter.ts), each of the reader's own rows
 * saying its layer and, in a group, who made it; downloads of the
 * (filtered) table as Markdown and CSV.
 *
 * The rows, filters and export formats come from
 * `annotations/comparisons/` through the lazily loaded engine; this view only
 * renders them. Security: quotes, paraphrases, topics and notes (the
 * reader's own among them) are rendered as React text, never as HTML; links
 * are built from addresses only.
 */
import { useId, useMemo, useState, type ReactNode } from 'react';
import type { Edition } from '../../sources/edition.ts';
import type { Annotation, AnnotationId, Relation } from '../../annotations/model/annotation.ts';
import type { SyncSnapshot } from '../../annotations/replica/sync-engine.ts';
import type {
  ComparisonRow,
  ComparisonSide,
} from '../../annotations/comparisons/comparison-rows.ts';
import { downloadFile } from '../views/download-file.ts';
import { useModalDialog } from '../views/use-modal-dialog.ts';
import { sourceLabel } from '../views/pane.tsx';
import {
  ALL_LAYERS,
  isOpenLayerFilter,
  passesLayerFilter,
  syncMetaOf,
  type AnnotationSyncFacts,
  type LayerFilter,
} from '../sync-panel/layer-filter.ts';
import { LayerFilterControls } from '../sync-panel/layer-filter-controls.tsx';
import { NOT_SYNCED, syncLine } from '../sync-panel/sync-line.ts';
import { RELATION_GLYPH } from './relation-glyph.ts';
import type { CompareEngine } from './load-compare.ts';
import { LanguageText } from '../views/language-text.tsx';
import { passageInWords } from '../views/passage-in-words.ts';

/** The relations, in the order the filter lists them. */
export const RELATION_OPTIONS: readonly Relation[] = [
  'agrees',
  'contradicts',
  'qualifies',
  'complements',
];

/** Props of `CompareView`. */
export interface CompareViewProps {
  readonly open: boolean;
  readonly onClose: () => void;
  /** The loaded engine, or null while it loads. */
  readonly engine: CompareEngine | null;
  /** Why the comparisons could not be loaded, if they could not. */
  readonly error: string | null;
  /** Every linking annotation (curated and the reader's own). */
  readonly annotations: readonly Annotation[];
  /** The editions of the left and right columns (the panes' order). */
  readonly columns: readonly [Edition, Edition];
  /** Deletes one of the reader's own comparisons (curated ones cannot be deleted). */
  readonly onDelete: (id: AnnotationId) => void;
  /** The sync replica's state when the reader uses a server (layers, authors), else `null`. */
  readonly sync?: SyncSnapshot | null;
}

type Whose = 'all' | 'curated' | 'own';

function Side({
  side,
  source,
  onFollow,
}: {
  readonly side: ComparisonSide;
  /** Its text's label, the column heading ("Lankov (2007)"): the link's text names only the place. */
  readonly source: string;
  readonly onFollow: () => void;
}): ReactNode {
  return (
    <>
      <blockquote className="compare-quote">
        “<LanguageText text={side.quote} />”
      </blockquote>
      {side.paraphrase !== null && <p className="compare-paraphrase">{side.paraphrase}</p>}
      <a className="compare-link" href={`#${side.passage}`} onClick={onFollow}>
        {passageInWords(side.address, '').trim()}
        <span className="visually-hidden"> in {source}</span>
      </a>
    </>
  );
}

interface RowProps {
  readonly row: ComparisonRow;
  /** The column headings, repeated in each cell for the narrow layout's cards (`data-label`). */
  readonly headings: readonly [string, string];
  readonly onFollow: () => void;
  readonly onDelete: (id: AnnotationId) => void;
  /** Its layer and author when the reader syncs (readers' rows only). */
  readonly facts: AnnotationSyncFacts | null;
}

function Row({ row, headings, onFollow, onDelete, facts }: RowProps): ReactNode {
  // Another member's comparison in a group: only its author may delete it (the server enforces it too).
  const mine = facts?.mine ?? true;
  return (
    <tr
      className={row.curated ? 'compare-row' : 'compare-row compare-row--own'}
      data-relation={row.relation}
    >
      <td data-label={headings[0]}>
        <Side side={row.left} source={headings[0]} onFollow={onFollow} />
      </td>
      <td className="compare-relation" data-label="Relation">
        <span className={`relation relation--${row.relation}`}>
          <span aria-hidden="true">{RELATION_GLYPH[row.relation]} </span>
          {row.relation}
        </span>
        {!row.curated && (
          <>
            <span className="own-badge">
              {mine ? 'Your comparison' : `Comparison by ${facts?.author ?? 'another member'}`}
            </span>
            {facts && (
              <span className="own-layer">
                {syncLine(facts)}
                {facts.unsent && facts.layer && <span className="ann-unsent"> · {NOT_SYNCED}</span>}
              </span>
            )}
            {mine && (
              <button type="button" className="own-delete" onClick={() => onDelete(row.id)}>
                Delete
                <span className="visually-hidden">
                  {' '}
                  your comparison of {passageInWords(row.left.address, headings[0])} and{' '}
                  {passageInWords(row.right.address, headings[1])}
                </span>
              </button>
            )}
          </>
        )}
      </td>
      <td data-label={headings[1]}>
        <Side side={row.right} source={headings[1]} onFollow={onFollow} />
      </td>
      <td className="compare-note" data-label="Note">
        {row.note ?? ''}
      </td>
    </tr>
  );
}

/** The Compare dialog. */
export function CompareView({
  open,
  onClose,
  engine,
  error,
  annotations,
  columns,
  onDelete,
  sync = null,
}: CompareViewProps): ReactNode {
  const dialog = useModalDialog(open);
  const titleId = useId();
  const [relation, setRelation] = useState<Relation | ''>('');
  const [topic, setTopic] = useState('');
  const [whose, setWhose] = useState<Whose>('all');
  const [layers, setLayers] = useState<LayerFilter>(ALL_LAYERS);

  const [left, right] = columns;
  const table = useMemo(
    () => (engine && open ? engine.comparisonRows(annotations, [left, right]) : null),
    [engine, open, annotations, left, right],
  );
  const topics = useMemo(
    () => (engine && table ? engine.comparisonTopics(table) : []),
    [engine, table],
  );
  const shown = useMemo(() => {
    if (!engine || !table) return null;
    return engine.filterComparisons(table, {
      ...(relation ? { relations: [relation] } : {}),
      ...(topic ? { topic } : {}),
      ...(whose === 'all' ? {} : { curated: whose === 'curated' }),
      // Curated comparisons are in no layer and by no reader: a layer or author filter leaves them out.
      // "Your own" is the reader's own: in a group it had kept every member's comparison too, each
      // labelled "Comparison by ben" (others' are under All comparisons and the author menu).
      ...(isOpenLayerFilter(layers) && whose !== 'own'
        ? {}
        : {
            keep: (row: ComparisonRow) =>
              (isOpenLayerFilter(layers) ||
                (!row.curated && passesLayerFilter(layers, sync, row.id))) &&
              (whose !== 'own' || syncMetaOf(sync, row.id)?.mine !== false),
          }),
    });
  }, [engine, table, relation, topic, whose, layers, sync]);
  const total = table ? engine!.tableRows(table).length : 0;
  const count = shown ? engine!.tableRows(shown).length : 0;
  const labels = { [left.id]: sourceLabel(left), [right.id]: sourceLabel(right) };

  const exportAs = (kind: 'markdown' | 'csv'): void => {
    if (!engine || !shown) return;
    if (kind === 'markdown') {
      downloadFile({
        name: 'diptych-comparisons.md',
        mime: 'text/markdown',
        text: engine.comparisonsToMarkdown(shown, { labels }),
      });
    } else {
      downloadFile({
        name: 'diptych-comparisons.csv',
        mime: 'text/csv',
        text: engine.comparisonsToCsv(shown),
      });
    }
  };
  const follow = (): void => onClose();

  return (
    <dialog {...dialog} className="compare-view" aria-labelledby={titleId} onClose={onClose}>
      <div className="compare-head">
        <h2 id={titleId}>Compare</h2>
        <form method="dialog">
          <button type="submit">Close</button>
        </form>
      </div>
      {error && <p role="alert">{error}</p>}
      {!engine && !error && <p>Loading the comparisons…</p>}
      {shown && (
        <>
          <div
            className="compare-filters"
            role="group"
            aria-label="Filter and export the comparisons"
          >
            <label htmlFor={`${titleId}-relation`}>Relation</label>
            <select
              id={`${titleId}-relation`}
              value={relation}
              onChange={(e) => setRelation(e.currentTarget.value as Relation | '')}
            >
              <option value="">All relations</option>
              {RELATION_OPTIONS.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
            <label htmlFor={`${titleId}-topic`}>Topic</label>
            <select
              id={`${titleId}-topic`}
              value={topic}
              onChange={(e) => setTopic(e.currentTarget.value)}
            >
              <option value="">All topics</option>
              {topics.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
            <label htmlFor={`${titleId}-whose`}>Whose</label>
            <select
              id={`${titleId}-whose`}
              value={whose}
              onChange={(e) => setWhose(e.currentTarget.value as Whose)}
            >
              <option value="all">All comparisons</option>
              <option value="curated">Curated</option>
              <option value="own">Your own</option>
            </select>
            <LayerFilterControls
              snapshot={sync}
              filter={layers}
              onChange={setLayers}
              visibleLabels
            />
            <button type="button" onClick={() => exportAs('markdown')}>
              Export Markdown
            </button>
            <button type="button" onClick={() => exportAs('csv')}>
              Export CSV
            </button>
          </div>
          <p className="compare-count" role="status">
            Showing {count} of {total} comparisons
            {table && table.skipped.length > 0
              ? ` (${table.skipped.length} linking other texts not shown)`
              : ''}
          </p>
          {shown.groups.map((g) => (
            <section key={g.topic} className="compare-group">
              <h3>{g.topic}</h3>
              <table className="compare-table stacked-table">
                <thead>
                  <tr>
                    <th scope="col">{sourceLabel(left)}</th>
                    <th scope="col">Relation</th>
                    <th scope="col">{sourceLabel(right)}</th>
                    <th scope="col">Note</th>
                  </tr>
                </thead>
                <tbody>
                  {g.rows.map((row) => (
                    <Row
                      key={row.id}
                      row={row}
                      headings={[sourceLabel(left), sourceLabel(right)]}
                      onFollow={follow}
                      onDelete={onDelete}
                      facts={row.curated ? null : syncMetaOf(sync, row.id)}
                    />
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </>
      )}
    </dialog>
  );
}
