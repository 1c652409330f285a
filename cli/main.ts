/**
 * `diptych` — the command line. Dispatches to one module per command (each
 * loaded on demand) and turns every failure into a one-line message and a
 * non-zero exit code: a reader never sees a stack trace.
 */
import { STYLE_IDS } from '../sources/citation/styles.ts';
import { CliError, type Command, type Io } from './io.ts';

/** Command name → loader. Each command lives in `cli/commands/<name>.ts`. */
const COMMANDS: Readonly<Record<string, { summary: string; load: () => Promise<Command> }>> = {
  edition: {
    summary: 'edition <sourceId>            the built-in edition as JSON',
    load: async () => (await import('./commands/edition.ts')).edition,
  },
  parse: {
    summary:
      'parse <file> [--summary] [--id <id>] [--lang <bcp47>] [--time-limit <s>]  parse any Markdown or plain-text file',
    load: async () => (await import('./commands/parse.ts')).parse,
  },
  search: {
    summary: 'search "<query>" [--limit N]  search both texts and their footnotes (JSON hits)',
    load: async () => (await import('./commands/search.ts')).search,
  },
  related: {
    summary: 'related <address> [--k N]     passages of the other text most related to one (JSON)',
    load: async () => (await import('./commands/related.ts')).related,
  },
  align: {
    summary: 'align <sourceA> <sourceB>      the paragraphs of two texts aligned in rows (JSON)',
    load: async () => (await import('./commands/align.ts')).align,
  },
  timeline: {
    summary: 'timeline [<sourceId>…]         the dated expressions of the texts (JSON events)',
    load: async () => (await import('./commands/timeline.ts')).timeline,
  },
  claims: {
    summary:
      'claims [--format jsonld|markdown|csv] [--relation R] [--topic T]  the curated claim comparisons',
    load: async () => (await import('./commands/claims.ts')).claims,
  },
  cite: {
    summary:
      'cite <address> [--style <id>] [--format text|html] [--quote] [--short]  the citation of a passage',
    load: async () => (await import('./commands/cite.ts')).cite,
  },
  bib: {
    summary:
      'bib [--format bibtex|ris|csl-json|text|html] [--style <id>]  the bibliography of both sources',
    load: async () => (await import('./commands/bib.ts')).bib,
  },
  annotations: {
    summary:
      'annotations <file> [--digest | --w3c]  check a W3C or Hypothesis annotation file (or digest, convert it)',
    load: async () => (await import('./commands/annotations.ts')).annotations,
  },
  serve: {
    summary:
      'serve [--port 5984] [--data <dir>] [--host <addr>] [--cors <origins>] [--reader <dir>]  the sync server (CouchDB API at /couch/, reader at /)',
    load: async () => (await import('./commands/serve.ts')).serve,
  },
  users: {
    summary:
      'users add <name> [--password <pw>] [--server <url>] [--data <dir>]  add a reader to a sync server',
    load: async () => (await import('./commands/users.ts')).users,
  },
  groups: {
    summary:
      'groups create <group> --owner <name> [--member <name>…] | groups add <group> <name> [--server <url>] [--data <dir>]  reading groups',
    load: async () => (await import('./commands/groups.ts')).groups,
  },
};

const processIo: Io = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

const STYLES_LINE = `citation styles (--style): ${STYLE_IDS.join(', ')}\n`;

function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  diptych ${c.summary}`);
  return `usage:\n${lines.join('\n')}\n\n${STYLES_LINE}`;
}

/** `diptych <command> --help`: that command's usage line (the README lists every option). */
function commandUsage(name: string, summary: string): string {
  const styles = name === 'cite' || name === 'bib' ? `\n${STYLES_LINE}` : '';
  return `usage:\n  diptych ${summary}\n${styles}`;
}

/** Whether `--help` or `-h` comes among the options (not after `--`, where it is an argument). */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    // Asked for, the usage is the output; without a command, it explains an error (stderr).
    if (name === undefined) io.err(usage());
    else io.out(usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`diptych: unknown command "${name}" (valid: ${Object.keys(COMMANDS).join(', ')})\n`);
    return 2;
  }
  if (asksForHelp(rest)) {
    io.out(commandUsage(name, command.summary));
    return 0;
  }
  try {
    return await (
      await command.load()
    )(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`diptych: ${error.message}\n`);
      return error.exitCode;
    }
    // Anything else is our bug; still one line, no stack trace.
    const message = error instanceof Error ? error.message : String(error);
    io.err(`diptych: internal error: ${message.split('\n')[0]}\n`);
    return 70;
  }
}
