/**
 * The work of `diptych parse`, as a pure function from the file's text to
 * what the command prints (or why it cannot). It runs in a worker thread
 * (`parse-thread.js`) so the command can stop it when the time limit
 * passes; printing the result there also saves cloning a large edition back.
 */
import type { Edition } from '../sources/edition.ts';
import { editionFromText } from '../sources/edition-from-text.ts';

/** What the worker is given. */
export interface ParseJob {
  /** The file's text, decoded and checked by the command (`decodeText`). */
  readonly text: string;
  readonly id: string;
  readonly lang: string;
  readonly summary: boolean;
}

/** What the worker sends back: the output, or the reason (reads after the file's name). */
export type ParseJobResult =
  { readonly ok: true; readonly output: string } | { readonly ok: false; readonly reason: string };

/** A readable table: address, role, first words. */
export function summaryTable(edition: Edition): string {
  const rows = [
    ...edition.blocks.map((b) => [b.address, b.role, b.text]),
    ...edition.footnotes.map((f) => [f.address, 'footnote', f.text]),
  ];
  let width = 'address'.length;
  for (const row of rows) width = Math.max(width, row[0]!.length);
  const firstWords = (text: string): string => {
    const flat = text.replace(/\s+/g, ' ');
    return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
  };
  const lines = [`${'address'.padEnd(width)}  ${'role'.padEnd(11)}  first words`];
  for (const [address, role, text] of rows)
    lines.push(`${address!.padEnd(width)}  ${role!.padEnd(11)}  ${firstWords(text!)}`);
  lines.push(
    '',
    `${edition.blocks.filter((b) => b.n !== undefined).length} numbered paragraphs, ${edition.footnotes.length} footnotes`,
  );
  return `${lines.join('\n')}\n`;
}

/** Parses the job's text and renders the command's output. */
export function runParseJob(job: ParseJob): ParseJobResult {
  const result = editionFromText(job.text, { id: job.id, lang: job.lang });
  if (!result.ok) return result;
  return {
    ok: true,
    output: job.summary
      ? summaryTable(result.edition)
      : `${JSON.stringify(result.edition, null, 2)}\n`,
  };
}
