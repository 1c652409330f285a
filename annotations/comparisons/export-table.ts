/**
 * Exports the Compare table (see `comparison-rows.ts`) as Markdown and as CSV,
 * each row with the paragraph addresses of both claims.
 *
 * What it is for: turning a (possibly filtered) table into text a reader can
 * paste into notes or open in a spreadsheet. What it is not for: the W3C
 * export of the comparisons themselves (that is `annotations/io/`; it keeps
 * every selector and round-trips, these formats do not).
 *
 * Security: quotes, paraphrases, topics and notes may be the reader's own
 * text. In Markdown every character with Markdown or HTML meaning is
 * backslash-escaped (CommonMark §2.4 allows escaping any ASCII punctuation),
 * so a note cannot inject a link, an image, raw HTML or break the table. In
 * CSV, fields follow RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180):
 * CRLF between records, a field with a comma, quote, CR or LF is quoted and
 * its quotes doubled. A field beginning with `=`, `+`, `-`, `@`, TAB or CR
 * would be run as a formula by spreadsheet programs (OWASP "CSV Injection"),
 * so it is prefixed with an apostrophe — a visible change, which is the
 * price of never executing a reader's text; nothing else is altered.
 */
import { sourceMetadata } from '../../sources/metadata.ts';
import type { SourceId } from '../../sources/edition.ts';
import {
  tableRows,
  type ComparisonRow,
  type ComparisonSide,
  type ComparisonTable,
} from './comparison-rows.ts';

/** Options shared by both exports. */
export interface TableExportOptions {
  /** Column labels per source; defaults to the built-in metadata's label (e.g. `Lankov (2007)`), else the source id. */
  readonly labels?: Readonly<Record<string, string>>;
}

function labelOf(source: SourceId, options: TableExportOptions): string {
  return options.labels?.[source] ?? sourceMetadata(source)?.label ?? source;
}

/**
 * ASCII punctuation that could start emphasis, code, a link or image (`[`),
 * raw HTML or an autolink (`<`), an entity (`&`), strikethrough (`~`) or end
 * a cell (`|`). Escaping `[` alone defuses links, so `(`, `)` and `!` stay
 * readable.
 */
const MARKDOWN_SPECIAL = /[\\`*_[\]<>|~&]/g;

/** Escapes text for a Markdown table cell: punctuation backslash-escaped, line breaks turned into spaces. */
export function escapeMarkdownCell(text: string): string {
  return text
    .replace(MARKDOWN_SPECIAL, (c) => `\\${c}`)
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .trim();
}

function markdownSide(s: ComparisonSide): string {
  const said = s.paraphrase === null ? '' : ` — ${escapeMarkdownCell(s.paraphrase)}`;
  return `“${escapeMarkdownCell(s.quote)}”${said} (${escapeMarkdownCell(s.address)})`;
}

function relationLabel(row: ComparisonRow): string {
  return row.curated ? row.relation : `${row.relation} (reader’s own)`;
}

/**
 * The table as Markdown: a heading per topic, then a table with one row per
 * comparison — left claim, relation, right claim, note. Each claim cell holds
 * the quote, the paraphrase and the paragraph address.
 */
export function comparisonsToMarkdown(
  table: ComparisonTable,
  options: TableExportOptions = {},
): string {
  const left = escapeMarkdownCell(labelOf(table.left, options));
  const right = escapeMarkdownCell(labelOf(table.right, options));
  const out: string[] = [`# Claim comparisons: ${left} and ${right}`, ''];
  if (table.groups.length === 0) out.push('No comparisons.', '');
  for (const group of table.groups) {
    out.push(`## ${escapeMarkdownCell(group.topic)}`, '');
    out.push(`| ${left} | Relation | ${right} | Note |`, '| --- | --- | --- | --- |');
    for (const row of group.rows) {
      out.push(
        `| ${markdownSide(row.left)} | ${relationLabel(row)} | ${markdownSide(row.right)} | ${escapeMarkdownCell(row.note ?? '')} |`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}

/** Characters that make spreadsheet programs evaluate a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field per RFC 4180, with formula-looking text defused (see the head comment). */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The CSV columns, in order. */
export const CSV_COLUMNS = [
  'topic',
  'relation',
  'curated',
  'left_source',
  'left_address',
  'left_quote',
  'left_paraphrase',
  'right_source',
  'right_address',
  'right_quote',
  'right_paraphrase',
  'note',
  'id',
] as const;

/**
 * The table as CSV (RFC 4180): a header row of `CSV_COLUMNS`, then one record
 * per comparison in table order, CRLF line ends, ending with a CRLF. The
 * source columns hold source ids and the address columns paragraph addresses,
 * so a spreadsheet can sort and join on them.
 */
export function comparisonsToCsv(table: ComparisonTable): string {
  const records: string[][] = [[...CSV_COLUMNS]];
  for (const row of tableRows(table)) {
    records.push([
      row.topic,
      row.relation,
      row.curated ? 'curated' : 'reader',
      row.left.source,
      row.left.address,
      row.left.quote,
      row.left.paraphrase ?? '',
      row.right.source,
      row.right.address,
      row.right.quote,
      row.right.paraphrase ?? '',
      row.note ?? '',
      row.id,
    ]);
  }
  return records.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
