/**
 * `diptych bib [--format bibtex|ris|csl-json|text|html] [--style <id> | --style-file <path.csl>] [--set <source>:FIELD=value]…`:
 * the bibliography of both built-in sources, formatted in a style (text,
 * html; one entry per line, then any source the style leaves out, with the
 * reason) or exported as BibTeX, RIS or CSL-JSON. What an incomplete record
 * lacks goes to stderr (and into the export as a comment).
 */
import { parseArgs } from 'node:util';
import type { StyleSpec } from '../../sources/citation/create-citer.ts';
import { exportBibliography } from '../../sources/citation/export-bibliography.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../../sources/citation/export-formats.ts';
import { missingNote } from '../../sources/citation/missing-fields.ts';
import {
  applyRecordOverrides,
  parseAssignment,
  type RecordOverride,
} from '../../sources/citation/record-overrides.ts';
import { BUILTIN_SOURCES } from '../../sources/metadata.ts';
import { citerFor } from '../citer-cache.ts';
import { CliError, type Command } from '../io.ts';
import { usageOf } from '../synopses.ts';
import { formatEntry, parseStyleFlag, readStyleFile } from './cite.ts';

const FORMATS = [...EXPORT_FORMATS, 'text', 'html'] as const;

const USAGE = usageOf('bib');

function parse(args: readonly string[]) {
  const options = {
    style: { type: 'string' },
    'style-file': { type: 'string' },
    format: { type: 'string' },
    set: { type: 'string', multiple: true },
  } as const;
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    const known = Object.keys(options).map((k) => `--${k}`);
    // Node's wording ("Unknown option '--x'. To specify a positional…") is long: keep its first clause.
    const unknown = /^Unknown option '([^']+)'/.exec(message);
    const said = unknown ? `unknown option ${unknown[1]}` : message.replace(/\.$/, '');
    throw new CliError(`${said} (valid: ${known.join(', ')})`, 2);
  }
}

/** `<source>:FIELD=value` assignments → overrides per source. */
function overridesFrom(assignments: readonly string[]): Record<string, RecordOverride> {
  const ids = BUILTIN_SOURCES.map((s) => s.id as string);
  const out: Record<string, Record<string, string>> = {};
  for (const assignment of assignments) {
    const colon = assignment.indexOf(':');
    const eq = assignment.indexOf('=');
    const source = colon !== -1 && (eq === -1 || colon < eq) ? assignment.slice(0, colon) : '';
    if (!ids.includes(source)) {
      throw new CliError(
        `--set ${JSON.stringify(assignment)}: say whose record, as <source>:FIELD=value (sources: ${ids.join(', ')})`,
        2,
      );
    }
    try {
      const [field, value] = parseAssignment(assignment.slice(colon + 1));
      (out[source] ??= {})[field] = value;
    } catch (error) {
      throw new CliError(error instanceof Error ? error.message : String(error), 2);
    }
  }
  return out;
}

/** Prints the bibliography. */
export const bib: Command = async (args, io) => {
  const { positionals, values } = parse(args);
  if (positionals.length > 0) throw new CliError(USAGE, 2);
  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new CliError(
      `unknown format ${JSON.stringify(format)} (valid: ${FORMATS.join(', ')})`,
      2,
    );
  }
  if (values.style !== undefined && values['style-file'] !== undefined) {
    throw new CliError('give --style or --style-file, not both', 2);
  }
  const sources = applyRecordOverrides(BUILTIN_SOURCES, overridesFrom(values.set ?? []));
  const notes = () => {
    for (const meta of sources) {
      const note = missingNote(meta);
      if (note) io.err(`note: ${note}\n`);
    }
  };
  if (format !== 'text' && format !== 'html') {
    if (values.style !== undefined || values['style-file'] !== undefined) {
      throw new CliError(
        `--style applies to --format text or html, not ${format} (an export holds the records, not a style)`,
        2,
      );
    }
    notes();
    io.out(exportBibliography(format as ExportFormat, sources));
    return 0;
  }
  const spec: StyleSpec =
    values['style-file'] !== undefined
      ? await readStyleFile(values['style-file'])
      : parseStyleFlag(values.style);
  let citer;
  try {
    citer = await citerFor(spec, sources);
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message.split('\n')[0]! : String(error));
  }
  notes();
  if (citer.style.localeNote) io.err(`note: ${citer.style.localeNote}\n`);
  io.out(
    `${citer
      .bibliography()
      .map((entry) => formatEntry(entry, format))
      .join('\n')}\n`,
  );
  return 0;
};
