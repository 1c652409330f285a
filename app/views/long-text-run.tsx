/**
 * A run of text too long to lay out at once: issue 12's crafted paragraph of
 * 1.2 MB with no sentence end ("Mr. " × 300,000) took the page's thread
 * 1.4 s of layout in one task. The run is cut at spaces into pieces of about
 * `PIECE` characters, each a block with `content-visibility: auto`
 * (`.long-run`, `styles.css`), so the browser lays out only the pieces near
 * the viewport and reserves an estimated height for the rest (remembered
 * once a piece has been laid out).
 *
 * What stays true: the pieces' text nodes, in order, spell the run exactly
 * (the DOM contract of `annotations/anchoring/dom-range.ts`), so selection,
 * highlights, anchoring and find-in-page work as on any paragraph. What it
 * gives up: each piece starts on a new line.
 *
 * Renders source text as React text only.
 */
import { useMemo, type ReactNode } from 'react';

/** Runs longer than this (in UTF-16 units) are rendered in pieces. */
export const LONG_RUN = 20_000;
/** The length a piece aims at. */
const PIECE = 8_000;
/** Characters per line and line height (em) for a piece's height before it is laid out. */
const CHARS_PER_LINE = 80;
const LINE_EM = 1.6;

/**
 * `value` cut into pieces of about `size` units, each ending after a space
 * where the second half of its span has one (else cut there, never inside
 * a surrogate pair). The pieces joined are `value`.
 */
export function splitRun(value: string, size = PIECE): string[] {
  const out: string[] = [];
  let from = 0;
  while (value.length - from > size) {
    let cut = value.lastIndexOf(' ', from + size - 1) + 1;
    if (cut <= from + size / 2) {
      cut = from + size;
      const before = value.charCodeAt(cut - 1);
      if (before >= 0xd800 && before <= 0xdbff) cut -= 1;
    }
    out.push(value.slice(from, cut));
    from = cut;
  }
  out.push(value.slice(from));
  return out;
}

/** A long run of text, in pieces laid out near the viewport only. */
export function LongTextRun({ value }: { readonly value: string }): ReactNode {
  const pieces = useMemo(() => splitRun(value), [value]);
  return pieces.map((piece, i) => (
    <span
      key={i}
      className="long-run"
      style={{
        containIntrinsicBlockSize: `auto ${(Math.ceil(piece.length / CHARS_PER_LINE) * LINE_EM).toFixed(1)}em`,
      }}
    >
      {piece}
    </span>
  ));
}
