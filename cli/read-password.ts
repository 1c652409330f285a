/**
 * Reads a password for `diptych users add` without echoing it: from the
 * terminal (twice, to catch a typo) when there is one, else the first line
 * of standard input (`echo pw | diptych users add ana`).
 *
 * Typeahead is kept. The prompt is opened (`openPasswordPrompt`) before the
 * command connects to the server, and at a terminal it turns echo off at
 * once: what is typed while the connection is made is neither shown nor
 * lost, and one read of the terminal may hold both entries ("pw⏎pw⏎",
 * typed fast or pasted), each taken in turn. Before, the terminal was put
 * into raw mode only when each prompt appeared and back out between them,
 * and whatever followed the first Enter in a chunk was thrown away: a fast
 * typist's second entry was echoed in the gap, or dropped and the command
 * waited for ever.
 *
 * What it is not for: any other input (the CLI reads files, never stdin,
 * elsewhere). It keeps no password beyond the promise it resolves.
 */
import { CliError } from './io.ts';

/** What the prompt reads: standard input, or a stand-in in tests. */
export interface PasswordInput {
  /** True at a terminal: then the prompt asks twice and turns echo off (raw mode). */
  readonly isTTY?: boolean;
  /** A terminal's raw mode (no echo, no line editing, Ctrl-C as a character). */
  setRawMode?(raw: boolean): unknown;
  setEncoding(encoding: 'utf8'): unknown;
  on(event: 'data', listener: (chunk: string) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  off(event: 'data', listener: (chunk: string) => void): unknown;
  off(event: 'end', listener: () => void): unknown;
  resume(): unknown;
  pause(): unknown;
}

/** Where the prompts go (standard error, so that standard output stays the command's). */
export interface PasswordOutput {
  write(text: string): unknown;
}

/** An open prompt: reading starts when it is opened. */
export interface PasswordPrompt {
  /** The new password for `name`; throws when it is empty, the two entries differ, or Ctrl-C. */
  read(name: string): Promise<string>;
  /** Restores the terminal and stops reading; safe to call more than once. */
  close(): void;
}

const CTRL_C = '\u0003';
/** What `LineBuffer.next` gives after Ctrl-C. */
const CANCELLED = Symbol('cancelled');
const CTRL_D = '\u0004';
const BACKSPACES = new Set(['\u007f', '\b']);

/**
 * Splits what arrives into lines as it arrives, so nothing read ahead of a
 * prompt is lost. `\r`, `\n` and `\r\n` each end a line (a terminal in raw
 * mode sends `\r` for Enter; a file may say `\r\n`). At a terminal, Backspace
 * edits the line, Ctrl-D on an empty line ends the input and Ctrl-C cancels.
 */
class LineBuffer {
  private current = '';
  private afterCr = false;
  private readonly lines: string[] = [];
  private ended = false;
  private cancelled = false;
  private waiter: ((line: string | null | typeof CANCELLED) => void) | null = null;

  constructor(private readonly terminal: boolean) {}

  push(chunk: string): void {
    for (const char of chunk) {
      if (this.ended || this.cancelled) return;
      if (this.afterCr && char === '\n') {
        this.afterCr = false;
        continue;
      }
      this.afterCr = char === '\r';
      if (char === '\r' || char === '\n') this.endLine();
      else if (this.terminal && char === CTRL_C) this.cancel();
      else if (this.terminal && char === CTRL_D && this.current === '') this.end();
      else if (this.terminal && BACKSPACES.has(char))
        this.current = Array.from(this.current).slice(0, -1).join('');
      else this.current += char;
    }
  }

  /** End of input: a last line without a newline still counts. */
  end(): void {
    if (this.ended) return;
    if (this.current !== '') this.endLine();
    this.ended = true;
    this.settle();
  }

  cancel(): void {
    this.cancelled = true;
    this.settle();
  }

  /** The next line, `null` at the end of input, `CANCELLED` after Ctrl-C. */
  next(): Promise<string | null | typeof CANCELLED> {
    return new Promise((resolve) => {
      this.waiter = resolve;
      this.settle();
    });
  }

  get waiting(): boolean {
    return this.waiter !== null;
  }

  private endLine(): void {
    this.lines.push(this.current);
    this.current = '';
    this.settle();
  }

  private settle(): void {
    const waiter = this.waiter;
    if (!waiter) return;
    const line = this.lines.shift();
    if (line !== undefined) waiter(line);
    else if (this.cancelled) waiter(CANCELLED);
    else if (this.ended) waiter(null);
    else return;
    this.waiter = null;
  }
}

/**
 * Opens the prompt and starts reading `input` at once (at a terminal, echo
 * off from now on), so that typeahead is kept; `read` asks. Ctrl-C while no
 * prompt is shown yet (the command still connecting) restores the terminal
 * and calls `interrupt`, by default a SIGINT to this process, as the
 * terminal itself would have sent had it not been in raw mode.
 */
export function openPasswordPrompt(
  input: PasswordInput = process.stdin,
  output: PasswordOutput = process.stderr,
  interrupt: () => void = () => void process.kill(process.pid, 'SIGINT'),
): PasswordPrompt {
  const terminal = input.isTTY === true && typeof input.setRawMode === 'function';
  const buffer = new LineBuffer(terminal);
  let open = true;
  const onData = (chunk: string): void => {
    buffer.push(chunk);
    // Ctrl-C with no prompt waiting: the command is still connecting, and would go on for as long.
    if (terminal && chunk.includes(CTRL_C) && !buffer.waiting) {
      close();
      interrupt();
    }
  };
  const onEnd = (): void => buffer.end();
  function close(): void {
    if (!open) return;
    open = false;
    input.off('data', onData);
    input.off('end', onEnd);
    if (terminal) input.setRawMode?.(false);
    input.pause();
  }
  if (terminal) input.setRawMode?.(true);
  input.setEncoding('utf8');
  input.on('data', onData);
  input.on('end', onEnd);
  input.resume();

  /** One entry at the terminal: the prompt, then the line (no echo), then a newline. */
  const ask = async (prompt: string): Promise<string> => {
    output.write(prompt);
    const line = await buffer.next();
    output.write('\n');
    if (line === CANCELLED) throw new CliError('cancelled', 130);
    return line ?? '';
  };

  return {
    async read(name) {
      try {
        if (!terminal) {
          const line = await buffer.next();
          if (line === CANCELLED || !line)
            throw new CliError('no password given (use --password, or type it when asked)', 2);
          return line;
        }
        const first = await ask(`Password for ${name}: `);
        if (!first) throw new CliError('the password cannot be empty', 2);
        const second = await ask('Again: ');
        if (first !== second)
          throw new CliError('the two passwords differ; nothing was changed', 2);
        return first;
      } finally {
        close();
      }
    },
    close,
  };
}
