/**
 * `diptych cite <address>… [options]`: the citation of one or more passages
 * (several addresses make one citation, sorted and disambiguated by the
 * style) on the first line, then a blank line and each cited source's
 * bibliography entry (or why the style has none). On stderr: what an
 * incomplete record lacks, a declared paragraph count, a locale fallback.
 *
 * Options: `--style <id>` or `--style-file <path.csl>`; `--format
 * text|html|pandoc|latex`; `--pinpoint paragraph|section|none` (the style's
 * default otherwise, see `sources/citation/pinpoint.ts`); `--narrative`;
 * `--prefix <text>`, `--suffix <text>`; `--quote`; `--short` (notes styles);
 * `--set FIELD=value` (repeatable; `<source>:FIELD=value` when passages of
 * both sources are cited) to complete a record for this run.
 *
 * Every address is checked against the built-in edition, so a passage that
 * does not exist is an error, not a citation to nowhere.
 */
import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { findPassage, parseAddress, passageText } from '../../sources/address.ts';
import { builtinEdition } from '../../sources/builtin.ts';
import {
  type BibliographyEntry,
  type CiteItemRequest,
  type StyleSpec,
} from '../../sources/citation/create-citer.ts';
import { locatorFor } from '../../sources/citation/locator.ts';
import { parsePinpointMode, sectionPlace } from '../../sources/citation/pinpoint.ts';
import { escapeHtml, quoteWithCitation } from '../../sources/citation/quote-with-citation.ts';
import {
  applyRecordOverrides,
  parseAssignment,
  type RecordOverride,
} from '../../sources/citation/record-overrides.ts';
import { MAX_STYLE_BYTES, parseStyleFile } from '../../sources/citation/style-file.ts';
import { DEFAULT_STYLE, STYLES, parseStyleId } from '../../sources/citation/styles.ts';
import type { Edition } from '../../sources/edition.ts';
import { BUILTIN_SOURCES } from '../../sources/metadata.ts';
import { citerFor } from '../citer-cache.ts';
import { CliError, type Command } from '../io.ts';
import { usageOf } from '../synopses.ts';

/** Output formats of `cite` and the text form of `bib`. */
export const TEXT_FORMATS = ['text', 'html'] as const;

/** Output formats of `cite`. */
export const CITE_FORMATS = ['text', 'html', 'pandoc', 'latex'] as const;

const USAGE = usageOf('cite');

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

/** Reads and checks `--style-file`; a bad file is a one-line error naming what is wrong. */
export async function readStyleFile(path: string): Promise<StyleSpec> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new CliError(`cannot read style file ${path}: no such file`);
  }
  if (size > MAX_STYLE_BYTES) {
    throw new CliError(`${path} is larger than 2 MB; a CSL style is much smaller`);
  }
  const xml = await readFile(path, 'utf8');
  try {
    return parseStyleFile(xml, path);
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error));
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

/** Parses the arguments with `util.parseArgs`; a bad option is a usage error naming the valid ones. */
function parse(args: readonly string[]) {
  const options = {
    style: { type: 'string' },
    'style-file': { type: 'string' },
    format: { type: 'string' },
    pinpoint: { type: 'string' },
    narrative: { type: 'boolean' },
    prefix: { type: 'string' },
    suffix: { type: 'string' },
    quote: { type: 'boolean' },
    short: { type: 'boolean' },
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

/** Checks one address against its edition; returns the citation item for it. */
function itemFor(address: string): CiteItemRequest & { readonly edition: Edition } {
  const parsed = parseAddress(address);
  const reversed = /^([a-z0-9-]+):(\d+)-(\d+)$/.exec(address.trim());
  if (!parsed && reversed && Number(reversed[2]) > Number(reversed[3])) {
    throw new CliError(
      `the range ${address.trim()} is reversed: write the first paragraph first (${reversed[1]}:${reversed[3]}-${reversed[2]})`,
    );
  }
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
  if (!passage) {
    throw new CliError(`no passage ${address.trim()} in ${edition.id} (it has ${extent(edition)})`);
  }
  const locator = locatorFor(parsed);
  const section =
    parsed.kind === 'paragraph' || parsed.kind === 'sentence'
      ? sectionPlace(edition, parsed.n)
      : parsed.kind === 'range'
        ? sectionPlace(edition, parsed.from, parsed.to)
        : undefined;
  return {
    source: parsed.source,
    edition,
    ...(locator ? { locator } : {}),
    ...(section ? { section } : {}),
  };
}

/** `--set` values → overrides per source. */
function overridesFrom(
  assignments: readonly string[],
  cited: readonly string[],
): Record<string, RecordOverride> {
  const out: Record<string, Record<string, string>> = {};
  for (const assignment of assignments) {
    const eq = assignment.indexOf('=');
    const key = eq === -1 ? assignment : assignment.slice(0, eq);
    const colon = key.indexOf(':');
    let source: string;
    let rest = assignment;
    if (colon !== -1) {
      source = key.slice(0, colon);
      rest = assignment.slice(colon + 1);
      if (!cited.includes(source)) {
        throw new CliError(
          `--set ${JSON.stringify(assignment)}: ${source} is not cited here (cited: ${cited.join(', ')})`,
          2,
        );
      }
    } else if (cited.length === 1) {
      source = cited[0]!;
    } else {
      throw new CliError(
        `--set ${JSON.stringify(assignment)}: passages of ${cited.join(' and ')} are cited; say whose record, e.g. --set ${cited[0]}:${assignment}`,
        2,
      );
    }
    try {
      const [field, value] = parseAssignment(rest);
      (out[source] ??= {})[field] = value;
    } catch (error) {
      throw new CliError(error instanceof Error ? error.message : String(error), 2);
    }
  }
  return out;
}

/** Prints the citation of one or more passages. */
export const cite: Command = async (args, io) => {
  const { positionals, values } = parse(args);
  if (positionals.length === 0) throw new CliError(USAGE, 2);
  if (values.style !== undefined && values['style-file'] !== undefined) {
    throw new CliError('give --style or --style-file, not both', 2);
  }
  const format = values.format ?? 'text';
  if (!(CITE_FORMATS as readonly string[]).includes(format)) {
    throw new CliError(
      `unknown format ${JSON.stringify(format)} (valid: ${CITE_FORMATS.join(', ')})`,
      2,
    );
  }
  const items = positionals.map(itemFor);
  const cited = [...new Set(items.map((i) => i.source))];
  const overrides = overridesFrom(values.set ?? [], cited);
  const spec: StyleSpec =
    values['style-file'] !== undefined
      ? await readStyleFile(values['style-file'])
      : parseStyleFlag(values.style);
  const styleId = typeof spec === 'string' ? spec : spec.id;
  const kind = typeof spec === 'string' ? STYLES.find((s) => s.id === spec)!.kind : spec.kind;
  if (values.short && kind !== 'note') {
    throw new CliError(
      `--short is for notes styles (valid: ${STYLES.filter((s) => s.kind === 'note')
        .map((s) => s.id)
        .join(', ')})`,
      2,
    );
  }
  let pinpoint;
  if (values.pinpoint !== undefined) {
    try {
      pinpoint = parsePinpointMode(values.pinpoint, styleId);
    } catch (error) {
      throw new CliError(error instanceof Error ? error.message : String(error), 2);
    }
  }
  if (values.quote && items.length > 1) {
    throw new CliError('--quote quotes one passage: give one address', 2);
  }

  let citer;
  try {
    citer = await citerFor(spec, applyRecordOverrides(BUILTIN_SOURCES, overrides));
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message.split('\n')[0]! : String(error));
  }
  const requests: CiteItemRequest[] = items.map(({ edition: _e, ...item }, i) => ({
    ...item,
    ...(i === 0 && values.prefix !== undefined ? { prefix: values.prefix } : {}),
    ...(i === items.length - 1 && values.suffix !== undefined ? { suffix: values.suffix } : {}),
  }));
  let result;
  try {
    result = citer.citeCluster(requests, {
      ...(pinpoint ? { pinpoint } : {}),
      ...(values.narrative ? { narrative: true } : {}),
    });
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error), 2);
  }

  for (const note of [...result.missing, result.pinpointNote, citer.style.localeNote]) {
    if (note) io.err(`note: ${note}\n`);
  }
  if (format === 'pandoc' || format === 'latex') {
    io.out(`${format === 'pandoc' ? result.pandoc : result.latex}\n`);
    return 0;
  }
  const textFormat = format as 'text' | 'html';
  let head =
    values.short && result.subsequentNote
      ? result.subsequentNote
      : (result.narrative?.inText ?? result.citation);
  if (values.narrative && kind === 'note') {
    // The name goes in the running text, the note without it.
    head = {
      text: `${result.narrative!.inText.text}\n${(values.short ? result.subsequentNote! : result.narrative!.rest).text}`,
      html: `${result.narrative!.inText.html}<br>${(values.short ? result.subsequentNote! : result.narrative!.rest).html}`,
    };
  }
  if (values.quote) {
    const passage = findPassage(items[0]!.edition, positionals[0]!)!;
    head = quoteWithCitation(passageText(passage), { kind, citation: head });
  }
  const entries = result.entries.map((entry) => formatEntry(entry, textFormat)).join('\n');
  io.out(`${textFormat === 'html' ? head.html : head.text}\n\n${entries}\n`);
  return 0;
};
