/**
 * Our rules for dated expressions that chrono-node does not read (issue 17).
 * chrono-node reads full dates ("19 March 2007") and months with a year
 * ("September 1990"); it reads no bare year ("in 1999"), no decade, range
 * of years, month range or century. Each rule below is one regular
 * expression and one resolution, named in `DateMatch.by`:
 *
 * | rule            | matches                                   | span it names                               |
 * | --------------- | ----------------------------------------- | ------------------------------------------- |
 * | `decade`        | "the 1960s", "the early 1960s", "mid-1990s", "late 1980s" | the decade; early = years 0–3, mid = 4–6, late = 7–9 |
 * | `short-decade`  | "’70s", "'40s" after a full decade in the same sentence | that decade, in the century of the full one |
 * | `year-range`    | "1858-60", "1950-1953"                    | first to last year                          |
 * | `month-range`   | "Jul-Sep 2005"                            | first to last month                         |
 * | `century`       | "the 19th century"                        | 1800–1899                                   |
 * | `year`          | "1999", "post-1956", "around 1995", "the 1961 Treaty" | the year (1600–2099; not inside a URL) |
 * | `last-year`     | "last year"                               | the text's year − 1 (inferred)              |
 * | `last-month`    | "last November"                           | that month of the text's year − 1 (inferred) |
 * | `bare-month`    | "in November" (no year)                   | that month of the text's year − 1 (inferred) |
 * | `last-n-years`  | "over last 15 years"                      | the text's year − n to the text's year (inferred) |
 *
 * Relative rules need the text's own year (`ReferenceTime`); without one
 * they match nothing, since no date can be resolved. Every resolution they
 * make is marked inferred, with the rule and the evidence as its reason.
 *
 * What it is for: `extract-events.ts`. Not for: parsing dates a reader
 * types (chrono-node does that on its own).
 */
import type { DateKind, DatePoint, DatePrecision, DatedEvent } from './dated-event.ts';

/** The text's own time, against which relative dates resolve. */
export interface ReferenceTime {
  /** The year the text was written (possibly itself inferred). */
  readonly year: number;
  /** Why that year, quoted into every inferred reason. */
  readonly evidence: string;
}

/** One expression a rule found in a sentence. */
export interface DateMatch {
  readonly start: number;
  readonly end: number;
  readonly kind: DateKind;
  readonly precision: DatePrecision;
  readonly from: DatePoint;
  readonly to: DatePoint;
  readonly qualifier?: DatedEvent['qualifier'];
  readonly inferred?: { readonly reason: string };
  readonly by: string;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`;

/** Month number (1–12) of an English month name or its abbreviation. */
export function monthNumber(name: string): number {
  const lower = name.toLowerCase().replace(/\.$/, '');
  return MONTHS.findIndex((m) => m.startsWith(lower.slice(0, 3))) + 1;
}

const QUALIFIED: Record<'early' | 'mid' | 'late', readonly [number, number]> = {
  early: [0, 3],
  mid: [4, 6],
  late: [7, 9],
};

function decadeSpan(
  decade: number,
  qualifier: 'early' | 'mid' | 'late' | undefined,
): [DatePoint, DatePoint] {
  const [a, b] = qualifier ? QUALIFIED[qualifier] : [0, 9];
  return [{ year: decade + a }, { year: decade + b }];
}

/** Inside a URL or path ("details/2030", "stid=14"): not a date. */
function inUrl(text: string, start: number, end: number): boolean {
  const before = text.slice(0, start).split(/\s/).pop() ?? '';
  const after = text.slice(end).split(/\s/)[0] ?? '';
  return /[/=:]/.test(before) || /^[/=]/.test(after);
}

/** Every rule's matches in `text` (overlaps included; the caller keeps the longest). */
export function matchDateRules(text: string, reference?: ReferenceTime): DateMatch[] {
  const out: DateMatch[] = [];
  const push = (m: DateMatch) => {
    if (!inUrl(text, m.start, m.end)) out.push(m);
  };

  // decade, with an optional "the" and early/mid/late
  const decadeRe = /\b(?:the\s+)?(?:(early|mid|late)[-\s])?((?:1[6-9]|20)\d0)s\b/gi;
  const fullDecades: { at: number; decade: number }[] = [];
  for (const m of text.matchAll(decadeRe)) {
    const q = m[1]?.toLowerCase() as 'early' | 'mid' | 'late' | undefined;
    const decade = Number(m[2]);
    fullDecades.push({ at: m.index, decade });
    const [from, to] = decadeSpan(decade, q);
    push({
      start: m.index,
      end: m.index + m[0].length,
      kind: 'decade',
      precision: 'decade',
      from,
      to,
      ...(q ? { qualifier: q } : {}),
      by: 'rule:decade',
    });
  }

  // ’70s after a full decade in the same sentence
  for (const m of text.matchAll(/[’'](\d)0s\b/g)) {
    const previous = fullDecades.filter((d) => d.at < m.index).pop();
    if (!previous) continue;
    const decade = Math.floor(previous.decade / 100) * 100 + Number(m[1]) * 10;
    push({
      start: m.index,
      end: m.index + m[0].length,
      kind: 'decade',
      precision: 'decade',
      from: { year: decade },
      to: { year: decade + 9 },
      by: 'rule:short-decade',
    });
  }

  // 1858-60, 1950-1953
  for (const m of text.matchAll(/\b((?:1[6-9]|20)\d\d)\s?[-–]\s?(\d{4}|\d{2})\b(?![-–]?\s?\d)/g)) {
    const first = Number(m[1]);
    const last = m[2]!.length === 2 ? Math.floor(first / 100) * 100 + Number(m[2]) : Number(m[2]);
    if (last <= first) continue;
    push({
      start: m.index,
      end: m.index + m[0].length,
      kind: 'year-range',
      precision: 'year',
      from: { year: first },
      to: { year: last },
      by: 'rule:year-range',
    });
  }

  // Jul-Sep 2005
  const monthRange = new RegExp(
    `\\b(${MONTH})\\.?\\s?[-–]\\s?(${MONTH})\\.?\\s+((?:1[6-9]|20)\\d\\d)\\b`,
    'g',
  );
  for (const m of text.matchAll(monthRange)) {
    const year = Number(m[3]);
    push({
      start: m.index,
      end: m.index + m[0].length,
      kind: 'month-range',
      precision: 'month',
      from: { year, month: monthNumber(m[1]!) },
      to: { year, month: monthNumber(m[2]!) },
      by: 'rule:month-range',
    });
  }

  // the 19th century
  for (const m of text.matchAll(/\b(?:the\s+)?(1\d|20|21)(?:st|nd|rd|th)[-\s]century\b/gi)) {
    const start = (Number(m[1]) - 1) * 100;
    push({
      start: m.index,
      end: m.index + m[0].length,
      kind: 'century',
      precision: 'century',
      from: { year: start },
      to: { year: start + 99 },
      by: 'rule:century',
    });
  }

  // a year, with "around"/"post-" kept as a qualifier
  for (const m of text.matchAll(
    /\b(?:(around|post)[-\s])?((?:1[6-9]|20)\d\d)\b(?!s\b)(?![-–]\d)/gi,
  )) {
    const year = Number(m[2]);
    const q = m[1]?.toLowerCase() as 'around' | 'post' | undefined;
    push({
      start: m.index,
      end: m.index + m[0].length,
      kind: 'year',
      precision: 'year',
      from: { year },
      to: { year },
      ...(q ? { qualifier: q } : {}),
      by: 'rule:year',
    });
  }

  if (!reference) return out;
  const ref = reference.year;
  const because = (what: string) =>
    `${what}, resolved against the text's own year ${ref} (${reference.evidence})`;

  for (const m of text.matchAll(/\blast year\b/gi)) {
    push({
      start: m.index,
      end: m.index + m[0].length,
      kind: 'relative',
      precision: 'year',
      from: { year: ref - 1 },
      to: { year: ref - 1 },
      inferred: { reason: because(`"last year" is the year before the text was written`) },
      by: 'rule:last-year',
    });
  }
  for (const m of text.matchAll(new RegExp(`\\blast (${MONTH})\\b(?!\\.?\\s*\\d)`, 'g'))) {
    const month = monthNumber(m[1]!);
    push({
      start: m.index,
      end: m.index + m[0].length,
      kind: 'relative',
      precision: 'month',
      from: { year: ref - 1, month },
      to: { year: ref - 1, month },
      inferred: {
        reason: because(
          `"last ${m[1]}" is taken as the ${m[1]} of the year before the text was written, since only the text's year is known`,
        ),
      },
      by: 'rule:last-month',
    });
  }
  for (const m of text.matchAll(
    new RegExp(`\\b(?:in|last|this) (${MONTH})\\b(?!\\.?\\s*\\d)(?![-–])`, 'g'),
  )) {
    if (/^last/i.test(m[0])) continue; // handled above
    const month = monthNumber(m[1]!);
    push({
      start: m.index + m[0].indexOf(m[1]!),
      end: m.index + m[0].length,
      kind: 'relative',
      precision: 'month',
      from: { year: ref - 1, month },
      to: { year: ref - 1, month },
      inferred: {
        reason: because(
          `a month named without a year ("${m[0]}") is taken as the last ${m[1]} before the text was written; with only the text's year known, that is ${m[1]} of the year before`,
        ),
      },
      by: 'rule:bare-month',
    });
  }
  for (const m of text.matchAll(
    /\b(?:over|in|during|for) (?:the )?(?:last|past) (\d{1,3}) years\b/gi,
  )) {
    const n = Number(m[1]);
    push({
      start: m.index,
      end: m.index + m[0].length,
      kind: 'relative',
      precision: 'year',
      from: { year: ref - n },
      to: { year: ref },
      inferred: {
        reason: because(`"last ${n} years" counts back ${n} years from the text's year`),
      },
      by: 'rule:last-n-years',
    });
  }
  return out;
}
