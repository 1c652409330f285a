/**
 * The timeline of dated expressions (issue 17). Re-exports the public
 * surface and nothing else.
 */
export type { DateKind, DatePoint, DatePrecision, DatedEvent } from './dated-event.ts';
export { matchDateRules, monthNumber, type DateMatch, type ReferenceTime } from './date-rules.ts';
export { extractEvents, extractFromSentence, type ExtractOptions } from './extract-events.ts';
export { referenceTime } from './reference-time.ts';
export { timelineLinks, type TimelineLink } from './timeline-links.ts';
export { eventsToCsv } from './events-csv.ts';
export {
  scoreExtraction,
  type ExtractionScore,
  type ListedExpression,
} from './score-extraction.ts';
