/**
 * Import's one hard step: turning what a file says about a target (a source
 * IRI, perhaps a quote, perhaps a position, perhaps our address) into one of
 * our `Target`s on one of our editions, or a clear error with a path.
 *
 * What it is for: matching a target to a source, by identifier first (our
 * `urn:diptych:source:<id>` or the bare source id) and, failing that, by where
 * its quote anchors (the injected `Locate`), and checking that the selectors
 * agree with each other and with the text: a target that names our source
 * keeps its selectors when its quote is at its position and its address
 * holds both; otherwise it is placed where its quote anchors, its position
 * and address derived from there (`rederived` says why), or refused when
 * the quote is nowhere in that source. Not for: anchoring an annotation for
 * display (`annotations/anchoring/`).
 *
 * Pure: editions and `locate` are passed in.
 */
import type { Edition, SourceId } from '../../sources/edition.ts';
import { findPassage, parseAddress, spanOf, type Passage } from '../../sources/address.ts';
import { addressOf, CONTEXT_LENGTH, describe } from '../anchoring/describe.ts';
import { addressForRange } from '../model/address-for-range.ts';
import type { PositionSelector, QuoteSelector, Target } from '../model/selectors.ts';
import { sourceIdFromIri } from './format.ts';
import type { ItemProblem } from './import-advice.ts';

/** Where a quote anchors in one of our editions. `[start, end)` indexes `Edition.text`. */
export interface LocatedQuote {
  /** The edition it was found in. */
  readonly source: SourceId;
  /** Start offset in that edition's text. */
  readonly start: number;
  /** End offset (exclusive). */
  readonly end: number;
}

/**
 * Finds where a quote from another tool's file belongs in our texts. The app
 * passes one built on `annotations/anchoring/` (exact quote, then fuzzy);
 * `hint.source` restricts the search to one edition, `hint.position` is the
 * file's own offset (in the other tool's copy of the text, so only a hint).
 * Returns `null` when no text holds the quote well enough.
 */
export type Locate = (
  quote: QuoteSelector,
  hint: { readonly source?: SourceId; readonly position?: PositionSelector },
) => LocatedQuote | null;

/** What a file says about one target, before any checking. */
export interface RawTarget {
  /** The target's `source` (W3C) or `target.source`/`uri` (Hypothesis). */
  readonly source?: string;
  /** The TextQuoteSelector's fields, if the file had one. */
  readonly quote?: { readonly exact: string; readonly prefix?: string; readonly suffix?: string };
  /** The TextPositionSelector's fields, if the file had one. */
  readonly position?: { readonly start: number; readonly end: number };
  /** Our `diptych:address`, if the file had one. */
  readonly address?: string;
  /** JSON paths of the parts, for messages: the target, its quote and position selectors, its address. */
  readonly paths: {
    readonly target: string;
    readonly quote?: string;
    readonly position?: string;
    readonly address?: string;
    readonly source?: string;
  };
}

/** The pure inputs import needs. */
export interface ResolveContext {
  /** The editions annotations may target (the built-in sources, parsed). */
  readonly editions: readonly Edition[];
  /** Finds a quote's place when the file names no source of ours. Absent: such targets are errors. */
  readonly locate?: Locate;
  /**
   * True for a source id this browser lacks but may get (a reader's text, by
   * its content-derived id): a target naming it is kept as given, waiting for
   * its text, instead of refused. Absent: unknown sources are errors.
   */
  readonly waitFor?: (sourceId: string) => boolean;
  /**
   * True for a source whose annotations are kept, unplaced, when their quote is nowhere in it:
   * a workspace file carries the annotations a new version of a text left unplaced (the reader's
   * own, listed under Unplaced where they were exported), and moving them must not lose them.
   * Absent: such targets are errors (issue 12, item 5).
   */
  readonly keepUnplaced?: (sourceId: string) => boolean;
}

/** A resolved target, or what went wrong and where. */
export type Resolved =
  | {
      readonly ok: true;
      readonly target: Target;
      readonly foreignDocument?: string;
      /** Set when the file's position or address disagreed with its quote and were derived anew: why. */
      readonly rederived?: string;
      /** Set when the quote is nowhere in the text and the target was kept as given (`keepUnplaced`). */
      readonly unplaced?: true;
    }
  | {
      readonly ok: false;
      readonly path: string;
      readonly message: string;
      /** Set when the file may be fine but this browser lacks its text, or its quote (see `ItemProblem`). */
      readonly cause?: ItemProblem;
    };

/** How much context we keep on each side of a quote we build from our own text: `describe`'s. */
export const CONTEXT_CHARS = CONTEXT_LENGTH;

const fail = (path: string, message: string, cause?: ItemProblem): Resolved =>
  cause === undefined ? { ok: false, path, message } : { ok: false, path, message, cause };

/** A target's own address and the passage it names in the edition (`null`: none). */
interface ParsedAddressOf {
  readonly address: string;
  readonly passage: Passage | null;
}

/** The exact occurrence of `exact` in the edition's text nearest to `near` (without a `Locate`). */
function nearestExact(edition: Edition, exact: string, near: number): LocatedQuote | null {
  let best: number | null = null;
  for (let at = edition.text.indexOf(exact); at !== -1; at = edition.text.indexOf(exact, at + 1)) {
    if (best === null || Math.abs(at - near) < Math.abs(best - near)) best = at;
  }
  return best === null ? null : { source: edition.id, start: best, end: best + exact.length };
}

/**
 * Selectors built from our edition's text at `[start, end)` by `describe`,
 * the builder a selection in the reader goes through, so an imported target
 * gets the same selectors (a sentence address for a sentence) as one made
 * there. `null` when `describe` cannot build all three.
 */
function fromEdition(edition: Edition, start: number, end: number): Target | null {
  const described = describe(edition, start, end);
  if (!described?.quote || !described.position || !described.address) return null;
  const { quote, position, address } = described;
  return { source: edition.id, selectors: { quote, position, address } };
}

/** Resolves one target; see the module comment. */
export function resolveTarget(raw: RawTarget, ctx: ResolveContext): Resolved {
  const { paths } = raw;
  if (raw.quote !== undefined && raw.quote.exact.length === 0) {
    return fail(
      paths.quote ?? paths.target,
      'the TextQuoteSelector quotes nothing (its "exact" is empty)',
    );
  }
  if (raw.position !== undefined && !(raw.position.end > raw.position.start)) {
    return fail(
      paths.position ?? paths.target,
      `the TextPositionSelector ends (${raw.position.end}) before it starts (${raw.position.start})`,
    );
  }
  if (raw.quote !== undefined && raw.position !== undefined) {
    const span = raw.position.end - raw.position.start;
    if (span !== raw.quote.exact.length) {
      return fail(
        paths.position ?? paths.target,
        `the selectors disagree: the TextPositionSelector spans ${span} characters but the quoted text has ${raw.quote.exact.length}`,
      );
    }
  }

  const byId = (id: string): Edition | undefined => ctx.editions.find((e) => e.id === id);
  const named = raw.source === undefined ? null : (sourceIdFromIri(raw.source) ?? raw.source);
  const edition = named === null ? undefined : byId(named);

  const missing = raw.source === undefined ? null : sourceIdFromIri(raw.source);
  if (missing !== null && edition === undefined && ctx.waitFor?.(missing)) {
    return waitingTarget(raw, missing);
  }
  if (raw.source !== undefined && sourceIdFromIri(raw.source) !== null && edition === undefined) {
    return fail(
      paths.source ?? paths.target,
      `unknown source "${sourceIdFromIri(raw.source)}": Diptych has no text with that id`,
      'text-missing',
    );
  }

  if (edition !== undefined) {
    // The file names one of our sources. Its selectors must agree with the text: the quote at
    // the position, the address holding both. Where they do, they are kept as given; where
    // they do not, the target is placed where its quote anchors (the position is only a hint)
    // and its position and address are derived from there, and the import says so. A quote
    // found nowhere in the source is refused (issue 12, item 5).
    if (raw.quote !== undefined && raw.position !== undefined) {
      const { start, end } = raw.position;
      const quote = {
        exact: raw.quote.exact,
        prefix: raw.quote.prefix ?? '',
        suffix: raw.quote.suffix ?? '',
      };
      let given: ParsedAddressOf | null = null;
      if (raw.address !== undefined) {
        const parsed = parseAddress(raw.address);
        if (parsed === null)
          return fail(paths.address ?? paths.target, `"${raw.address}" is not a passage address`);
        if (parsed.source !== edition.id) {
          return fail(
            paths.address ?? paths.target,
            `the address "${raw.address}" names another source than the target ("${edition.id}")`,
          );
        }
        given = { address: raw.address, passage: findPassage(edition, raw.address) };
      }
      const quoteAtPosition =
        end <= edition.text.length && edition.text.slice(start, end) === raw.quote.exact;
      // The address agrees when it names a passage holding the span, or is what the model's
      // rule gives for it (a span across passages is addressed by where it starts).
      const addressHolds = (from: number, to: number): boolean => {
        if (given === null) return true;
        if (given.passage === null) return false;
        const span = spanOf(given.passage);
        if (span.start <= from && to <= span.end) return true;
        return (
          given.address === addressForRange(edition, from, to) ||
          given.address === addressOf(edition, from, to)
        );
      };
      if (quoteAtPosition && addressHolds(start, end)) {
        const address = given?.address ?? addressOf(edition, start, end);
        if (address === null)
          return fail(paths.target, `the source "${edition.id}" has no text to annotate`);
        return {
          ok: true,
          target: {
            source: edition.id,
            selectors: {
              quote,
              position: { start, end },
              address: address as Target['selectors']['address'],
            },
          },
        };
      }
      const found = quoteAtPosition
        ? { source: edition.id, start, end }
        : (ctx.locate?.(quote, { source: edition.id, position: raw.position }) ??
          nearestExact(edition, raw.quote.exact, start));
      if ((found === null || found.source !== edition.id) && ctx.keepUnplaced?.(edition.id)) {
        const kept = waitingTarget(raw, edition.id);
        return kept.ok ? { ...kept, unplaced: true } : kept;
      }
      if (found === null || found.source !== edition.id) {
        return fail(
          paths.position ?? paths.target,
          `the selectors disagree: the quoted text is not at the TextPositionSelector's place (${start}–${end}) in "${edition.id}", nor anywhere else in it`,
          'quote-missing',
        );
      }
      const target = fromEdition(edition, found.start, found.end);
      if (target === null)
        return fail(paths.target, `the source "${edition.id}" has no text to annotate`);
      const what = quoteAtPosition
        ? `its diptych:address "${raw.address}" does not hold the quoted text`
        : `its TextPositionSelector (${start}–${end}) does not hold the quoted text`;
      return {
        ok: true,
        target,
        rederived: `${what}; it was placed where the quote is, at ${target.selectors.address}`,
      };
    }
    if (raw.position !== undefined) {
      if (raw.position.end > edition.text.length) {
        return fail(
          paths.position ?? paths.target,
          `the TextPositionSelector ends at ${raw.position.end}, past the end of "${edition.id}" (${edition.text.length} characters)`,
        );
      }
      const target = fromEdition(edition, raw.position.start, raw.position.end);
      return target
        ? { ok: true, target }
        : fail(paths.target, `the source "${edition.id}" has no text to annotate`);
    }
    if (raw.quote !== undefined) {
      const quote = {
        exact: raw.quote.exact,
        prefix: raw.quote.prefix ?? '',
        suffix: raw.quote.suffix ?? '',
      };
      const found = ctx.locate?.(quote, { source: edition.id }) ?? null;
      if (found === null || found.source !== edition.id) {
        return fail(
          paths.quote ?? paths.target,
          `the quoted text is not in "${edition.id}"`,
          'quote-missing',
        );
      }
      const target = fromEdition(edition, found.start, found.end);
      return target
        ? { ok: true, target }
        : fail(paths.target, `the source "${edition.id}" has no text to annotate`);
    }
    return fail(
      paths.target,
      'the target has neither a TextQuoteSelector nor a TextPositionSelector, so it selects no passage',
    );
  }

  // Another tool's document: place it by its quote.
  if (raw.quote === undefined) {
    return fail(
      paths.target,
      raw.source === undefined
        ? 'the target names no source and quotes no text'
        : `unknown source "${raw.source}", and no TextQuoteSelector to find the passage by`,
    );
  }
  if (ctx.locate === undefined) {
    return fail(
      paths.source ?? paths.target,
      `unknown source "${raw.source ?? '(none)'}"`,
      'text-missing',
    );
  }
  const quote = {
    exact: raw.quote.exact,
    prefix: raw.quote.prefix ?? '',
    suffix: raw.quote.suffix ?? '',
  };
  const found = ctx.locate(quote, raw.position === undefined ? {} : { position: raw.position });
  const located = found === null ? undefined : byId(found.source);
  if (found === null || located === undefined) {
    return fail(
      paths.quote ?? paths.target,
      `unknown source "${raw.source ?? '(none)'}", and its quoted text ("${ellipsis(raw.quote.exact)}") is in none of Diptych's texts`,
      'text-missing',
    );
  }
  if (!(found.end > found.start) || found.end > located.text.length) {
    return fail(paths.quote ?? paths.target, `the quote was located outside "${located.id}"`);
  }
  const target = fromEdition(located, found.start, found.end);
  if (target === null)
    return fail(paths.target, `the source "${located.id}" has no text to annotate`);
  return raw.source === undefined
    ? { ok: true, target }
    : { ok: true, target, foreignDocument: raw.source };
}

/**
 * A target on a text this browser lacks, kept exactly as the file gives it:
 * quote, position and an address in that text are all required (our exports
 * always write them), since nothing can be checked against the text until it
 * is added — then the anchoring cascade places it, or lists it as unplaced.
 */
function waitingTarget(raw: RawTarget, source: string): Resolved {
  const { paths } = raw;
  if (raw.quote === undefined || raw.position === undefined || raw.address === undefined) {
    return fail(
      paths.target,
      `the source "${source}" is not in this browser, and a target waiting for it needs a TextQuoteSelector, a TextPositionSelector and a diptych:address`,
    );
  }
  const parsed = parseAddress(raw.address);
  if (parsed === null || parsed.source !== source) {
    return fail(
      paths.address ?? paths.target,
      `"${raw.address}" is not a passage address in "${source}"`,
    );
  }
  return {
    ok: true,
    target: {
      source: source as Target['source'],
      selectors: {
        quote: {
          exact: raw.quote.exact,
          prefix: raw.quote.prefix ?? '',
          suffix: raw.quote.suffix ?? '',
        },
        position: { start: raw.position.start, end: raw.position.end },
        address: raw.address as Target['selectors']['address'],
      },
    },
  };
}

/** A quote shortened for a message. */
function ellipsis(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
