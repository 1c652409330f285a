/**
 * `diptych` — the command line. Dispatches to one module per command (each
 * loaded on demand) and turns every failure into a one-line message and a
 * non-zero exit code: a reader never sees a stack trace.
 */
import { STYLE_IDS } from '../sources/citation/styles.ts';
import { CliError, type Command, type Io } from './io.ts';
import { SYNOPSES, type CommandName } from './synopses.ts';

/** Command name → what it does (after its synopsis in `--help`) and its loader. Each command lives in `cli/commands/<name>.ts`. */
const COMMANDS: Readonly<
  Record<CommandName, { description: string; load: () => Promise<Command> }>
> = {
  edition: {
    description: 'the built-in edition as JSON',
    load: async () => (await import('./commands/edition.ts')).edition,
  },
  parse: {
    description: 'parse any Markdown or plain-text file',
    load: async () => (await import('./commands/parse.ts')).parse,
  },
  search: {
    description: 'search both texts and their footnotes (JSON hits)',
    load: async () => (await import('./commands/search.ts')).search,
  },
  related: {
    description: 'passages of the other text most related to one (JSON)',
    load: async () => (await import('./commands/related.ts')).related,
  },
  align: {
    description: 'the paragraphs of two texts aligned in rows (JSON)',
    load: async () => (await import('./commands/align.ts')).align,
  },
  timeline: {
    description: 'the dated expressions of the texts (JSON events)',
    load: async () => (await import('./commands/timeline.ts')).timeline,
  },
  claims: {
    description: 'the curated claim comparisons',
    load: async () => (await import('./commands/claims.ts')).claims,
  },
  cite: {
    description: 'the citation of one or more passages',
    load: async () => (await import('./commands/cite.ts')).cite,
  },
  bib: {
    description: 'the bibliography of both sources',
    load: async () => (await import('./commands/bib.ts')).bib,
  },
  annotations: {
    description: 'check a W3C or Hypothesis annotation file (or digest, convert it)',
    load: async () => (await import('./commands/annotations.ts')).annotations,
  },
  serve: {
    description: 'the sync server (CouchDB API at /couch/, reader at /)',
    load: async () => (await import('./commands/serve.ts')).serve,
  },
  users: {
    description: 'add a reader to a sync server',
    load: async () => (await import('./commands/users.ts')).users,
  },
  groups: {
    description: 'reading groups',
    load: async () => (await import('./commands/groups.ts')).groups,
  },
};

const processIo: Io = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

const STYLES_LINE = `citation styles (--style): ${STYLE_IDS.join(', ')}\n`;

/** A command's line in `--help`: its synopsis, then what it does, in a column where the synopsis is short. */
function helpLine(name: CommandName): string {
  const synopsis = SYNOPSES[name];
  return `diptych ${synopsis.padEnd(30)}  ${COMMANDS[name].description}`;
}

function usage(): string {
  const lines = (Object.keys(COMMANDS) as CommandName[]).map((name) => `  ${helpLine(name)}`);
  return `usage:\n${lines.join('\n')}\n\n${STYLES_LINE}`;
}

/** `diptych <command> --help`: that command's usage line (the README lists every option). */
function commandUsage(name: CommandName): string {
  const styles = name === 'cite' || name === 'bib' ? `\n${STYLES_LINE}` : '';
  return `usage:\n  ${helpLine(name)}\n${styles}`;
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
  // An own property only: `toString` is no command.
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name as CommandName] : undefined;
  if (!command) {
    io.err(`diptych: unknown command "${name}" (valid: ${Object.keys(COMMANDS).join(', ')})\n`);
    return 2;
  }
  if (asksForHelp(rest)) {
    io.out(commandUsage(name as CommandName));
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
