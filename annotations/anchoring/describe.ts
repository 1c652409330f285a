/**
 * Describe: turns a selection (offsets into `Edition.text`) into every kind of
 * selector a target carries — the quote with its context, the position, and
 * the address of the smallest passage that holds it.
 *
 * What it is for: making a new annotation's target from what the reader
 * selected (the app gets the offsets from `offsetsFromRange` in
 * `dom-range.ts`). What it is not for: validation (the store checks the
 * finished annotation with the model's schema) or finding text again
 * (`anchor.ts`).
 *
 * As in `describe` in Hypothesis's `src/annotator/anchoring/html.ts`, each
 * kind is built on its own; if one cannot be built it is left out and the
 * others are kept.
 *
 * The context is a fixed 32 characters on each side, as in Hypothesis's
 * `TextQuoteAnchor.fromRange`. A context that ended at a word or sentence
 * boundary would survive nearby edits better, but fixed-length context is
 * what other tools write and read, and the fuzzy step scores it by
 * similarity, not equality, so a partly edited context still counts.
 */
import type { Address, Block, Edition, Footnote } from '../../sources/edition.ts';
import { addressForRange } from '../model/address-for-range.ts';
import { MAX_QUOTE_LENGTH, type PositionSelector, type QuoteSelector } from '../model/selectors.ts';

/** Characters of context kept on each side of a quote. */
export const CONTEXT_LENGTH = 32;

/** The selectors `describe` could build; a kind it could not build is absent. */
export interface DescribedSelectors {
  /** The quote, with up to `CONTEXT_LENGTH` characters of context on each side. */
  readonly quote?: QuoteSelector;
  /** The offsets in `Edition.text` after trimming surrounding white space. */
  readonly position?: PositionSelector;
  /** The smallest passage holding the selection: sentence, paragraph, footnote, range or block. */
  readonly address?: Address;
}

type Passage = Block | Footnote;

/**
 * Builds the selectors for the selection `[start, end)` of `edition.text`.
 * White space at either end of the selection (a double-click often takes a
 * trailing space; a drag across blocks starts in the separator) is trimmed
 * first. Returns `null` when nothing but white space is selected.
 */
export function describe(edition: Edition, start: number, end: number): DescribedSelectors | null {
  const text = edition.text;
  if (!Number.isFinite(start) || !Number.isFinite(end)) return null;
  let from = Math.max(0, Math.min(Math.trunc(start), Math.trunc(end)));
  let to = Math.min(text.length, Math.max(Math.trunc(start), Math.trunc(end)));
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  if (from >= to) return null;

  const exact = text.slice(from, to);
  const quote: QuoteSelector | undefined =
    exact.length <= MAX_QUOTE_LENGTH
      ? {
          exact,
          prefix: text.slice(Math.max(0, from - CONTEXT_LENGTH), from),
          suffix: text.slice(to, to + CONTEXT_LENGTH),
        }
      : undefined;
  const position: PositionSelector = { start: from, end: to };
  const address = addressOf(edition, from, to);
  return {
    ...(quote ? { quote } : {}),
    position,
    ...(address ? { address } : {}),
  };
}

/**
 * The address of the smallest passage holding `[start, end)`: a sentence if
 * the selection lies within one, else what `addressForRange` (the model's
 * rule, shared with import) gives — the paragraph, footnote or block; across
 * numbered paragraphs a range (`lankov-2007:12-13`); across anything else the
 * passage it starts in. `null` for an edition without passages.
 */
export function addressOf(edition: Edition, start: number, end: number): Address | null {
  const passage: Passage | undefined = [...edition.blocks, ...edition.footnotes].find(
    (p) => p.start <= start && end <= p.end,
  );
  const sentence = passage?.sentences.find(
    (x) => x.start <= start - passage.start && end - passage.start <= x.end,
  );
  return sentence?.address ?? addressForRange(edition, start, end);
}
