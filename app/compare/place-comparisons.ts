/**
 * Where each comparison sits in each pane, and what its marks say.
 *
 * What it is for: the pure decisions behind the compared-passage marks —
 * which block carries a mark, where activating it leads, and the address
 * pairs pane sync follows (what a mark says is `marks-for.ts`, in the lazy
 * compare engine). Anchoring itself is passed in (`compare-engine.ts`
 * passes the cascade from `annotations/anchoring/`), so this module is
 * tested in Node without loading the curated file.
 *
 * What it is not for: drawing (the marks are React buttons in
 * `compare-marks.tsx`, the underline a CSS highlight in
 * `use-compare-highlights.ts`) or the Compare table
 * (`annotations/comparisons/comparison-rows.ts`).
 */
import { startPassage } from '../../sources/address.ts';
import type { Address, Edition, SourceId } from '../../sources/edition.ts';
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
  /** What this side claims, for the mark's card: its paraphrase, else (a reader's own link) its quote in quotation marks. */
  readonly claim: string;
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
    const { paraphrases } = a.link;
    const side = (t: typeof t0, i: 0 | 1): PlacedSide => {
      const placed = place(t.source, t.selectors);
      const stored = t.selectors.address;
      const block = placed ? passageAt(placed.edition, placed.start) : null;
      const claim = paraphrases[i] ?? `“${t.selectors.quote?.exact ?? ''}”`;
      return placed && block
        ? { source: t.source, address: stored, block, claim, start: placed.start, end: placed.end }
        : { source: t.source, address: stored, block: blockOf(stored), claim };
    };
    out.push({
      id: a.id,
      relation: a.link.relation,
      curated: a.link.curated,
      topic: a.link.topic,
      sides: [side(t0, 0), side(t1, 1)],
    });
  }
  return out;
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
