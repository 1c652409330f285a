/**
 * `diptych cite <address> [--style <id>] [--format text|html] [--quote] [--short]`:
 * the in-text citation or first note for a passage on the first line (with
 * `--quote`: the quoted passage followed by its citation; with `--short`, in
 * a notes style: the short subsequent note), then a blank line and the
 * source's bibliography entry (or why the style has none).
 *
 * The address is checked against the built-in edition, so a sentence or
 * paragraph that does not exist is an error, not a citation to nowhere.
 */
import { findPassage, parseAddress, passageText } from '../../sources/address.ts';
import { builtinEdition } from '../../sources/builtin.ts';
import { citePassage } from '../../sources/citation/cite-passage.ts';
import { createCiter, type BibliographyEntry } from '../../sources/citation/create-citer.ts';
import { nodeCslLoader } from '../../sources/citation/node-csl-loader.ts';
import { escapeHtml } from '../../sources/citation/quote-with-citation.ts';
import { DEFAULT_STYLE, STYLES, parseStyleId } from '../../sources/citation/styles.ts';
import type { Edition } from '../../sources/edition.ts';
import { BUILTIN_SOURCES } from '../../sources/metadata.ts';
import { CliError, parseFlags, type Command } from '../io.ts';

/** Output formats of `cite` and the text form of `bib`. */
export const TEXT_FORMATS = ['text', 'html'] as const;

/** Parses `--format` for citations: `text` or `html`. */
export function parseTextFormat(value: string | boolean | undefined): 'text' | 'html' {
  if (value === undefined) return 'text';
  if (value === 'text' || value === 'html') return value;
  throw new CliError(
    `unknown format ${JSON.stringify(value)} (valid: ${TEXT_FORMATS.join(', ')})`,
    2,
  );
}

/** Parses `--style`; defaults to APA. */
export function parseStyleFlag(value: string | boolean | undefined) {
  if (value === undefined) return DEFAULT_STYLE;
  try {
    return parseStyleId(value);
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error), 2);
  }
}

/** A bibliography entry, or the bracketed reason there is none, in one format. */
export function formatEntry(entry: BibliographyEntry, format: 'text' | 'html'): string {
  if (entry.kind === 'entry') return format === 'html' ? entry.html : entry.text;
  const note = `[not in the bibliography: ${entry.reason}]`;
  return format === 'html' ? escapeHtml(note) : note;
}

/** What an edition has, for the "no such passage" message. */
function extent(edition: Edition): string {
  const numbers = edition.blocks.flatMap((b) => (b.n === undefined ? [] : [b.n]));
  const parts = [`paragraphs ${Math.min(...numbers)}–${Math.max(...numbers)}`];
  const notes = edition.footnotes.map((f) => f.n);
  parts.push(
    notes.length ? `footnotes n${Math.min(...notes)}–n${Math.max(...notes)}` : 'no footnotes',
  );
  return parts.join(', ');
}

/** Prints the citation of one passage. */
export const cite: Command = async (args, io) => {
  const { positional, flags } = parseFlags(args, {
    style: 'string',
    format: 'string',
    quote: 'boolean',
    short: 'boolean',
  });
  const [address, extra] = positional;
  if (address === undefined || extra !== undefined) {
    throw new CliError(
      'usage: diptych cite <address> [--style <id>] [--format text|html] [--quote] [--short]',
      2,
    );
  }
  const style = parseStyleFlag(flags.style);
  const format = parseTextFormat(flags.format);
  const parsed = parseAddress(address);
  if (!parsed) {
    throw new CliError(
      `not an address: ${JSON.stringify(address)} (expected e.g. lankov-2007:12, lankov-2007:12.3, lankov-2007:12-13 or lankov-2007:n5)`,
    );
  }
  const edition = builtinEdition(parsed.source);
  if (!edition) {
    throw new CliError(
      `unknown source "${parsed.source}" (valid: ${BUILTIN_SOURCES.map((s) => s.id).join(', ')})`,
    );
  }
  const passage = findPassage(edition, address);
  if (!passage)
    throw new CliError(`no passage ${address.trim()} in ${edition.id} (it has ${extent(edition)})`);
  const descriptor = STYLES.find((s) => s.id === style)!;
  if (flags.short && descriptor.kind !== 'note') {
    throw new CliError(
      `--short is for notes styles (valid: ${STYLES.filter((s) => s.kind === 'note')
        .map((s) => s.id)
        .join(', ')})`,
      2,
    );
  }

  const citer = await createCiter(style, nodeCslLoader);
  const result = citePassage(citer, {
    address,
    ...(flags.quote ? { quote: passageText(passage) } : {}),
  });
  const first = flags.short ? result.subsequentNote! : result.citation;
  const head = result.quoted ?? first;
  io.out(
    `${format === 'html' ? head.html : head.text}\n\n${formatEntry(result.bibliography, format)}\n`,
  );
  return 0;
};
