/**
 * What a CLI command gets: where to write, and the error type that becomes a
 * one-line message and a non-zero exit (never a stack trace).
 */
import { parseArgs } from 'node:util';

/** Output sinks; tests capture them, `bin/diptych.js` wires them to the process. */
export interface Io {
  /** Writes to standard output (the caller adds no newline). */
  readonly out: (text: string) => void;
  /** Writes to standard error. */
  readonly err: (text: string) => void;
}

/** A command: arguments after its name in, exit code out. */
export type Command = (args: readonly string[], io: Io) => Promise<number>;

/** An error meant for the user: printed as `diptych: <message>` with exit code 1 (2 for usage). */
export class CliError extends Error {
  /** Process exit code. */
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/**
 * What an option takes: a value (`string`), nothing (`boolean`), or a value
 * each time it is given, commas also separating values (`string[]`:
 * `--member ana --member ben,eve`).
 */
export type FlagKind = 'string' | 'boolean' | 'string[]';

/** The options a command accepts: name (without `--`) → what it takes. */
export type FlagSpec = Readonly<Record<string, FlagKind>>;

/** The options given, typed by their spec; an option not given is absent. */
export type Flags<S extends FlagSpec> = {
  -readonly [K in keyof S]?: S[K] extends 'boolean'
    ? true
    : S[K] extends 'string[]'
      ? string[]
      : string;
};

/**
 * Splits `--flag value` / `--flag=value` / `--bool` options from positional
 * arguments, with Node's `util.parseArgs`. `--` ends the options: everything
 * after it is positional (a search for "--limit" is `search -- --limit`).
 *
 * parseArgs runs non-strict and we check its tokens ourselves, so every
 * mistake is a `CliError` with exit code 2 in our words (parseArgs' strict
 * errors are Node's, and name no valid options). The commands have no short
 * options, so an argument with a single dash (`-`, `-5`, `-word`) stays a
 * positional, as it always did. A string option takes the next argument as
 * its value even when that starts with a dash (`--limit -5` reaches the
 * command's own range check); a boolean option given a value (`--quote=no`)
 * is an error rather than silently true.
 */
export function parseFlags<const S extends FlagSpec>(
  args: readonly string[],
  spec: S,
): { positional: string[]; flags: Flags<S> } {
  const options = Object.fromEntries(
    Object.entries(spec).map(
      ([name, kind]) => [name, { type: kind === 'boolean' ? 'boolean' : 'string' }] as const,
    ),
  );
  const { tokens } = parseArgs({
    args: [...args],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const positional: string[] = [];
  const flags: Record<string, string | true | string[]> = {};
  let lastShortIndex = -1;
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positional.push(token.value);
    } else if (token.kind === 'option') {
      if (!token.rawName.startsWith('--')) {
        // A short group (`-abc`) comes back as one token per letter: keep the argument once.
        if (token.index !== lastShortIndex) positional.push(args[token.index]!);
        lastShortIndex = token.index;
        continue;
      }
      const kind = Object.hasOwn(spec, token.name) ? spec[token.name] : undefined;
      if (!kind) {
        const known = Object.keys(spec).map((k) => `--${k}`);
        throw new CliError(
          `unknown option ${args[token.index]}${known.length ? ` (valid: ${known.join(', ')})` : ''}`,
          2,
        );
      }
      if (kind === 'boolean') {
        if (token.value !== undefined)
          throw new CliError(`option --${token.name} takes no value`, 2);
        flags[token.name] = true;
      } else if (token.value === undefined) {
        throw new CliError(`option --${token.name} needs a value`, 2);
      } else if (kind === 'string[]') {
        const values = token.value
          .split(',')
          .map((v) => v.trim())
          .filter((v) => v !== '');
        flags[token.name] = [...((flags[token.name] as string[] | undefined) ?? []), ...values];
      } else {
        flags[token.name] = token.value;
      }
    }
    // `option-terminator` (`--`): parseArgs already made the rest positional.
  }
  return { positional, flags: flags as Flags<S> };
}
