/**
 * What a CLI command gets: where to write, and the error type that becomes a
 * one-line message and a non-zero exit (never a stack trace).
 */

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

/** Splits `--flag value` / `--flag=value` / `--bool` options from positional arguments. */
export function parseFlags(
  args: readonly string[],
  spec: Readonly<Record<string, 'string' | 'boolean'>>,
): { positional: string[]; flags: Record<string, string | boolean> } {
  const positional: string[] = [];
  const flags: Record<string, string | boolean> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--') || arg === '--') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    const kind = spec[name];
    if (!kind) {
      const known = Object.keys(spec).map((k) => `--${k}`);
      throw new CliError(
        `unknown option ${arg}${known.length ? ` (valid: ${known.join(', ')})` : ''}`,
        2,
      );
    }
    if (kind === 'boolean') {
      flags[name] = true;
    } else if (eq !== -1) {
      flags[name] = arg.slice(eq + 1);
    } else {
      const value = args[i + 1];
      if (value === undefined) throw new CliError(`option --${name} needs a value`, 2);
      flags[name] = value;
      i++;
    }
  }
  return { positional, flags };
}
