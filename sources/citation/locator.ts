/**
 * From a passage address to the CSL locator (pinpoint) a citation carries.
 *
 * Neither text has page numbers a reader can use, so the paragraph numbers
 * Diptych shows are the pinpoints:
 *   - a paragraph cites CSL label `paragraph` ("para. 12"; not `para`, which
 *     is no CSL locator label and which citeproc silently drops);
 *   - a sentence cites its paragraph (no manual has sentence pinpoints);
 *   - a range of paragraphs cites the range ("paras. 12–13"; citeproc turns
 *     the hyphen into an en dash);
 *   - a footnote, or a sentence in it, cites label `note` ("n. 5");
 *   - an unnumbered block (title, caption, heading…) has no number to cite,
 *     so its citation is to the work as a whole.
 *
 * Not for: checking a locator handed in from outside (`locator-schema.ts`),
 * or that the passage exists. That needs the edition; the CLI checks it with
 * `findPassage`, the app only offers Cite on passages it shows.
 */
import { parseAddress, type ParsedAddress } from '../address.ts';

/** A CSL locator: what goes into a citation item's `label` and `locator`. */
export interface CiteLocator {
  /** CSL locator label: `paragraph` for paragraphs, sentences and ranges; `note` for footnotes. */
  readonly label: 'paragraph' | 'note';
  /** The number, or `from-to` for a range of paragraphs. */
  readonly locator: string;
}

/** The locator for a parsed address, or `undefined` when the passage has no number to cite. */
export function locatorFor(address: ParsedAddress): CiteLocator | undefined {
  switch (address.kind) {
    case 'paragraph':
    case 'sentence':
      return { label: 'paragraph', locator: String(address.n) };
    case 'range':
      return paragraphRangeLocator(address.from, address.to);
    case 'footnote':
      return { label: 'note', locator: String(address.n) };
    case 'block':
      return undefined;
  }
}

/**
 * The locator for paragraphs `from` to `to` (a selection or annotation that
 * spans them): a single paragraph when they are equal.
 */
export function paragraphRangeLocator(from: number, to: number): CiteLocator {
  const [a, b] = from <= to ? [from, to] : [to, from];
  return { label: 'paragraph', locator: a === b ? String(a) : `${a}-${b}` };
}

/**
 * Parses an address string and returns its source id and locator. Throws
 * a message naming the bad input if it is not an address.
 */
export function citeTargetOf(input: string): { source: string; locator: CiteLocator | undefined } {
  const parsed = parseAddress(input);
  if (!parsed) {
    throw new Error(
      `not an address: ${JSON.stringify(input)} (expected e.g. lankov-2007:12, lankov-2007:12.3, lankov-2007:12-13 or lankov-2007:n5)`,
    );
  }
  return { source: parsed.source, locator: locatorFor(parsed) };
}
