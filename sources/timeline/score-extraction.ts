/**
 * Precision and recall of extracted events against a hand-written list of
 * the dated expressions of a text (issue 17). An extracted event and a
 * listed expression match when they are in the same sentence, one
 * expression contains the other ("the mid-1990s" / "mid-1990s"), and they
 * name the same first and last year. Each listed expression matches at most
 * one event.
 *
 * What it is for: the timeline test and `npm run bench -- timeline`.
 */
import type { DatedEvent } from './dated-event.ts';

/** One hand-listed dated expression. */
export interface ListedExpression {
  readonly address: string;
  readonly expression: string;
  readonly from: number;
  readonly to: number;
  readonly relative?: boolean;
}

/** The comparison's result. */
export interface ExtractionScore {
  readonly precision: number;
  readonly recall: number;
  /** Extracted events matching no listed expression. */
  readonly spurious: readonly DatedEvent[];
  /** Listed expressions no event matched. */
  readonly missed: readonly ListedExpression[];
}

/** Scores `events` against `listed`. Pure. */
export function scoreExtraction(
  events: readonly DatedEvent[],
  listed: readonly ListedExpression[],
): ExtractionScore {
  const used = new Set<number>();
  const spurious: DatedEvent[] = [];
  for (const e of events) {
    const i = listed.findIndex(
      (l, k) =>
        !used.has(k) &&
        l.address === e.address &&
        (e.expression.includes(l.expression) || l.expression.includes(e.expression)) &&
        l.from === e.from.year &&
        l.to === e.to.year,
    );
    if (i === -1) spurious.push(e);
    else used.add(i);
  }
  const missed = listed.filter((_, k) => !used.has(k));
  const hits = used.size;
  return {
    precision: events.length ? hits / events.length : 1,
    recall: listed.length ? hits / listed.length : 1,
    spurious,
    missed,
  };
}
