/** `diptych parse <file> [--summary] [--id <id>]`: any Markdown or plain-text file as an edition. */
import { readFile, stat } from 'node:fs/promises';
import { checkNesting, PARSE_TIME_LIMIT_MS } from '../../sources/check-nesting.ts';
import { decodeText, MAX_TEXT_BYTES } from '../../sources/read-text.ts';
import { sourceIdFromFileName } from '../../sources/source-id.ts';
import { CliError, parseFlags, type Command } from '../io.ts';
import { usageOf } from '../synopses.ts';
import { parseInThread } from '../parse-in-thread.ts';

export { summaryTable } from '../parse-job.ts';

/**
 * Parses a file and prints its edition (JSON, or a table with `--summary`).
 * The parse runs in a worker thread with a time limit (`--time-limit
 * <seconds>`, default `PARSE_TIME_LIMIT_MS`), after the same size, text and
 * nesting checks as the reader's **Add a text…** (`app/library/parse-text.ts`).
 */
export const parse: Command = async (args, io) => {
  const { positional, flags } = parseFlags(args, {
    summary: 'boolean',
    id: 'string',
    lang: 'string',
    'time-limit': 'string',
  });
  const [file, extra] = positional;
  if (file === undefined || extra !== undefined) throw new CliError(usageOf('parse'), 2);
  let limitMs = PARSE_TIME_LIMIT_MS;
  if (typeof flags['time-limit'] === 'string') {
    const seconds = Number(flags['time-limit']);
    if (!Number.isFinite(seconds) || seconds <= 0)
      throw new CliError(`invalid --time-limit "${flags['time-limit']}" (a number of seconds)`, 2);
    limitMs = seconds * 1000;
  }
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
  const id = typeof flags.id === 'string' ? flags.id : sourceIdFromFileName(file);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id))
    throw new CliError(`invalid --id "${id}" (use lower-case letters, digits and hyphens)`, 2);
  // The checks that need no parser are made here, at once: the worker thread starts by loading
  // the whole pipeline (a second or more), which a binary, empty or too deeply nested file should
  // not wait for. The thread gets the decoded text (the pipeline checks the nesting again).
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new CliError(`${file} ${decoded.reason}`);
  const nesting = checkNesting(decoded.text);
  if (nesting) throw new CliError(`${file} ${nesting.reason}`);
  const result = await parseInThread(
    {
      text: decoded.text,
      id,
      lang: typeof flags.lang === 'string' ? flags.lang : 'en',
      summary: flags.summary === true,
    },
    limitMs,
  );
  if ('timedOut' in result)
    throw new CliError(
      `${file} took longer than ${limitMs / 1000} s to parse and was stopped (--time-limit <seconds> sets the limit)`,
    );
  if (!result.ok) throw new CliError(`${file} ${result.reason}`);
  io.out(result.output);
  return 0;
};
