/**
 * Every dated expression of an edition, tied to its sentence (issue 17):
 * chrono-node (a maintained date parser) reads full dates and months with a
 * year; our documented rules (`date-rules.ts`) read years, ranges, decades,
 * centuries and dates relative to the text's own time. Where both match
 * overlapping text, the longer match wins ("19 March 2007" over "2007",
 * "Jul-Sep 2005" over chrono's "Sep 2005").
 *
 * Scope: every block except site chrome (so captions and the epigraph's
 * attribution count: "October 2014"), and every footnote (the dates of the
 * sources cited: "ITAR-TASS report, 19 March 2007").
 *
 * What it is for: the Timeline view and `diptych timeline`. Not for:
 * deciding what happened when; see `dated-event.ts`.
 */
import * as chrono from 'chrono-node';
import type { Edition, Sentence, SourceId } from '../edition.ts';
import type { DatedEvent } from './dated-event.ts';
import { matchDateRules, type DateMatch, type ReferenceTime } from './date-rules.ts';

/** Options for `extractEvents`. */
export interface ExtractOptions {
  /** The text's own time; without it relative dates ("last year") are not resolved. */
  readonly reference?: ReferenceTime;
}

/** chrono-node's matches that name at least a month and a year. */
function chronoMatches(text: string, reference?: ReferenceTime): DateMatch[] {
  // A fixed reference instant keeps the result independent of the clock.
  const instant = new Date(Date.UTC(reference?.year ?? 2000, 6, 1));
  const out: DateMatch[] = [];
  for (const r of chrono.en.GB.parse(text, instant)) {
    // Only dates that name their year: chrono's casual "today", "now", "yesterday" are not dated
    // events, and relative dates are resolved by our rules, which say they are inferred.
    if (!/\b\d{4}\b/.test(r.text)) continue;
    const s = r.start;
    // chrono keeps a leading preposition ("on 14 August 2007"); the expression starts at the date.
    const lead = /^(?:on|in|at|of)\s+/i.exec(r.text)?.[0].length ?? 0;
    if (!s.isCertain('year') || !s.isCertain('month')) continue;
    const year = s.get('year')!;
    const month = s.get('month')!;
    const day = s.isCertain('day') ? s.get('day')! : undefined;
    const point = day === undefined ? { year, month } : { year, month, day };
    out.push({
      start: r.index + lead,
      end: r.index + r.text.length,
      kind: day === undefined ? 'month' : 'full-date',
      precision: day === undefined ? 'month' : 'day',
      from: point,
      to: point,
      by: 'chrono-node',
    });
  }
  return out;
}

/** Longest first; a match overlapping one already kept is dropped. */
function keepLongest(matches: readonly DateMatch[]): DateMatch[] {
  const sorted = [...matches].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: DateMatch[] = [];
  for (const m of sorted) {
    if (kept.some((k) => m.start < k.end && k.start < m.end)) continue;
    kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** The dated expressions of one sentence. Pure. */
export function extractFromSentence(
  source: SourceId,
  sentence: Sentence,
  options: ExtractOptions = {},
): DatedEvent[] {
  const text = sentence.text;
  const matches = keepLongest([
    ...chronoMatches(text, options.reference),
    ...matchDateRules(text, options.reference),
  ]);
  return matches.map((m) => ({
    id: `${sentence.address}@${m.start}`,
    source,
    address: sentence.address,
    expression: text.slice(m.start, m.end),
    start: m.start,
    kind: m.kind,
    precision: m.precision,
    from: m.from,
    to: m.to,
    ...(m.qualifier ? { qualifier: m.qualifier } : {}),
    ...(m.inferred ? { inferred: m.inferred } : {}),
    sentence: text,
    by: m.by,
  }));
}

/** Every dated expression of `edition`, in reading order (blocks, then footnotes). Pure. */
export function extractEvents(edition: Edition, options: ExtractOptions = {}): DatedEvent[] {
  const parts = [...edition.blocks.filter((b) => b.role !== 'chrome'), ...edition.footnotes];
  return parts.flatMap((p) =>
    p.sentences.flatMap((s) => extractFromSentence(edition.id, s, options)),
  );
}
