/**
 * One call for a Cite panel, the CLI and the annotations digest: an address
 * (and optionally its quoted text) in, the citation, the short note, the
 * bibliography entry and the quote with its citation out.
 *
 * Environment-neutral: it takes a ready `Citer`, so the same function serves
 * Node (`createCiter(style, nodeCslLoader)`) and the browser
 * (`loadCiter(style)` in `load-citer.ts`).
 *
 * Not for: checking that the passage exists in an edition. Callers that
 * accept typed-in addresses (the CLI) check with `findPassage` first.
 */
import type { CitationResult, Citer, Formatted } from './create-citer.ts';
import { citeTargetOf, type CiteLocator } from './locator.ts';
import { quoteWithCitation } from './quote-with-citation.ts';

/** What to cite. */
export interface PassageRequest {
  /** The passage address, e.g. `lankov-2007:12.3`; its source is the cited work. */
  readonly address: string;
  /**
   * Overrides the address's own pinpoint, for a selection or annotation that
   * spans paragraphs (e.g. `paragraphRangeLocator(12, 14)`).
   */
  readonly locator?: CiteLocator;
  /** The quoted text, for "Copy quote with citation". */
  readonly quote?: string;
  /** The passage link to add after a quote (an absolute http(s) URL becomes a link). */
  readonly link?: string;
}

/** A citation result plus, when a quote was given, the quote with its citation. */
export interface PassageCitation extends CitationResult {
  /** The quote, its citation and the link (only when `quote` was given). */
  readonly quoted?: Formatted;
}

/** Cites a passage with `citer`. Throws a one-line message for a bad address, source or locator. */
export function citePassage(citer: Citer, request: PassageRequest): PassageCitation {
  const target = citeTargetOf(request.address);
  // `cite` validates an override with a one-line message.
  const result = citer.cite(target.source, request.locator ?? target.locator);
  if (request.quote === undefined) return result;
  return { ...result, quoted: quoteWithCitation(request.quote, result, request.link) };
}
