/**
 * The timeline's events as CSV (RFC 4180: comma-separated, CRLF line ends,
 * fields quoted when they hold a comma, quote or line break), one row per
 * event, for the Timeline view's export and anyone's spreadsheet.
 */
import type { DatePoint, DatedEvent } from './dated-event.ts';

const COLUMNS = [
  'source',
  'address',
  'expression',
  'from',
  'to',
  'precision',
  'qualifier',
  'inferred',
  'reason',
  'sentence',
] as const;

/** `1990`, `1990-09`, `1990-09-01`. */
export function formatPoint(p: DatePoint): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return p.day !== undefined
    ? `${p.year}-${pad(p.month!)}-${pad(p.day)}`
    : p.month !== undefined
      ? `${p.year}-${pad(p.month)}`
      : String(p.year);
}

function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The events as RFC 4180 CSV with a header row. Pure. */
export function eventsToCsv(events: readonly DatedEvent[]): string {
  const rows = events.map((e) => [
    e.source,
    e.address,
    e.expression,
    formatPoint(e.from),
    formatPoint(e.to),
    e.precision,
    e.qualifier ?? '',
    e.inferred ? 'yes' : 'no',
    e.inferred?.reason ?? '',
    e.sentence,
  ]);
  return (
    [COLUMNS as readonly string[], ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n'
  );
}
