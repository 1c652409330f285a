/**
 * The timeline's data: one dated expression of a text, tied to the sentence
 * that holds it, with the span of time it names.
 *
 * What it is for: `extract-events.ts` writes these, the Timeline view and
 * `diptych timeline` read them. What it is not for: asserting when an event
 * happened — an event is only what a sentence of the text dates, as the
 * text dates it (two texts may date one development differently).
 */
import type { Address, SourceId } from '../edition.ts';

/** How finely the expression names its time. */
export type DatePrecision = 'day' | 'month' | 'year' | 'decade' | 'century';

/** What kind of expression it is (for explanation and tests). */
export type DateKind =
  'full-date' | 'month' | 'year' | 'year-range' | 'month-range' | 'decade' | 'century' | 'relative';

/** A point in time as precise as the text gives it. */
export interface DatePoint {
  /** Four-digit year. */
  readonly year: number;
  /** 1–12 when the text gives a month. */
  readonly month?: number;
  /** 1–31 when the text gives a day. */
  readonly day?: number;
}

/** One dated expression in a text. */
export interface DatedEvent {
  /** Stable id: `<sentence address>@<offset in sentence>`. */
  readonly id: string;
  /** The source it is in. */
  readonly source: SourceId;
  /** The sentence holding it (`lankov-2007:10.1`, `lankov-2007:n2.1`). */
  readonly address: Address;
  /** The expression as written (`September 1990`, `the mid-1990s`). */
  readonly expression: string;
  /** Offset of the expression in the sentence's text. */
  readonly start: number;
  /** Kind of expression. */
  readonly kind: DateKind;
  /** How finely it dates. */
  readonly precision: DatePrecision;
  /** First moment of the span it names (inclusive). */
  readonly from: DatePoint;
  /** Last moment of the span it names (inclusive); equals `from` for a single day, month or year. */
  readonly to: DatePoint;
  /** `early`, `mid`, `late`, `around`, `from` (open-ended onwards), when the text qualifies the date. */
  readonly qualifier?: 'early' | 'mid' | 'late' | 'around' | 'from' | 'since' | 'after' | 'post';
  /** Set when the date was resolved against the text's own time rather than read off it. */
  readonly inferred?: {
    /** Why this resolution: the rule and the evidence. */
    readonly reason: string;
  };
  /** The sentence's text (for labels and the table). */
  readonly sentence: string;
  /** Which extractor found it: chrono-node, or one of our rules (named). */
  readonly by: string;
}
