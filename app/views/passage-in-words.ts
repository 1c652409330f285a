/**
 * A passage's address in words for headings and cards: "Lankov (2007) ¶13",
 * "Lankov (2007) ¶12, sentence 3", "Lankov (2007) note 5". The raw address
 * (`lankov-2007:13`) is for links and data attributes, not for reading.
 *
 * What it is for: naming one passage when the source's label is known (the
 * caller passes it: `sourceLabel` for an edition). What it is not for: the
 * short names of the margin marks ("Lankov 13", `passageName` in
 * app/compare/place-comparisons.ts), which must stay short beside the text.
 */
import { parseAddress } from '../../sources/address.ts';
import type { Address } from '../../sources/edition.ts';

/** `address` named under `source` (a source's label, "Lankov (2007)"); the address itself if it does not parse. */
export function passageInWords(address: Address | string, source: string): string {
  const a = parseAddress(address);
  if (!a) return address;
  switch (a.kind) {
    case 'paragraph':
      return `${source} ¶${a.n}`;
    case 'sentence':
      return `${source} ¶${a.n}, sentence ${a.s}`;
    case 'range':
      return `${source} ¶${a.from}–${a.to}`;
    case 'footnote':
      return `${source} note ${a.n}${a.s === undefined ? '' : `, sentence ${a.s}`}`;
    case 'block':
      return `${source} ${a.role} ${a.k}${a.s === undefined ? '' : `, sentence ${a.s}`}`;
  }
}
