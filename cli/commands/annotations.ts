/**
 * `diptych annotations <file> [--digest | --w3c]`: checks an annotation file
 * the way the reader's Import button does (W3C JSON-LD or Hypothesis API
 * JSON, against the built-in texts, all or nothing) and prints what importing
 * it would do as JSON; or, with `--digest`, its Markdown digest; or, with
 * `--w3c`, the annotations as Diptych's W3C export (converting a Hypothesis
 * file). A file that would import nothing is a one-line error: what is
 * wrong and what to do in plain words, then the details, naming where in the
 * file the first problem is.
 */
import { readFile, stat } from 'node:fs/promises';
import {
  importAnnotations,
  importFileSizeCheck,
  importStatus,
  type ImportOutcome,
} from '../../annotations/io/import-annotations.ts';
import { locateInEditions } from '../../annotations/io/locate-in-editions.ts';
import { markdownDigest } from '../../annotations/io/markdown-digest.ts';
import { serializeW3cCollection } from '../../annotations/io/w3c-export.ts';
import { builtinEditions } from '../../sources/builtin.ts';
import { CliError, parseFlags, type Command } from '../io.ts';
import { usageOf } from '../synopses.ts';

const USAGE = usageOf('annotations');

/**
 * A refused file's one line: the plain advice first (what is wrong, what to
 * do), then the technical detail (JSON path, parser message) for whoever
 * repairs the file.
 */
function refusal(outcome: ImportOutcome): string {
  if (outcome.advice === undefined) return outcome.summary;
  return `${outcome.advice} Details: ${outcome.summary.replace(/^Nothing was imported: /, '')}`;
}

/** Checks, digests or converts an annotation file. */
export const annotations: Command = async (args, io) => {
  const { positional, flags } = parseFlags(args, { digest: 'boolean', w3c: 'boolean' });
  const [file, extra] = positional;
  if (file === undefined || extra !== undefined) throw new CliError(USAGE, 2);
  if (flags.digest && flags.w3c) throw new CliError('choose one of --digest and --w3c', 2);
  let text: string;
  try {
    const tooLarge = importFileSizeCheck((await stat(file)).size);
    if (tooLarge !== null) throw new CliError(`${file}: ${refusal(tooLarge)}`);
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot read (${code ?? 'error'})`,
    );
  }
  const editions = builtinEditions();
  const outcome = importAnnotations(text, {
    existing: [],
    editions,
    locate: locateInEditions(editions),
  });
  if (!outcome.ok) throw new CliError(`${file}: ${refusal(outcome)}`);
  if (flags.digest) io.out(markdownDigest(outcome.annotations));
  else if (flags.w3c) io.out(serializeW3cCollection(outcome.annotations));
  else
    io.out(
      // A check imports nothing: its summary says what importing would do.
      `${JSON.stringify({ format: outcome.format, summary: importStatus(outcome, 'check'), results: outcome.results }, null, 2)}\n`,
    );
  return 0;
};
