/**
 * A source's own time, for resolving relative dates: the year of its
 * metadata (`issued`), with the metadata's evidence when that year is itself
 * inferred. A text without a year (a reader's own file) has none, and its
 * relative dates are left unresolved rather than guessed.
 */
import { sourceMetadata } from '../metadata.ts';
import type { ReferenceTime } from './date-rules.ts';

/** The reference time of a built-in source, or undefined. */
export function referenceTime(sourceId: string): ReferenceTime | undefined {
  const meta = sourceMetadata(sourceId);
  const year = meta?.csl.issued?.['date-parts']?.[0]?.[0];
  if (!meta || typeof year !== 'number') return undefined;
  const inferred = meta.inferred.find((i) => i.field === 'issued');
  return {
    year,
    evidence: inferred
      ? `itself inferred: ${inferred.evidence}`
      : `the source's date in its metadata`,
  };
}
