/**
 * The "same period" signal of related passages (issue 17): two passages that
 * date what they say to overlapping years are more likely to speak of the
 * same development, whatever words they use — Winstanley-Chesters's "did
 * collapse" and Lankov's "dramatically changed" both about 1990–91.
 *
 * A passage's periods are the year spans of its dated expressions, as the
 * timeline extracts them (`sources/timeline/`: chrono-node plus documented
 * rules, relative dates resolved against the text's own year). Centuries
 * are left out: "the 19th century" overlaps any date of that century and
 * says nothing about which development is meant. The score of a pair of
 * passages is the best overlap of one span of each, measured as the
 * Jaccard index of their year sets (|overlap| / |union|, years inclusive):
 * 1 for the same year or span, small for a year inside a long span, 0
 * for disjoint spans. A passage with no dated expression scores 0 against
 * everything, so the signal ranks nothing for it (all candidates tie).
 *
 * The span shared by the best pair is the explanation ("same period:
 * 1990–91").
 *
 * What it is for: the `dates` signal of `related.ts`. Not for: saying two
 * passages date the same event (that is the reader's judgement; a
 * comparison records it).
 */
import type { DatedEvent } from '../timeline/dated-event.ts';

/** A span of whole years a passage dates something to. */
export interface YearSpan {
  /** First year (inclusive). */
  readonly from: number;
  /** Last year (inclusive). */
  readonly to: number;
}

/** How two passages' periods overlap. */
export interface TemporalOverlap {
  /** Best Jaccard index of a pair of spans, 0–1 (0: no shared year). */
  readonly score: number;
  /** The years the best pair shares, when there are some. */
  readonly shared?: YearSpan;
}

/** The year spans of dated events, centuries left out (see the head comment), duplicates merged. */
export function yearSpans(events: readonly DatedEvent[]): YearSpan[] {
  const seen = new Set<string>();
  const out: YearSpan[] = [];
  for (const e of events) {
    if (e.precision === 'century') continue;
    const span = { from: e.from.year, to: Math.max(e.from.year, e.to.year) };
    const key = `${span.from}-${span.to}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(span);
  }
  return out;
}

/** The best overlap between a span of `a` and a span of `b`. Pure. */
export function temporalOverlap(a: readonly YearSpan[], b: readonly YearSpan[]): TemporalOverlap {
  let best: TemporalOverlap = { score: 0 };
  for (const x of a)
    for (const y of b) {
      const from = Math.max(x.from, y.from);
      const to = Math.min(x.to, y.to);
      if (to < from) continue;
      const union = Math.max(x.to, y.to) - Math.min(x.from, y.from) + 1;
      const score = (to - from + 1) / union;
      if (score > best.score) best = { score, shared: { from, to } };
    }
  return best;
}

/** "1990", "1990–91", "1998–2001": a span as a reader writes it. */
export function formatYears(span: YearSpan): string {
  if (span.from === span.to) return String(span.from);
  const a = String(span.from);
  const b = String(span.to);
  return a.slice(0, 2) === b.slice(0, 2) ? `${a}–${b.slice(2)}` : `${a}–${b}`;
}
