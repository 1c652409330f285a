/**
 * One call for a Cite panel, the CLI and the annotations digest: an address
 * (and optionally its quoted text, more passages, a prefix and suffix, the
 * narrative form, a pinpoint form) in; the citation, the short note, the
 * bibliography entries, the Pandoc and LaTeX forms and the quote with its
 * citation out.
 *
 * Environment-neutral: it takes a ready `Citer`, so the same function serves
 * Node (`createCiter(style, nodeCslLoader)`) and the browser
 * (`loadCiter(style)` in `load-citer.ts`).
 *
 * Not for: checking that the passage exists in an edition. Callers that
 * accept typed-in addresses (the CLI) check with `findPassage` first.
 */
import type { CitationResult, CiteItemRequest, Citer, Formatted } from './create-citer.ts';
import { citeTargetOf, type CiteLocator } from './locator.ts';
import type { PinpointMode, SectionPlace } from './pinpoint.ts';
import { quoteWithCitation } from './quote-with-citation.ts';

/** Another passage cited in the same citation. */
export interface AlsoCited {
  /** Its address. */
  readonly address: string;
  /** Overrides the address's own pinpoint. */
  readonly locator?: CiteLocator;
  /** Its place under a heading, for the section pinpoint. */
  readonly section?: SectionPlace;
}

/** What to cite. */
export interface PassageRequest {
  /** The passage address, e.g. `lankov-2007:12.3`; its source is the cited work. */
  readonly address: string;
  /**
   * Overrides the address's own pinpoint, for a selection or annotation that
   * spans paragraphs (e.g. `paragraphRangeLocator(12, 14)`).
   */
  readonly locator?: CiteLocator;
  /** Where the passage sits under a heading (the page computes it from the edition). */
  readonly section?: SectionPlace;
  /** The quoted text, for "Copy quote with citation". */
  readonly quote?: string;
  /** The passage link to add after a quote (an absolute http(s) URL becomes a link). */
  readonly link?: string;
  /** More passages in the same citation (one cluster, sorted by the style). */
  readonly also?: readonly AlsoCited[];
  /** Before the citation: "see". */
  readonly prefix?: string;
  /** After the pinpoint: "emphasis added". */
  readonly suffix?: string;
  /** The narrative form ("Lankov (n.d.) argues…"). */
  readonly narrative?: boolean;
  /** The pinpoint form; the style's default when absent. */
  readonly pinpoint?: PinpointMode;
}

/** A citation result plus, when a quote was given, the quote with its citation. */
export interface PassageCitation extends CitationResult {
  /** The quote, its citation and the link (only when `quote` was given). */
  readonly quoted?: Formatted;
}

function item(address: string, locator?: CiteLocator, section?: SectionPlace): CiteItemRequest {
  const target = citeTargetOf(address);
  const l = locator ?? target.locator;
  return { source: target.source, ...(l ? { locator: l } : {}), ...(section ? { section } : {}) };
}

/** Cites a passage with `citer`. Throws a one-line message for a bad address, source or locator. */
export function citePassage(citer: Citer, request: PassageRequest): PassageCitation {
  const first = item(request.address, request.locator, request.section);
  const rest = (request.also ?? []).map((a) => item(a.address, a.locator, a.section));
  const items: CiteItemRequest[] = [first, ...rest].map((it, i, all) => ({
    ...it,
    ...(i === 0 && request.prefix ? { prefix: request.prefix } : {}),
    ...(i === all.length - 1 && request.suffix ? { suffix: request.suffix } : {}),
  }));
  const options = {
    ...(request.pinpoint ? { pinpoint: request.pinpoint } : {}),
    ...(request.narrative ? { narrative: true } : {}),
  };
  const cluster = citer.citeCluster(items, options);
  const result: CitationResult = {
    ...cluster,
    source: cluster.items[0]!.source,
    ...(cluster.items[0]!.locator ? { locator: cluster.items[0]!.locator } : {}),
    bibliography: cluster.entries[0]!,
  };
  if (request.quote === undefined) return result;
  const citation =
    request.narrative && result.narrative && result.kind === 'in-text'
      ? result.narrative.rest
      : result.citation;
  return {
    ...result,
    quoted: quoteWithCitation(request.quote, { kind: result.kind, citation }, request.link),
  };
}
