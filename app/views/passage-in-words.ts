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
import { parseAddress, sourceOfAddress } from '../../sources/address.ts';
import type { Address, Edition } from '../../sources/edition.ts';
import { sourceMetadata } from '../../sources/metadata.ts';

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
    case 'block': {
      // A text has one title: "title", not "title 1".
      const block = a.role === 'title' && a.k === 1 ? 'title' : `${a.role} ${a.k}`;
      return `${source} ${block}${a.s === undefined ? '' : `, sentence ${a.s}`}`;
    }
  }
}

/**
 * `address` named under its source's label, found among `editions` (a built-in source's "Lankov
 * (2007)", a text of the reader's own by its title): for notices, "Highlighted in Lankov (2007)
 * ¶3, sentence 1". "the text" when there is no address.
 */
export function passageAmong(address: string | undefined, editions: readonly Edition[]): string {
  if (address === undefined) return 'the text';
  const source = sourceOfAddress(address);
  const edition = editions.find((e) => e.id === source);
  const label = source ? (sourceMetadata(source)?.label ?? edition?.title ?? source) : address;
  return passageInWords(address, label);
}
