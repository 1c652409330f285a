/**
 * The bridge between text offsets and the DOM: converts offsets into
 * `Edition.text` to a DOM `Range` and back. The only module in
 * `annotations/` that touches the DOM; everything else anchors against the
 * edition's plain text, so it can be tested in Node.
 *
 * What it is for: highlighting an anchored annotation (`rangeFromOffsets`)
 * and describing a reader's selection (`offsetsFromRange`, then
 * `describe`). What it is not for: matching or scoring (`anchor.ts`), or
 * drawing highlights (the app wraps or paints the returned range).
 *
 * The DOM contract (the app's reader view must keep it):
 * - Every rendered block and footnote is one element under `root` carrying
 *   `data-address="<its address>"` (`Block.address`, `Footnote.address`).
 *   Blocks the app hides (chrome) may simply be absent: offsets inside them
 *   move to the nearest rendered passage.
 * - The text nodes inside that element, in document order, spell exactly the
 *   passage's `text` — except inside elements marked `data-anchor-ignore`
 *   (footnote-marker `<sup>`s, paragraph numbers, buttons), whose text is not
 *   part of `Block.text` and is skipped. Markup around text (`<em>`, `<a>`,
 *   language spans) is fine; whitespace must not be added between inlines.
 * - Block and footnote elements are not nested in each other. Inside one,
 *   elements for its sentences may carry their own `data-address`
 *   (`lankov-2007:12.3`, as `app/views/sentence-text.tsx` renders them);
 *   their text is part of the passage like any other inline's.
 * - Offsets between passages (the `"\n\n"` separators of `Edition.text`)
 *   have no DOM position: a start there moves to the next passage, an end to
 *   the previous one.
 * If an element's text is shorter than its passage (the contract is broken),
 * offsets are clamped to its end rather than throwing.
 *
 * Compare `TextPosition`/`TextRange` in Hypothesis's
 * `src/annotator/anchoring/text-range.ts`, which count characters over all
 * text nodes under a root; we count per passage element, so the offsets line
 * up with `Block.start` however the app lays passages out.
 */
import type { Edition } from '../../sources/edition.ts';

/** The attribute naming a rendered passage's address. */
export const ADDRESS_ATTRIBUTE = 'data-address';
/** The attribute marking content that is not part of the passage text (footnote markers, numbers). */
export const IGNORE_ATTRIBUTE = 'data-anchor-ignore';

/** Text offsets of a selection in `Edition.text`. */
export interface TextOffsets {
  /** Offset of the first selected character. */
  readonly start: number;
  /** Offset just after the last selected character. */
  readonly end: number;
}

/** A passage of the edition rendered under a root: its span in `Edition.text` and its element. */
export interface RenderedPassage {
  /** `Block.start` or `Footnote.start`. */
  readonly start: number;
  /** `Block.end` or `Footnote.end`. */
  readonly end: number;
  /** The element carrying its `data-address`. */
  readonly element: Element;
}

/**
 * The edition's passages that are rendered under `root`, in text order
 * (elements inside `data-anchor-ignore` content, such as a footnote
 * popover's copy of a note, do not count).
 */
export function renderedPassages(root: Element, edition: Edition): RenderedPassage[] {
  const byAddress = new Map<string, Element>();
  for (const el of root.querySelectorAll(`[${ADDRESS_ATTRIBUTE}]`)) {
    const ignored = el.closest(`[${IGNORE_ATTRIBUTE}]`);
    if (ignored && root.contains(ignored)) continue;
    const address = el.getAttribute(ADDRESS_ATTRIBUTE);
    if (address && !byAddress.has(address)) byAddress.set(address, el);
  }
  const out: RenderedPassage[] = [];
  for (const p of [...edition.blocks, ...edition.footnotes]) {
    const element = byAddress.get(p.address);
    if (element) out.push({ start: p.start, end: p.end, element });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The passage text nodes of a passage element, skipping ignored subtrees. */
function textNodes(element: Element): Text[] {
  const doc = element.ownerDocument;
  const show = 0x1 /* NodeFilter.SHOW_ELEMENT */ | 0x4; /* NodeFilter.SHOW_TEXT */
  const walker = doc.createTreeWalker(element, show, {
    acceptNode(node: Node): number {
      if (node.nodeType === 3) return 1; /* FILTER_ACCEPT */
      const el = node as Element;
      if (el.hasAttribute(IGNORE_ATTRIBUTE)) return 2; /* FILTER_REJECT */
      return 3; /* FILTER_SKIP */
    },
  });
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}

/**
 * The DOM position of character offset `local` within a passage element. A
 * start at a boundary between two text nodes goes to the start of the later
 * one, an end to the end of the earlier one, so ranges never begin or end in
 * a neighbouring inline.
 */
function domPosition(
  nodes: readonly Text[],
  element: Element,
  local: number,
  isEnd: boolean,
): [Node, number] {
  let acc = 0;
  for (const t of nodes) {
    const len = t.data.length;
    if (isEnd ? local <= acc + len : local < acc + len) return [t, Math.max(0, local - acc)];
    acc += len;
  }
  const last = nodes.at(-1);
  return last ? [last, last.data.length] : [element, element.childNodes.length];
}

/**
 * Whether `passages` follow each other in the text without overlapping (each
 * ends at or before the next starts), as an edition's blocks and footnotes
 * do. Then the passages a range starts and ends in are found by binary
 * search (`clamp` in `domRangeMapper`; painting the highlights near the
 * viewport looked each one's up in a list of hundreds), otherwise by a walk
 * through the list — the same passages either way.
 */
function inTextOrder(passages: readonly RenderedPassage[]): boolean {
  for (let i = 1; i < passages.length; i++)
    if (passages[i]!.start < passages[i - 1]!.end) return false;
  return passages.every((p) => p.start <= p.end);
}

/** The index of the first of `passages` (in text order) that ends after `offset`; their count if none does. */
function firstEndingAfter(passages: readonly RenderedPassage[], offset: number): number {
  let lo = 0;
  let hi = passages.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (passages[mid]!.end > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The index of the first of `passages` (in text order) that starts at or after `offset`; their count if none does. */
function firstStartingFrom(passages: readonly RenderedPassage[], offset: number): number {
  let lo = 0;
  let hi = passages.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (passages[mid]!.start >= offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A span's rendered part: the passages it starts and ends in, and its offsets moved into them. */
interface Clamped {
  readonly first: RenderedPassage;
  readonly last: RenderedPassage;
  readonly start: number;
  readonly end: number;
}

/** Offset ↔ `Range` conversion for one rendered edition, prepared once for many calls. */
export interface DomRangeMapper {
  /** A `Range` covering `[start, end)` of `Edition.text`, or `null` (see `rangeFromOffsets`). */
  rangeFromOffsets(start: number, end: number): Range | null;
  /**
   * The same boundaries as a `StaticRange`, never made live: for painting
   * many highlights (a live `Range` is registered with its document until
   * collected, and every DOM change updates each one).
   */
  staticRangeFromOffsets(start: number, end: number): StaticRange | null;
  /**
   * `StaticRange`s that together cover exactly what the ranges of `spans`
   * cover, in text order: spans that share a character are merged into one
   * range (spans that only touch are not, so nothing between two passages is
   * ever added). For painting many overlapping highlights of one style:
   * Chromium validates and paints every range of a highlight, and 10,000
   * annotations on two short texts lie dozens deep. Spans with no rendered
   * text are left out, as `staticRangeFromOffsets` gives `null` for them.
   */
  staticRangesCovering(spans: readonly TextOffsets[]): StaticRange[];
  /** The offsets of a `Range`, or `null` (see `offsetsFromRange`). */
  offsetsFromRange(range: Range): TextOffsets | null;
}

/**
 * Prepares conversions for the passages rendered under `root`: finds them
 * once (or takes them from `renderedPassages`, when the caller needs them
 * too), and each passage's text nodes on first use. For painting many
 * highlights at once; valid until the DOM under `root` changes (make a new
 * one after a re-render).
 */
export function domRangeMapper(
  root: Element,
  edition: Edition,
  passages: readonly RenderedPassage[] = renderedPassages(root, edition),
): DomRangeMapper {
  const cache = new Map<Element, Text[]>();
  const nodesOf = (element: Element): Text[] => {
    let nodes = cache.get(element);
    if (!nodes) cache.set(element, (nodes = textNodes(element)));
    return nodes;
  };
  /**
   * The rendered part of `[start, end)`: the first and last rendered passages it overlaps, and
   * the offsets moved into them (a start in a separator or an unrendered passage goes to the next
   * rendered passage, an end to the previous one); `null` if it overlaps none.
   */
  const ordered = inTextOrder(passages);
  const clamp = (start: number, end: number): Clamped | null => {
    if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) return null;
    const first = ordered
      ? passages[firstEndingAfter(passages, start)]
      : passages.find((p) => p.end > start && p.start < end);
    const last = ordered
      ? passages[firstStartingFrom(passages, end) - 1]
      : passages.findLast((p) => p.start < end && p.end > start);
    // In text order, the passages found may lie outside [start, end): then none overlaps it.
    if (!first || !last || first.start >= end || last.end <= start) return null;
    return { first, last, start: Math.max(start, first.start), end: Math.min(end, last.end) };
  };
  const boundariesOf = ({ first, last, start, end }: Clamped): StaticRangeInit => {
    const [startContainer, startOffset] = domPosition(
      nodesOf(first.element),
      first.element,
      start - first.start,
      false,
    );
    const [endContainer, endOffset] = domPosition(
      nodesOf(last.element),
      last.element,
      end - last.start,
      true,
    );
    return { startContainer, startOffset, endContainer, endOffset };
  };
  const boundaries = (start: number, end: number): StaticRangeInit | null => {
    const c = clamp(start, end);
    return c && boundariesOf(c);
  };
  return {
    rangeFromOffsets(start, end) {
      const b = boundaries(start, end);
      if (!b) return null;
      const range = root.ownerDocument.createRange();
      range.setStart(b.startContainer, b.startOffset);
      range.setEnd(b.endContainer, b.endOffset);
      return range;
    },
    staticRangeFromOffsets(start, end) {
      const b = boundaries(start, end);
      return b ? new StaticRange(b) : null;
    },
    staticRangesCovering(spans) {
      const clamped: Clamped[] = [];
      for (const { start, end } of spans) {
        const c = clamp(start, end);
        if (c) clamped.push(c);
      }
      clamped.sort((a, b) => a.start - b.start);
      // Clamped offsets lie in rendered passages, so two spans sharing an offset share a rendered
      // character: their ranges overlap, and their union is one range from the first start to
      // the last end (the offset-to-DOM mapping keeps text order).
      const out: StaticRange[] = [];
      let run = clamped[0];
      if (!run) return out;
      for (const c of clamped) {
        if (c.start < run.end) {
          if (c.end > run.end)
            run = { first: run.first, last: c.last, start: run.start, end: c.end };
          continue;
        }
        out.push(new StaticRange(boundariesOf(run)));
        run = c;
      }
      out.push(new StaticRange(boundariesOf(run)));
      return out;
    },
    offsetsFromRange(range) {
      if (passages.length === 0) return null;
      const start = textOffset(passages, nodesOf, range.startContainer, range.startOffset, false);
      const end = textOffset(passages, nodesOf, range.endContainer, range.endOffset, true);
      if (start === null || end === null || end <= start) return null;
      return { start, end };
    },
  };
}

/**
 * A DOM `Range` covering `[start, end)` of `edition.text` in the passages
 * rendered under `root`; `null` if the offsets are invalid or no rendered
 * passage overlaps them. (For many ranges at once, use `domRangeMapper`.)
 */
export function rangeFromOffsets(
  root: Element,
  edition: Edition,
  start: number,
  end: number,
): Range | null {
  return domRangeMapper(root, edition).rangeFromOffsets(start, end);
}

/**
 * The offsets in `edition.text` of a DOM range (a reader's selection) within
 * `root`. Parts of the range outside `root`, between passages or in ignored
 * content are left out. `null` if the range holds no passage text.
 */
export function offsetsFromRange(
  root: Element,
  edition: Edition,
  range: Range,
): TextOffsets | null {
  return domRangeMapper(root, edition).offsetsFromRange(range);
}

/** The text offset of a DOM boundary point; `null` if no passage lies on the needed side of it. */
function textOffset(
  passages: readonly RenderedPassage[],
  nodesOf: (element: Element) => readonly Text[],
  node: Node,
  offset: number,
  isEnd: boolean,
): number | null {
  const doc = passages[0]!.element.ownerDocument;
  const point = doc.createRange();
  try {
    point.setStart(node, offset);
  } catch {
    return null;
  }
  // comparePoint(n, o): -1 if (n, o) is before the point, 0 at it, 1 after.
  const holder = passages.find((p) => p.element === node || p.element.contains(node));
  if (holder) {
    let local = 0;
    for (const t of nodesOf(holder.element)) {
      if (t === node) {
        local += Math.min(offset, t.data.length);
        break;
      }
      if (point.comparePoint(t, t.data.length) <= 0) local += t.data.length;
      else break;
    }
    return holder.start + Math.min(local, holder.end - holder.start);
  }
  if (isEnd) {
    const before = passages.findLast(
      (p) => point.comparePoint(p.element, p.element.childNodes.length) <= 0,
    );
    return before ? before.end : null;
  }
  const after = passages.find((p) => point.comparePoint(p.element, 0) >= 0);
  return after ? after.start : null;
}
