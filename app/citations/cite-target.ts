/**
 * What a Cite action cites: from an address the reader acted on (a
 * paragraph's, a sentence's, a footnote's, a selection's or an annotation's)
 * to the request the citer gets — the address, the pinpoint override for a
 * span of paragraphs, the quoted text — plus a label for the panel.
 *
 * What it is for: the decisions a view must not make (which paragraphs a
 * span covers, which text is quoted), as pure functions over the editions,
 * tested in Node. What it is not for: formatting (the citer in
 * `sources/citation/` does that, in a worker) or reading the DOM (a
 * selection arrives as two addresses and its text).
 */
import {
  containingPassage,
  findPassage,
  parseAddress,
  passageText,
} from '../../sources/address.ts';
import type { Address, Edition } from '../../sources/edition.ts';
import { paragraphRangeLocator, type CiteLocator } from '../../sources/citation/locator.ts';

/** One citable passage, ready for the citer. */
export interface CiteTarget {
  /** The passage address: the cited work and, unless `locator` overrides it, the pinpoint; also the link's hash. */
  readonly address: Address;
  /** A pinpoint that overrides the address's own (a span of paragraphs). */
  readonly locator?: CiteLocator;
  /** The quoted text (the passage's, or the reader's selection). */
  readonly quote: string;
  /** What the panel calls the passage, e.g. "Paragraph 12" or "Sentence 12.3". */
  readonly label: string;
}

function editionOf(editions: readonly Edition[], address: string): Edition | undefined {
  const parsed = parseAddress(address);
  return parsed ? editions.find((e) => e.id === parsed.source) : undefined;
}

function labelOf(address: string): string {
  const parsed = parseAddress(address);
  switch (parsed?.kind) {
    case 'paragraph':
      return `Paragraph ${parsed.n}`;
    case 'sentence':
      return `Sentence ${parsed.n}.${parsed.s}`;
    case 'range':
      return `Paragraphs ${parsed.from}–${parsed.to}`;
    case 'footnote':
      return parsed.s === undefined ? `Note ${parsed.n}` : `Note ${parsed.n}, sentence ${parsed.s}`;
    default:
      return address;
  }
}

/** The target for a passage the edition has, or `null` if it has none at `address`. */
export function citeTarget(editions: readonly Edition[], address: string): CiteTarget | null {
  const edition = editionOf(editions, address);
  const passage = edition && findPassage(edition, address);
  if (!passage) return null;
  return { address: address as Address, quote: passageText(passage), label: labelOf(address) };
}

/**
 * The passage and its sentences, in the order a scope picker lists them: a
 * paragraph or footnote first, then each of its sentences (so a sentence
 * can be cited and quoted on its own). A sentence address gives its
 * paragraph's list. Empty if the edition has no such passage.
 */
export function citeScopes(editions: readonly Edition[], address: string): CiteTarget[] {
  if (!parseAddress(address)) return [];
  const base = containingPassage(address as Address);
  const whole = citeTarget(editions, base);
  if (!whole) return [];
  const edition = editionOf(editions, base)!;
  const passage = findPassage(edition, base)!;
  const sentences =
    passage.kind === 'block'
      ? passage.block.sentences
      : passage.kind === 'footnote'
        ? passage.footnote.sentences
        : [];
  if (sentences.length < 2) return [whole];
  const parts = sentences.flatMap((s) => {
    const t = citeTarget(editions, s.address);
    return t ? [t] : [];
  });
  return [whole, ...parts];
}

/**
 * The target for a selection or annotation from the passage at `from` to the
 * one at `to` (addresses of paragraphs, sentences or footnotes, in either
 * order), quoting `quote`. Within one paragraph it cites that paragraph (or
 * the sentence, if both ends are in the same one); across numbered
 * paragraphs it cites the range ("paras. 12–14"). Across a source boundary,
 * or from an unnumbered block, it cites where the span starts. A range
 * address on its own (`from` = `to` = `lankov-2007:12-13`, as
 * `addressForRange` gives for a selection) cites the range. `null` if `from`
 * is not an address.
 */
export function spanCiteTarget(from: string, to: string, quote: string): CiteTarget | null {
  const a = parseAddress(from);
  const b = parseAddress(to);
  if (!a) return null;
  const text = quote.trim();
  if (!b || a.source !== b.source || (from === to && a.kind !== 'range')) {
    return { address: from as Address, quote: text, label: labelOf(from) };
  }
  const numbered = (p: NonNullable<typeof a>): number | undefined =>
    p.kind === 'paragraph' || p.kind === 'sentence' ? p.n : p.kind === 'range' ? p.from : undefined;
  const last = (p: NonNullable<typeof a>): number | undefined =>
    p.kind === 'range' ? p.to : numbered(p);
  const first = numbered(a);
  const end = last(b);
  if (first === undefined || end === undefined)
    return { address: from as Address, quote: text, label: labelOf(from) };
  const lo = Math.min(first, end);
  const hi = Math.max(first, end, last(a) ?? first);
  if (lo === hi) {
    const address = `${a.source}:${lo}` as Address;
    return { address, quote: text, label: labelOf(address) };
  }
  const address = `${a.source}:${lo}-${hi}` as Address;
  return { address, locator: paragraphRangeLocator(lo, hi), quote: text, label: labelOf(address) };
}
