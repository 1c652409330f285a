/**
 * Splits a block's inline tree at its sentence boundaries, so each sentence
 * can be rendered as its own element (`<span data-address="…:12.3">`) while
 * keeping emphasis and links that cross a boundary.
 *
 * What it is for: the Block renderer. The invariant the annotation bridge
 * relies on — the text of the segments, in order, is exactly the block's
 * `text` — is checked by a property test (tests/app/inline-segments.test.ts).
 * What it is not for: sentence detection (the pipeline does that).
 *
 * A footnote reference has no width; it goes with the text before it (the
 * segment with start < offset ≤ end), so a marker after a full stop stays with
 * its sentence. A reference at offset 0 goes to the first segment.
 */
import type { Address, Inline, Sentence } from '../../sources/edition.ts';

/** A run of inlines covering `[start, end)` of the block text; `sentence` is null for the gaps between sentences. */
export interface InlineSegment {
  /** The sentence this run is, or null for text between (or outside) sentences. */
  readonly sentence: Sentence | null;
  /** Start offset in the block text. */
  readonly start: number;
  /** End offset (exclusive). */
  readonly end: number;
  /** The inlines, clipped to the range. */
  readonly inlines: readonly Inline[];
}

/** The plain text of inlines (footnote references have none). */
export function inlineText(inlines: readonly Inline[]): string {
  let out = '';
  for (const node of inlines) {
    if (node.type === 'text') out += node.value;
    else if (node.type !== 'footnoteRef') out += inlineText(node.children);
  }
  return out;
}

function inlineLength(node: Inline): number {
  if (node.type === 'text') return node.value.length;
  if (node.type === 'footnoteRef') return 0;
  return node.children.reduce((sum, c) => sum + inlineLength(c), 0);
}

/** Clips inlines to `[from, to)`; `offset` is where `nodes` start in the block text. */
function clip(nodes: readonly Inline[], offset: number, from: number, to: number): Inline[] {
  const out: Inline[] = [];
  let pos = offset;
  for (const node of nodes) {
    const len = inlineLength(node);
    if (node.type === 'footnoteRef') {
      if ((from < pos && pos <= to) || (pos === 0 && from === 0)) out.push(node);
    } else if (node.type === 'text') {
      const a = Math.max(from, pos);
      const b = Math.min(to, pos + len);
      if (a < b) out.push({ ...node, value: node.value.slice(a - pos, b - pos) });
    } else if (pos + len >= from && pos <= to) {
      // Containers are kept while they hold something in range (text or a reference).
      const children = clip(node.children, pos, from, to);
      if (children.length > 0) out.push({ ...node, children });
    }
    pos += len;
  }
  return out;
}

/**
 * Segments covering `[0, length)` of the block text: one per sentence, and
 * gap segments for uncovered text (typically the space between sentences).
 * Sentences are taken in order; overlapping or out-of-range ones are clipped.
 */
export function segmentInlines(
  inlines: readonly Inline[],
  sentences: readonly Sentence[],
): InlineSegment[] {
  const length = inlines.reduce((sum, n) => sum + inlineLength(n), 0);
  const segments: InlineSegment[] = [];
  let pos = 0;
  const push = (sentence: Sentence | null, start: number, end: number): void => {
    if (end <= start && !(start === 0 && end === 0 && length === 0)) return;
    segments.push({ sentence, start, end, inlines: clip(inlines, 0, start, end) });
  };
  for (const sentence of sentences) {
    const start = Math.max(pos, Math.min(sentence.start, length));
    const end = Math.max(start, Math.min(sentence.end, length));
    if (start > pos) push(null, pos, start);
    if (end > start) push(sentence, start, end);
    pos = end;
  }
  if (pos < length || segments.length === 0) push(null, pos, length);
  return segments;
}

/** The sentence addresses of segments, for tests and the annotation bridge. */
export function segmentAddresses(segments: readonly InlineSegment[]): Address[] {
  return segments.flatMap((s) => (s.sentence ? [s.sentence.address] : []));
}
