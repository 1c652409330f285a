/**
 * The selectors of an annotation target: how an annotation says *where* in a
 * source text it belongs. Internal shape, validated by zod; the W3C JSON-LD
 * shapes are produced and read in `annotations/io/`.
 *
 * What it is for: the three selectors every target carries, and the rules that
 * make them consistent with each other. What it is not for: finding the text
 * again (that is `annotations/anchoring/`) or serializing (`annotations/io/`).
 *
 * The W3C subset we support (Web Annotation Data Model, W3C Recommendation
 * 23 February 2017):
 * - TextQuoteSelector, §4.2.4 https://www.w3.org/TR/annotation-model/#text-quote-selector
 *   — `exact`, `prefix`, `suffix`. We always write all three (an empty prefix
 *   or suffix at the very start or end of a text is written as `""`); on
 *   import a missing prefix/suffix reads as `""`.
 * - TextPositionSelector, §4.2.5 https://www.w3.org/TR/annotation-model/#text-position-selector
 *   — `start`, `end`, counted in UTF-16 code units of `Edition.text` (see
 *   `sources/edition.ts`). The spec counts Unicode code points; both texts we
 *   ship are in the Basic Multilingual Plane, where the two agree. If a source
 *   with astral characters is ever added, convert at the export boundary.
 * - The passage address (`lankov-2007:12`) is not a W3C selector, and we do
 *   not write it as one: it names the whole paragraph (or range, or footnote)
 *   holding the quote, a larger span than the quote, whereas §4.2 says the
 *   selectors of one target select the same segment. It is the extension
 *   property `diptych:address` on the target (see `annotations/io/w3c-export.ts`).
 * - A target is a SpecificResource, §4 https://www.w3.org/TR/annotation-model/#specific-resources,
 *   whose `source` is a stable IRI for the source text (`urn:diptych:source:<id>`).
 *
 * What we skip, and why:
 * - FragmentSelector (§4.2.1), CssSelector, XPathSelector (§4.2.2, §4.2.3):
 *   they address a media fragment or a DOM; our
 *   offsets are into the edition's plain text, which outlives any rendering.
 * - DataPositionSelector (§4.2.6), SvgSelector (§4.2.7): binary data and images.
 * - RangeSelector (§4.2.8): not written. Hypothesis writes one holding
 *   XPaths into the DOM of the page it annotated, which mean nothing for our
 *   text; import accepts and ignores it, relying on the quote and position,
 *   as Hypothesis's own anchoring does first.
 * - `refinedBy` (§4.2.9), State (§4.3), Style (§4.4), `renderedVia`,
 *   `scope`: no use for them in a two-text reader; imported values are dropped.
 */
import { z } from 'zod';
import { parseAddress } from '../../sources/address.ts';
import type { Address, SourceId } from '../../sources/edition.ts';

/** The source id grammar, shared with `sources/address.ts`. */
const SOURCE_ID_RE = /^[a-z0-9][a-z0-9-]*$/;

/** A source id (`lankov-2007`). Validated by its grammar, not by the list of built-in sources: import checks that. */
export const SourceIdSchema = z.custom<SourceId>(
  (value) => typeof value === 'string' && SOURCE_ID_RE.test(value),
  { message: 'must be a source id (lower-case letters, digits and hyphens, e.g. "lankov-2007")' },
);

/** A passage address (`lankov-2007:12`, `lankov-2007:12-13`, `lankov-2007:n5`), checked with `parseAddress`. */
export const AddressSchema = z.custom<Address>(
  (value) => typeof value === 'string' && parseAddress(value) !== null,
  { message: 'must be a passage address such as "lankov-2007:12"' },
);

/** The longest quote we keep. A selection longer than this is a whole text, not a passage. */
export const MAX_QUOTE_LENGTH = 20_000;
/** The context we keep on either side of a quote. Hypothesis keeps 32 characters; so do we (see `annotations/anchoring/`). */
export const MAX_CONTEXT_LENGTH = 256;

/** A TextQuoteSelector: the selected text and a little of what surrounds it. */
export const QuoteSelectorSchema = z.lazy(() =>
  z
    .object({
      /** The selected text, exactly as in `Edition.text`. Never empty. */
      exact: z.string().min(1, 'must not be empty').max(MAX_QUOTE_LENGTH),
      /** Text just before the selection ("" at the start of a text). Disambiguates repeated quotes. */
      prefix: z.string().max(MAX_CONTEXT_LENGTH),
      /** Text just after the selection ("" at the end of a text). */
      suffix: z.string().max(MAX_CONTEXT_LENGTH),
    })
    .strict()
    .readonly(),
);

/** A TextPositionSelector: offsets into `Edition.text`, end exclusive. */
export const PositionSelectorSchema = z.lazy(() =>
  z
    .object({
      /** Offset of the first selected character in `Edition.text`. */
      start: z.number().int().nonnegative(),
      /** Offset just after the last selected character. */
      end: z.number().int().nonnegative(),
    })
    .strict()
    .readonly()
    .refine((p) => p.end > p.start, { message: 'end must be greater than start', path: ['end'] }),
);

/** The three selectors of a target. */
export const SelectorsSchema = z.lazy(() =>
  z
    .object({
      /** What was selected, with context: survives edits that move offsets. */
      quote: QuoteSelectorSchema,
      /** Where it was: fast, and disambiguates repeated quotes. */
      position: PositionSelectorSchema,
      /** The passage (paragraph, range of paragraphs, footnote, block) that holds it: what a reader cites. */
      address: AddressSchema,
    })
    .strict()
    .readonly()
    .refine((s) => s.position.end - s.position.start === s.quote.exact.length, {
      message: 'position and quote disagree: end - start must equal the length of the quoted text',
      path: ['position'],
    }),
);

/** One place in one source. */
export const TargetSchema = z.lazy(() =>
  z
    .object({
      /** Which source text the annotation is on. */
      source: SourceIdSchema,
      /** How to find the place again. */
      selectors: SelectorsSchema,
    })
    .strict()
    .readonly()
    .refine((t) => parseAddress(t.selectors.address)?.source === t.source, {
      message: 'the address names a different source than the target',
      path: ['selectors', 'address'],
    }),
);

/** A TextQuoteSelector. */
export type QuoteSelector = z.infer<typeof QuoteSelectorSchema>;
/** A TextPositionSelector (offsets into `Edition.text`). */
export type PositionSelector = z.infer<typeof PositionSelectorSchema>;
/** The three selectors of a target. */
export type Selectors = z.infer<typeof SelectorsSchema>;
/** One place in one source. */
export type Target = z.infer<typeof TargetSchema>;
