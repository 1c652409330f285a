/**
 * The Compare view's data: linking annotations (curated and the reader's own)
 * turned into table rows, one per comparison, grouped by topic, and filtered
 * by relation and topic.
 *
 * What it is for: pure decisions the view should not make — which target
 * goes in which column, which paragraph address a row cites, the order of
 * groups and rows, what a filter keeps. What it is not for: rendering (the
 * React Compare view), anchoring (a row shows the stored quote; the panes
 * place it with `annotations/anchoring/`), or export formats
 * (`export-table.ts`).
 *
 * Columns follow the panes: the first edition passed in is the left column
 * (Winstanley-Chesters by default), the second the right. A linking
 * annotation whose two targets are not one in each of those editions is not a
 * comparison between them and is left out (and counted in `skipped`, so the
 * view can say so rather than drop it silently).
 */
import { containingPassage } from '../../sources/address.ts';
import type { Address, Edition, SourceId } from '../../sources/edition.ts';
import type { Annotation, AnnotationId, Relation } from '../model/annotation.ts';
import type { Target } from '../model/selectors.ts';

/** One side of a comparison row: a claim in one text. */
export interface ComparisonSide {
  /** The source the claim is in. */
  readonly source: SourceId;
  /** The address a reader cites: the paragraph (or range, footnote, block) holding the quote, never a sentence. */
  readonly address: Address;
  /** The stored address exactly as the annotation carries it (may be a sentence address); the pane link scrolls to it. */
  readonly passage: Address;
  /** The quoted claim, as stored in the TextQuoteSelector. */
  readonly quote: string;
  /** The one-sentence paraphrase of this side, or `null` when none was written. */
  readonly paraphrase: string | null;
  /** Offset of the quote in `Edition.text` (from the TextPositionSelector); orders rows. */
  readonly start: number;
}

/** One comparison: a row of the Compare table. */
export interface ComparisonRow {
  /** The linking annotation's id (for pane linking and editing). */
  readonly id: AnnotationId;
  /** The topic label. */
  readonly topic: string;
  /** How the two claims relate. */
  readonly relation: Relation;
  /** True for a comparison shipped with Diptych, false for the reader's own. */
  readonly curated: boolean;
  /** The note on context, if any. */
  readonly note?: string;
  /** The claim in the left pane's edition. */
  readonly left: ComparisonSide;
  /** The claim in the right pane's edition. */
  readonly right: ComparisonSide;
}

/** The rows that share a topic. */
export interface TopicGroup {
  /** The topic label (exactly as stored; groups are by exact label after trimming). */
  readonly topic: string;
  /** The group's rows, in the order of their left quotes in the left text. */
  readonly rows: readonly ComparisonRow[];
}

/** What `comparisonRows` produces. */
export interface ComparisonTable {
  /** The left column's source. */
  readonly left: SourceId;
  /** The right column's source. */
  readonly right: SourceId;
  /** Topic groups, in the order their first row appears in the left text. */
  readonly groups: readonly TopicGroup[];
  /** Ids of linking annotations that do not compare these two editions (left out of `groups`). */
  readonly skipped: readonly AnnotationId[];
}

/** The address a comparison side is cited by: a sentence's paragraph or note (`containingPassage`). */
export const citedAddress: (address: Address) => Address = containingPassage;

function side(target: Target, paraphrase: string | null): ComparisonSide {
  return {
    source: target.source,
    address: citedAddress(target.selectors.address),
    passage: target.selectors.address,
    quote: target.selectors.quote.exact,
    paraphrase,
    start: target.selectors.position.start,
  };
}

/**
 * Builds the Compare table from all annotations (non-linking ones are
 * ignored) for a pair of editions: `editions[0]` is the left column,
 * `editions[1]` the right. Pure and deterministic: ties in text order are
 * broken by the right quote's position, then by id.
 */
export function comparisonRows(
  annotations: readonly Annotation[],
  editions: readonly [Pick<Edition, 'id'>, Pick<Edition, 'id'>] | readonly Pick<Edition, 'id'>[],
): ComparisonTable {
  const [leftEdition, rightEdition] = editions;
  if (!leftEdition || !rightEdition || leftEdition.id === rightEdition.id) {
    throw new Error('comparisonRows needs two different editions (left pane, right pane)');
  }
  const rows: ComparisonRow[] = [];
  const skipped: AnnotationId[] = [];
  for (const a of annotations) {
    if (a.motivation !== 'linking' || !a.link) continue;
    const [t0, t1] = a.targets;
    if (!t0 || !t1) {
      skipped.push(a.id);
      continue;
    }
    let pair: [ComparisonSide, ComparisonSide] | null = null;
    if (t0.source === leftEdition.id && t1.source === rightEdition.id) {
      pair = [side(t0, a.link.paraphrases[0]), side(t1, a.link.paraphrases[1])];
    } else if (t0.source === rightEdition.id && t1.source === leftEdition.id) {
      pair = [side(t1, a.link.paraphrases[1]), side(t0, a.link.paraphrases[0])];
    }
    if (!pair) {
      skipped.push(a.id);
      continue;
    }
    rows.push({
      id: a.id,
      topic: a.link.topic.trim(),
      relation: a.link.relation,
      curated: a.link.curated,
      ...(a.link.note !== undefined ? { note: a.link.note } : {}),
      left: pair[0],
      right: pair[1],
    });
  }
  rows.sort(
    (x, y) =>
      x.left.start - y.left.start ||
      x.right.start - y.right.start ||
      (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
  );
  const byTopic = new Map<string, ComparisonRow[]>();
  for (const row of rows) {
    const group = byTopic.get(row.topic);
    if (group) group.push(row);
    else byTopic.set(row.topic, [row]);
  }
  const groups = [...byTopic].map(([topic, groupRows]) => ({ topic, rows: groupRows }));
  return { left: leftEdition.id, right: rightEdition.id, groups, skipped };
}

/** What the Compare view's filter asks for; an absent or empty field keeps everything. */
export interface ComparisonFilter {
  /** Keep rows with one of these relations. */
  readonly relations?: readonly Relation[];
  /** Keep rows with exactly this topic (as listed by `comparisonTopics`). */
  readonly topic?: string;
  /** Keep only curated rows (`true`) or only the reader's own (`false`). */
  readonly curated?: boolean;
  /** Keep only rows this says to keep (the reader's layer and author filter, app/sync-panel/). */
  readonly keep?: (row: ComparisonRow) => boolean;
}

/**
 * Applies a filter to a table. Groups left empty are dropped; the order of
 * groups and rows is kept. Pure.
 */
export function filterComparisons(
  table: ComparisonTable,
  filter: ComparisonFilter,
): ComparisonTable {
  const relations =
    filter.relations && filter.relations.length > 0 ? new Set(filter.relations) : null;
  const topic = filter.topic?.trim() || null;
  const keep = (row: ComparisonRow): boolean =>
    (relations === null || relations.has(row.relation)) &&
    (topic === null || row.topic === topic) &&
    (filter.curated === undefined || row.curated === filter.curated) &&
    (filter.keep === undefined || filter.keep(row));
  const groups = table.groups
    .map((g) => ({ topic: g.topic, rows: g.rows.filter(keep) }))
    .filter((g) => g.rows.length > 0);
  return { ...table, groups };
}

/** The topics of a table, in table order (for the topic filter's menu). */
export function comparisonTopics(table: ComparisonTable): string[] {
  return table.groups.map((g) => g.topic);
}

/** All rows of a table, in table order. */
export function tableRows(table: ComparisonTable): ComparisonRow[] {
  return table.groups.flatMap((g) => g.rows);
}

/** Two passages a comparison links, for pane linking and scroll sync. */
export interface ComparisonLink {
  /** The linking annotation's id. */
  readonly id: AnnotationId;
  /** The first target's stored address (may be a sentence address). */
  readonly a: Address;
  /** The second target's stored address. */
  readonly b: Address;
  /** How the two claims relate (shown on the marks). */
  readonly relation: Relation;
  /** Curated or the reader's own (marked differently). */
  readonly curated: boolean;
}

/**
 * The address pairs of every linking annotation, in the given order: what
 * the panes need to mark compared passages and to scroll one pane to the
 * counterpart of the other.
 */
export function comparisonLinks(annotations: readonly Annotation[]): ComparisonLink[] {
  const links: ComparisonLink[] = [];
  for (const a of annotations) {
    const [t0, t1] = a.targets;
    if (a.motivation !== 'linking' || !a.link || !t0 || !t1) continue;
    links.push({
      id: a.id,
      a: t0.selectors.address,
      b: t1.selectors.address,
      relation: a.link.relation,
      curated: a.link.curated,
    });
  }
  return links;
}
