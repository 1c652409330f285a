/**
 * Where each comparison sits in each pane, and what its marks say.
 *
 * What it is for: the pure decisions behind the compared-passage marks —
 * which block carries a mark, what its accessible name says ("Compared:
 * contradicts — Lankov 12"), where activating it leads, and the address
 * pairs pane sync follows. Anchoring itself is passed in (`compare-engine.ts`
 * passes the cascade from `annotations/anchoring/`), so this module is
 * tested in Node without loading the curated file.
 *
 * What it is not for: drawing (the marks are React buttons in
 * `compare-marks.tsx`, the underline a CSS highlight in
 * `use-compare-highlights.ts`) or the Compare table
 * (`annotations/comparisons/comparison-rows.ts`).
 */
import { parseAddress, startPassage } from '../../sources/address.ts';
import type { Address, Edition, SourceId } from '../../sources/edition.ts';
import { sourceMetadata } from '../../sources/metadata.ts';
import type { AnchorSelectors } from '../../annotations/anchoring/types.ts';
import type { Annotation, AnnotationId, Relation } from '../../annotations/model/annotation.ts';
import type { SyncLink } from '../sync/sync-targets.ts';

/** One target of a comparison, placed (or not) in its edition. */
export interface PlacedSide {
  /** The source the target is in. */
  readonly source: SourceId;
  /** The address the annotation stores (may be a sentence address). */
  readonly address: Address;
  /** The rendered passage (block or footnote) that carries the mark: where the quote starts, else the stored address's paragraph. */
  readonly block: Address;
  /** Offsets of the anchored quote in `Edition.text`; absent when the quote could not be found. */
  readonly start?: number;
  /** End offset (exclusive). */
  readonly end?: number;
}

/** A comparison with both sides placed. */
export interface PlacedComparison {
  /** The linking annotation's id. */
  readonly id: AnnotationId;
  /** How the two claims relate. */
  readonly relation: Relation;
  /** Shipped with Diptych (true) or the reader's own (false). */
  readonly curated: boolean;
  /** The topic label. */
  readonly topic: string;
  /** The two targets, in the annotation's order. */
  readonly sides: readonly [PlacedSide, PlacedSide];
}

/** Where anchoring put a quote, or null. */
export type Placer = (
  source: SourceId,
  selectors: AnchorSelectors,
) => { readonly edition: Edition; readonly start: number; readonly end: number } | null;

/** The block or footnote of `edition` holding offset `at`, if any. */
export function passageAt(edition: Edition, at: number): Address | null {
  for (const p of [...edition.blocks, ...edition.footnotes]) {
    if (p.start <= at && at < p.end) return p.address;
  }
  return null;
}

/** The block or footnote an address starts in (a range's first paragraph): where its margin mark goes. */
export const blockOf: (address: Address) => Address = startPassage;

/**
 * Places both targets of every linking annotation (others are skipped).
 * Never drops a comparison: a quote that anchors nowhere keeps a mark on its
 * stored paragraph, without an underline.
 */
export function placeComparisons(
  annotations: readonly Annotation[],
  place: Placer,
): PlacedComparison[] {
  const out: PlacedComparison[] = [];
  for (const a of annotations) {
    const [t0, t1] = a.targets;
    if (a.motivation !== 'linking' || !a.link || !t0 || !t1) continue;
    const side = (t: typeof t0): PlacedSide => {
      const placed = place(t.source, t.selectors);
      const stored = t.selectors.address;
      const block = placed ? passageAt(placed.edition, placed.start) : null;
      return placed && block
        ? { source: t.source, address: stored, block, start: placed.start, end: placed.end }
        : { source: t.source, address: stored, block: blockOf(stored) };
    };
    out.push({
      id: a.id,
      relation: a.link.relation,
      curated: a.link.curated,
      topic: a.link.topic,
      sides: [side(t0), side(t1)],
    });
  }
  return out;
}

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
    const mark: CompareMark = {
      id: c.id,
      relation: c.relation,
      curated: c.curated,
      here,
      there,
      label: markLabel(c.relation, c.curated, there.address, editions),
    };
    const list = byBlock.get(here.block);
    if (list) list.push(mark);
    else byBlock.set(here.block, [mark]);
  }
  for (const list of byBlock.values())
    list.sort((x, y) => (x.here.start ?? 0) - (y.here.start ?? 0));
  return byBlock;
}

/**
 * The address pairs pane sync follows. First the blocks carrying each
 * comparison's two marks; then, for every numbered paragraph of either
 * source without a comparison, a link to the counterpart of the nearest
 * linked paragraph in the same source (nearest by paragraph order; ties go
 * to the one before, which the reader has just read). `syncTarget` takes the
 * first link that matches, so real links always win over these.
 *
 * Why here and not in `app/sync/sync-targets.ts`: its fallback (proportional
 * position) is right when nothing is linked; once comparisons exist, the
 * nearest linked passage keeps the panes on the same claims.
 */
export function syncLinksOf(
  placed: readonly PlacedComparison[],
  editions: readonly Edition[],
): SyncLink[] {
  const across = placed.filter((c) => c.sides[0].source !== c.sides[1].source);
  const real: SyncLink[] = across.map((c) => ({ a: c.sides[0].block, b: c.sides[1].block }));
  // Only a source some comparison touches gets fallback links: a text without any (a reader's
  // 100,000-paragraph file) is not even scanned.
  const compared = new Set<SourceId>(across.flatMap((c) => [c.sides[0].source, c.sides[1].source]));
  const near: SyncLink[] = [];
  for (const edition of editions) {
    if (!compared.has(edition.id)) continue;
    const paragraphs = edition.blocks.filter((b) => b.n !== undefined).map((b) => b.address);
    const isParagraph = new Set(paragraphs);
    const partner = new Map<Address, Address>();
    for (const link of real) {
      if (isParagraph.has(link.a) && !partner.has(link.a)) partner.set(link.a, link.b);
      if (isParagraph.has(link.b) && !partner.has(link.b)) partner.set(link.b, link.a);
    }
    const linked = paragraphs
      .map((p, i) => [i, partner.get(p)] as const)
      .filter(([, b]) => b !== undefined);
    if (linked.length === 0) continue;
    paragraphs.forEach((p, i) => {
      if (partner.has(p)) return;
      let best = linked[0]!;
      for (const l of linked) if (Math.abs(l[0] - i) < Math.abs(best[0] - i)) best = l;
      near.push({ a: p, b: best[1]! });
    });
  }
  return [...real, ...near];
}
