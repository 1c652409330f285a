/**
 * The passage address of a span of an edition's text: what a reader cites
 * for a selection. The anchoring `describe` step and import both need it.
 *
 * Not for: resolving an address to text (`findPassage` in
 * `sources/address.ts`) or finding a quote (`annotations/anchoring/`).
 */
import { formatAddress, parseAddress } from '../../sources/address.ts';
import type { Address, Edition } from '../../sources/edition.ts';

/**
 * The address of the passage holding `[start, end)` of `edition.text`:
 * - inside one block or footnote: that block's or footnote's address;
 * - across consecutive numbered paragraphs: a range (`lankov-2007:12-13`);
 * - across anything else (a heading and a paragraph, or text and a footnote):
 *   the address of the passage where the selection starts, because the
 *   address grammar has ranges of numbered paragraphs only;
 * - on a separator between passages: the passage before it.
 * `null` only for an edition with no blocks and no footnotes.
 */
export function addressForRange(edition: Edition, start: number, end: number): Address | null {
  const passages = [...edition.blocks, ...edition.footnotes];
  const overlapping = passages.filter((p) => p.start < Math.max(end, start + 1) && p.end > start);
  const first = overlapping[0];
  if (first === undefined) {
    const before = passages.filter((p) => p.start <= start).at(-1);
    return (before ?? passages[0])?.address ?? null;
  }
  const last = overlapping.at(-1)!;
  if (overlapping.length === 1) return first.address;
  const from = numbered(first.address);
  const to = numbered(last.address);
  if (
    from !== null &&
    to !== null &&
    to > from &&
    overlapping.every((p) => numbered(p.address) !== null)
  ) {
    return formatAddress({ kind: 'range', source: edition.id, from, to });
  }
  return first.address;
}

/** The paragraph number of a paragraph address, else `null`. */
function numbered(address: Address): number | null {
  const parsed = parseAddress(address);
  return parsed?.kind === 'paragraph' ? parsed.n : null;
}
