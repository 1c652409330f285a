/**
 * Exports the sources' records as BibTeX, RIS or CSL-JSON, so a reader can
 * take them to a reference manager.
 *
 * BibTeX and RIS come from Citation.js (`@citation-js/plugin-bibtex`,
 * `@citation-js/plugin-ris`), not from string templates; CSL-JSON is the
 * records themselves (`exportRecord` in `records.ts`), which tests validate
 * against the official CSL-JSON schema.
 *
 * What each format loses, and what we do about it:
 *   - CSL's `circa` has no BibTeX or RIS field. Every record says in `note`
 *     (BibTeX `note`, RIS `N1`) that its year was inferred and why, so no
 *     export states an inferred year as a fact.
 *   - BibTeX has no newspaper-article type: Winstanley-Chesters becomes an
 *     `@article` with `journal = {The Conversation}` (the usual BibTeX
 *     practice) and reads back as `article-journal`.
 *   - RIS: Citation.js (0.8) maps the records to RIS tags, but its text
 *     output has two faults we work around by taking its tag objects
 *     (`format: 'object'`) and writing the `TAG  - value` lines ourselves:
 *     (1) a `NEWS` record's `AU` is mapped only to and from CSL `reporter`,
 *     which its RIS plugin cannot serialize, so a newspaper article's author
 *     silently disappears; we add `AU` from the author names, in the
 *     `Family, Given` form its other record types use; (2) it hard-wraps
 *     every value at 70 characters, mid-word, and reading the file back
 *     inserts a space at each break ("Soc hi"); we write each value on one
 *     line, as the RIS specification allows.
 *   - Dates, which Citation.js (0.8) writes in forms the formats' readers
 *     take badly, so we write them from the record's `date-parts`: BibTeX
 *     got `month = {mar 5}` (a day has no place in `month`: BibTeX's month
 *     is the macro `mar`, unbraced, and the day goes in `day`, which Zotero
 *     and Citation.js read back; biblatex's `date` would be the other way,
 *     but beside `year` it makes Biber warn) and `month = {3}` for a month
 *     alone; RIS got `2024/3/5/`, where the RIS specification's dates are
 *     `YYYY/MM/DD/` (two-digit month and day), and a `NEWS` record got no
 *     `DA` at all, only the year in `PY`, so a news article's day was lost.
 *   - Keys: every format carries the record's citation key
 *     (`citation-keys.ts`: `lankov2007russia`), as the BibTeX key, the RIS
 *     `ID` (written whole: Citation.js cuts it to 20 characters) and the
 *     CSL-JSON `citation-key`.
 *   - An incomplete record (`missing-fields.ts`) says what it lacks: an
 *     `@comment` before its BibTeX entry, an `N1` note in RIS (RIS has no
 *     comment syntax), `note` in CSL-JSON.
 *
 * Runs in Node and in the browser (Citation.js is pure JavaScript); load it
 * on demand, like citeproc. Not for: formatted bibliographies (`create-citer.ts`).
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { BUILTIN_SOURCES, type CslItem, type SourceMetadata } from '../metadata.ts';
import { citationKeys } from './citation-keys.ts';
import type { ExportFormat } from './export-formats.ts';
import { missingNote } from './missing-fields.ts';
import { exportRecord } from './records.ts';

/** A record as exported: with its citation key, and the missing-fields note if incomplete. */
interface Exported {
  readonly record: CslItem & { readonly 'citation-key': string };
  readonly missing: string | null;
}

/** BibTeX's month macros (unbraced, a style prints them in its language). */
const BIBTEX_MONTHS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
] as const;

/** The `[year, month?, day?]` of a record's date issued, if it has one. */
function issuedParts(record: CslItem): readonly number[] {
  return record.issued?.['date-parts'][0] ?? [];
}

/**
 * `entry` (one BibTeX entry as Citation.js writes it) with its `month` line written from the
 * record: `month = mar`, and the day, if any, as `day = {5}` after it (see the head comment).
 */
function bibtexMonthAndDay(entry: string, record: CslItem): string {
  const [, month, day] = issuedParts(record);
  const lines = entry.split('\n').filter((line) => !/^\s*month = /.test(line));
  const macro = month !== undefined ? BIBTEX_MONTHS[month - 1] : undefined;
  if (macro === undefined) return lines.join('\n');
  const added = [`\tmonth = ${macro},`, ...(day !== undefined ? [`\tday = {${day}},`] : [])];
  const year = lines.findIndex((line) => /^\s*year = /.test(line));
  // Citation.js writes `year` whenever there is a date; else before the closing brace.
  lines.splice(year >= 0 ? year + 1 : lines.length - 1, 0, ...added);
  return lines.join('\n');
}

/** BibTeX: Citation.js with our keys, each incomplete entry preceded by an `@comment` saying what it lacks. */
function toBibtex(exported: readonly Exported[]): string {
  return exported
    .map(({ record, missing }) => {
      const entry = bibtexMonthAndDay(
        new Cite([record]).format('bibtex', { format: 'text' }).trim(),
        record,
      );
      // BibTeX has no escape inside @comment{…}: keep braces out of it.
      return missing ? `@comment{${missing.replace(/[{}]/g, '')}}\n${entry}` : entry;
    })
    .join('\n\n');
}

/**
 * RIS tags that hold a date: `DA` date, `PY` year, `Y1` primary date, `Y2` access date, and
 * `M1`, where Citation.js puts an `ELEC` record's access date (only a value shaped as a date
 * is touched).
 */
const RIS_DATE_TAGS = new Set(['DA', 'PY', 'Y1', 'Y2', 'M1']);

/** A RIS date `2024/3/5/` as the specification writes it, `2024/03/05/`; any other value as it is. */
function risDate(tag: string, value: string): string {
  const m = /^(\d{4})\/(\d{0,2})\/(\d{0,2})\/(.*)$/.exec(value);
  if (!RIS_DATE_TAGS.has(tag) || !m) return value;
  const pad = (part: string) => (part === '' ? '' : part.padStart(2, '0'));
  return `${m[1]}/${pad(m[2]!)}/${pad(m[3]!)}/${m[4]}`;
}

/** RIS: Citation.js's tag mapping, written out one value per line (see the head comment). */
function toRis(exported: readonly Exported[]): string {
  const records = exported.map((e) => e.record);
  const entries = new Cite(records).format('ris', { format: 'object' }) as unknown as Record<
    string,
    string | string[]
  >[];
  return entries
    .map((entry, i) => {
      const { record, missing } = exported[i]!;
      const tags: [string, string][] = [];
      for (const [tag, value] of Object.entries(entry)) {
        if (tag === 'TY') continue;
        if (tag === 'ID') {
          tags.push(['ID', record['citation-key']]);
          continue;
        }
        for (const v of ([] as string[]).concat(value)) tags.push([tag, String(v)]);
      }
      if (missing) tags.push(['N1', missing]);
      if (entry.TY === 'NEWS' && !('AU' in entry)) {
        for (const a of record.author)
          tags.unshift(['AU', a.given ? `${a.family}, ${a.given}` : a.family]);
      }
      // A month or day that Citation.js left out of DA (a NEWS record's): from the record.
      const issued = issuedParts(record);
      if (issued.length > 1 && !tags.some(([tag]) => tag === 'DA')) {
        const at = tags.findIndex(([tag]) => tag === 'PY');
        const [year, month, day] = issued;
        tags.splice(at >= 0 ? at : tags.length, 0, ['DA', `${year}/${month}/${day ?? ''}/`]);
      }
      const lines = tags.map(
        ([tag, v]) => `${tag}  - ${risDate(tag, v.replace(/\s*\n\s*/g, ' '))}`,
      );
      return [`TY  - ${String(entry.TY)}`, ...lines, 'ER  - '].join('\n');
    })
    .join('\n');
}

/**
 * The records of `sources` (default: both built-in sources) in one file
 * format. Pure: same input, same output; ends with a newline.
 */
export function exportBibliography(
  format: ExportFormat,
  sources: readonly SourceMetadata[] = BUILTIN_SOURCES,
): string {
  const keys = citationKeys(sources);
  const exported: Exported[] = sources.map((meta) => ({
    record: { ...exportRecord(meta), 'citation-key': keys.get(meta.id)! },
    missing: missingNote(meta),
  }));
  switch (format) {
    case 'csl-json':
      return `${JSON.stringify(
        exported.map(({ record, missing }) =>
          missing ? { ...record, note: [record.note, missing].filter(Boolean).join(' ') } : record,
        ),
        null,
        2,
      )}\n`;
    case 'bibtex':
      return `${toBibtex(exported).trimEnd()}\n`;
    case 'ris':
      return `${toRis(exported)}\n`;
  }
}
