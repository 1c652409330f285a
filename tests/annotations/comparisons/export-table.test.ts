import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  comparisonRows,
  filterComparisons,
} from '../../../annotations/comparisons/comparison-rows.ts';
import {
  comparisonsToCsv,
  comparisonsToMarkdown,
  csvField,
  escapeMarkdownCell,
} from '../../../annotations/comparisons/export-table.ts';
import { AnnotationSchema } from '../../../annotations/model/annotation.ts';
import type { SourceId } from '../../../sources/edition.ts';
import { golden } from '../../helpers/golden.ts';

const fixtureUrl = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);
const annotations = (
  JSON.parse(readFileSync(fixtureUrl('small-table.json'), 'utf8')) as unknown[]
).map((a) => AnnotationSchema.parse(a));
const table = comparisonRows(annotations, [
  { id: 'winstanley-chesters-2015' as SourceId },
  { id: 'lankov-2007' as SourceId },
]);

/** Compares with a pinned expectation; `UPDATE=1` rewrites it (review the diff). */
function expectPinned(actual: string, name: string): void {
  expect(actual).toBe(golden(fixtureUrl(name), actual));
}

describe('comparisonsToMarkdown', () => {
  it('matches the pinned output (a table per topic, paragraph addresses, the reader’s own marked)', () => {
    expectPinned(comparisonsToMarkdown(table), 'small-table.md');
  });

  it('says so when a filter leaves nothing', () => {
    const empty = filterComparisons(table, { relations: ['agrees'] });
    expect(comparisonsToMarkdown(empty)).toContain('No comparisons.');
  });

  it('takes column labels from the caller', () => {
    const md = comparisonsToMarkdown(table, {
      labels: { 'lankov-2007': 'Right', 'winstanley-chesters-2015': 'Left' },
    });
    expect(md).toContain('| Left | Relation | Right | Note |');
  });
});

describe('comparisonsToCsv', () => {
  it('matches the pinned output (RFC 4180: CRLF, quoted fields, doubled quotes)', () => {
    expectPinned(comparisonsToCsv(table), 'small-table.csv');
  });

  it('has one record per row plus the header, each with the same number of fields', () => {
    const csv = comparisonsToCsv(table);
    expect(csv.endsWith('\r\n')).toBe(true);
    // Parse it back with the RFC 4180 grammar to prove the quoting round-trips.
    const records = parseCsv(csv);
    expect(records).toHaveLength(3);
    expect(new Set(records.map((r) => r.length))).toEqual(new Set([13]));
    expect(records[2]![11]).toBe(`'${annotations[0]!.link!.note}`);
    expect(records[2]![6]).toBe('W-C: a visit is due, soon');
  });
});

describe('when it fails (hostile text)', () => {
  it('Markdown: a note cannot inject HTML, links, emphasis or extra cells', () => {
    const cell = escapeMarkdownCell('<script>x</script> [a](javascript:b) *c* | d & e\nf');
    expect(cell).toBe('\\<script\\>x\\</script\\> \\[a\\](javascript:b) \\*c\\* \\| d \\& e f');
    expect(cell).not.toMatch(/(^|[^\\])[<[*|&]/);
  });

  it('CSV: formula-looking fields are defused, others left as they are', () => {
    for (const f of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx'])
      expect(csvField(f).replace(/^"/, '')).toMatch(/^'/);
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField('plain – text')).toBe('plain – text');
    expect(csvField('')).toBe('');
  });
});

describe('properties', () => {
  /** Characters with Markdown, HTML or table meaning, white space of every kind, and ordinary text. */
  const tricky = fc.oneof(
    fc.constantFrom(
      ...'\\`*_[]<>|~&()!#+-=@"\',.:;'.split(''),
      '\n',
      '\r',
      '\t',
      ' ',
      '\u00a0',
      '\u2028',
    ),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  );

  it('CSV: any field reads back unchanged (apostrophe aside) through a strict RFC 4180 reader', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: tricky }), { minLength: 1, maxLength: 5 }),
        (fields) => {
          const record = `${fields.map(csvField).join(',')}\r\n`;
          const expected = fields.map((f) => (/^[=+\-@\t\r]/.test(f) ? `'${f}` : f));
          expect(parseCsv(record)).toEqual([expected]);
        },
      ),
    );
  });

  it('Markdown: no text can end a cell, start a line, or leave an unescaped special character', () => {
    fc.assert(
      fc.property(fc.string({ unit: tricky }), (text) => {
        const cell = escapeMarkdownCell(text);
        expect(cell).not.toMatch(/[\r\n]/);
        expect(cell.replace(/\\./g, '')).not.toMatch(/[\\`*_[\]<>|~&]/);
      }),
    );
  });
});

/** A strict RFC 4180 reader, for the test only. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else if (i >= text.length) throw new Error('unterminated quoted field');
        else field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n')
          throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
        field += text[i++];
      }
    }
    record.push(field);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
    } else if (i < text.length) throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  if (record.length) records.push(record);
  return records;
}
