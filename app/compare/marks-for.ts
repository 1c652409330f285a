/**
 * What each compared-passage mark of one pane says: its accessible name
 * ("Compared: contradicts — Lankov 12"), its description and card text
 * (topic, the relation in words, the other text's claim), where it leads.
 *
 * What it is for: the pure words of the marks, from placed comparisons
 * (`place-comparisons.ts`). A module of its own, reached only through the
 * lazy compare engine (`compare-engine.ts`), so its words weigh nothing on
 * the initial JavaScript (bench/reader.ts): the marks exist only once that
 * engine has loaded anyway. What it is not for: drawing (`compare-marks.tsx`,
 * `mark-card.tsx`).
 */
import { parseAddress } from '../../sources/address.ts';
import type { Address, Edition, SourceId } from '../../sources/edition.ts';
import { sourceMetadata } from '../../sources/metadata.ts';
import type { AnnotationId, Relation } from '../../annotations/model/annotation.ts';
import { blockOf, type PlacedComparison, type PlacedSide } from './place-comparisons.ts';

/** A compared passage as shown in one pane. */
export interface CompareMark {
  /** The comparison's id. */
  readonly id: AnnotationId;
  /** How the claims relate. */
  readonly relation: Relation;
  /** Curated or the reader's own. */
  readonly curated: boolean;
  /** The side in this pane's source. */
  readonly here: PlacedSide;
  /** The counterpart in the other source: where activating the mark leads. */
  readonly there: PlacedSide;
  /** The mark's accessible name, e.g. "Compared: contradicts — Lankov 12". */
  readonly label: string;
  /** The counterpart named for people ("Lankov 12"): where the mark leads. */
  readonly thereName: string;
  /** The comparison's topic, e.g. "Korea on Moscow’s agenda". */
  readonly topic: string;
  /** The relation in words, from this passage's side: "Lankov contradicts this". */
  readonly says: string;
  /**
   * What the mark tells before the reader jumps (its accessible description, and its card's
   * text): topic, relation in words and the other side's claim.
   */
  readonly description: string;
}

/**
 * The relation in words, seen from a passage whose counterpart is by `other`. `qualifies` is
 * read as a pair (one side limits the other, and a curated note says which:
 * `annotations/comparisons/curated.ts`), so its words name no direction.
 */
export function relationInWords(relation: Relation, other: string): string {
  switch (relation) {
    case 'agrees':
      return `${other} agrees with this`;
    case 'contradicts':
      return `${other} contradicts this`;
    case 'qualifies':
      return `${other} qualifies this, or is qualified by it`;
    case 'complements':
      return `${other} complements this`;
  }
}

/**
 * The author's family name of a built-in source (for short labels); a reader's own text by its
 * title among `editions` (it has no curated author: its id, "rail-85d1fbd6d5", named the
 * passage in a mark's accessible name before); else its id.
 */
export function sourceShortName(source: SourceId, editions: readonly Edition[] = []): string {
  return (
    sourceMetadata(source)?.csl.author[0]?.family ??
    editions.find((e) => e.id === source)?.title ??
    source
  );
}

/** A passage named for people: "Lankov 12", "Lankov note 5", "Winstanley-Chesters heading 1". */
export function passageName(address: Address, editions: readonly Edition[] = []): string {
  const a = parseAddress(address);
  if (!a) return address;
  const who = sourceShortName(a.source, editions);
  switch (a.kind) {
    case 'paragraph':
    case 'sentence':
      return `${who} ${a.n}`;
    case 'range':
      return `${who} ${a.from}–${a.to}`;
    case 'footnote':
      return `${who} note ${a.n}`;
    case 'block':
      return `${who} ${a.role} ${a.k}`;
  }
}

/** The accessible name of a mark; `editions` name a reader's own text by its title. */
export function markLabel(
  relation: Relation,
  curated: boolean,
  there: Address,
  editions: readonly Edition[] = [],
): string {
  return `${curated ? 'Compared' : 'Your comparison'}: ${relation} — ${passageName(blockOf(there), editions)}`;
}

/**
 * The marks of one source, by the block that carries them, in the order of
 * their quotes. Comparisons within the same source on both sides (not made by
 * Link passages, but importable) mark nothing.
 */
export function marksFor(
  placed: readonly PlacedComparison[],
  source: SourceId,
  editions: readonly Edition[] = [],
): Map<Address, CompareMark[]> {
  const byBlock = new Map<Address, CompareMark[]>();
  for (const c of placed) {
    const [s0, s1] = c.sides;
    if (s0.source === s1.source) continue;
    const pair = s0.source === source ? [s0, s1] : s1.source === source ? [s1, s0] : null;
    if (!pair) continue;
    const [here, there] = pair as [PlacedSide, PlacedSide];
    const says = relationInWords(c.relation, sourceShortName(there.source, editions));
    const mark: CompareMark = {
      id: c.id,
      relation: c.relation,
      curated: c.curated,
      here,
      there,
      label: markLabel(c.relation, c.curated, there.address, editions),
      thereName: passageName(blockOf(there.address), editions),
      topic: c.topic,
      says,
      description: `${c.topic}. ${says}: ${there.claim}`,
    };
    const list = byBlock.get(here.block);
    if (list) list.push(mark);
    else byBlock.set(here.block, [mark]);
  }
  for (const list of byBlock.values())
    list.sort((x, y) => (x.here.start ?? 0) - (y.here.start ?? 0));
  return byBlock;
}
