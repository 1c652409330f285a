/**
 * `diptych bib [--format bibtex|ris|csl-json|text|html] [--style <id>]`: the
 * bibliography of both built-in sources, formatted in a style (text, html;
 * one entry per line, then any source the style leaves out, with the reason)
 * or exported as BibTeX, RIS or CSL-JSON.
 */
import { createCiter } from '../../sources/citation/create-citer.ts';
import { exportBibliography } from '../../sources/citation/export-bibliography.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../../sources/citation/export-formats.ts';
import { nodeCslLoader } from '../../sources/citation/node-csl-loader.ts';
import { CliError, parseFlags, type Command } from '../io.ts';
import { formatEntry, parseStyleFlag } from './cite.ts';

const FORMATS = [...EXPORT_FORMATS, 'text', 'html'] as const;

/** Prints the bibliography. */
export const bib: Command = async (args, io) => {
  const { positional, flags } = parseFlags(args, { style: 'string', format: 'string' });
  if (positional.length > 0) {
    throw new CliError(
      'usage: diptych bib [--format bibtex|ris|csl-json|text|html] [--style <id>]',
      2,
    );
  }
  const format = flags.format ?? 'text';
  if (typeof format !== 'string' || !(FORMATS as readonly string[]).includes(format)) {
    throw new CliError(
      `unknown format ${JSON.stringify(format)} (valid: ${FORMATS.join(', ')})`,
      2,
    );
  }
  if (format !== 'text' && format !== 'html') {
    if (flags.style !== undefined) {
      throw new CliError(
        `--style applies to --format text or html, not ${format} (an export holds the records, not a style)`,
        2,
      );
    }
    io.out(exportBibliography(format as ExportFormat));
    return 0;
  }
  const citer = await createCiter(parseStyleFlag(flags.style), nodeCslLoader);
  io.out(
    `${citer
      .bibliography()
      .map((entry) => formatEntry(entry, format))
      .join('\n')}\n`,
  );
  return 0;
};
