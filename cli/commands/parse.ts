/** `diptych parse <file> [--summary] [--id <id>]`: any Markdown or plain-text file as an edition. */
import { readFile, stat } from 'node:fs/promises';
import type { Edition } from '../../sources/edition.ts';
import { parseEdition } from '../../sources/pipeline.ts';
import { MAX_TEXT_BYTES, decodeText } from '../../sources/read-text.ts';
import { sourceIdFromFileName } from '../../sources/source-id.ts';
import { CliError, parseFlags, type Command } from '../io.ts';

/** A readable table: address, role, first words. */
export function summaryTable(edition: Edition): string {
  const rows = [
    ...edition.blocks.map((b) => [b.address, b.role, b.text]),
    ...edition.footnotes.map((f) => [f.address, 'footnote', f.text]),
  ];
  const width = Math.max(...rows.map((r) => r[0]!.length), 'address'.length);
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

/** Parses a file and prints its edition (JSON, or a table with `--summary`). */
export const parse: Command = async (args, io) => {
  const { positional, flags } = parseFlags(args, {
    summary: 'boolean',
    id: 'string',
    lang: 'string',
  });
  const [file, extra] = positional;
  if (file === undefined || extra !== undefined)
    throw new CliError('usage: diptych parse <file> [--summary] [--id <id>] [--lang <bcp47>]', 2);
  let info;
  try {
    info = await stat(file);
  } catch {
    throw new CliError(`cannot read ${file}: no such file`);
  }
  if (!info.isFile()) throw new CliError(`cannot read ${file}: not a regular file`);
  if (info.size > MAX_TEXT_BYTES) {
    throw new CliError(
      `${file} is too large (${(info.size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_TEXT_BYTES / 1024 / 1024} MB)`,
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new CliError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'read error'}`,
    );
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new CliError(`${file} ${decoded.reason}`);
  const id = typeof flags.id === 'string' ? flags.id : sourceIdFromFileName(file);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id))
    throw new CliError(`invalid --id "${id}" (use lower-case letters, digits and hyphens)`, 2);
  const result = parseEdition(decoded.text, {
    id,
    lang: typeof flags.lang === 'string' ? flags.lang : 'en',
  });
  io.out(flags.summary ? summaryTable(result) : `${JSON.stringify(result, null, 2)}\n`);
  return 0;
};
