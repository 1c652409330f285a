/**
 * The text a copy of a reader's selection puts on the clipboard: exactly the
 * passages' text between two offsets of `Edition.text` — no margin numbers,
 * footnote markers, comparison marks or tools (they are not in the edition's
 * text) — with one blank line between passages, and nothing from passages
 * the reader does not see (hidden site navigation).
 *
 * What it is for: `use-copy-passage.ts`'s clipboard text. What it is not for:
 * reading the DOM (the hook converts the selection to offsets first).
 */
import { BLOCK_SEPARATOR, type Address, type Edition } from '../../sources/edition.ts';

/** The selected passages' text, `shown` deciding which passages count (a hidden one is left out). */
export function passageText(
  edition: Edition,
  start: number,
  end: number,
  shown: (address: Address) => boolean = () => true,
): string {
  const parts: string[] = [];
  for (const p of [...edition.blocks, ...edition.footnotes]) {
    if (p.end <= start || p.start >= end || !shown(p.address)) continue;
    const piece = p.text.slice(
      Math.max(0, start - p.start),
      Math.min(p.text.length, end - p.start),
    );
    if (piece.trim() !== '') parts.push(piece);
  }
  return parts.join(BLOCK_SEPARATOR);
}
