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
 * What was typed before that is dropped, not kept. Until the prompt is
 * opened the terminal is in its ordinary mode (the shell gave it so; Node
 * is still loading), and the terminal itself echoes every key: nothing of
 * ours runs yet, so that echo cannot be stopped. Those keys wait in the
 * terminal and were read as the start of the first entry: a password shown
 * on the screen, or a stray word in it. When echo goes off, what the
 * terminal holds is read at once and thrown away, and the prompt says so
 * (`IGNORED`), as glibc's `getpass` and BSD's `readpassphrase` do by
 * turning echo off with `TCSAFLUSH`; Node has no `tcflush`, so it is a
 * read that does not wait (`readPending`).
 *
 * What it is not for: any other input (the CLI reads files, never stdin,
 * elsewhere). It keeps no password beyond the promise it resolves.
 */
import { readSync } from 'node:fs';
import { CliError } from './io.ts';

/** What the prompt reads: standard input, or a stand-in in tests. */
export interface PasswordInput {
  /** True at a terminal: then the prompt asks twice and turns echo off (raw mode). */
  readonly isTTY?: boolean;
  /** Its file descriptor: what the terminal holds when echo goes off is read from it and dropped. */
  readonly fd?: number;
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

/** Said before the first prompt when keys typed while the terminal still echoed were dropped. */
export const IGNORED = 'Ignored what was typed before this prompt: the terminal showed it.';

/**
 * How many bytes the terminal held, read and dropped without waiting.
 * Node's `process.stdin` at a terminal is non-blocking (libuv's `uv_tty_init`
 * reopens the terminal with `O_NONBLOCK`), so the read ends with `EAGAIN` once
 * nothing is left. Not on Windows, whose console is not read this way.
 */
export function readPending(fd: number): number {
  if (process.platform === 'win32') return 0;
  const chunk = Buffer.alloc(4096);
  let dropped = 0;
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch {
      // EAGAIN: nothing more (any other error: the prompt's own read reports it).
      return dropped;
    }
    if (n === 0) return dropped;
    dropped += n;
  }
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
 * off from now on, and what it already held, typed while it echoed, dropped
 * through `dropPending`), so that typeahead is kept; `read` asks. Ctrl-C while no
 * prompt is shown yet (the command still connecting) restores the terminal
 * and calls `interrupt`, by default a SIGINT to this process, as the
 * terminal itself would have sent had it not been in raw mode.
 */
export function openPasswordPrompt(
  input: PasswordInput = process.stdin,
  output: PasswordOutput = process.stderr,
  interrupt: () => void = () => void process.kill(process.pid, 'SIGINT'),
  dropPending: (fd: number) => number = readPending,
): PasswordPrompt {
  const terminal = input.isTTY === true && typeof input.setRawMode === 'function';
  const buffer = new LineBuffer(terminal);
  let open = true;
  // Said with the first prompt, not now: the command may print other things while it connects.
  let ignored = false;
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
  if (terminal) {
    input.setRawMode?.(true);
    // Right after echo goes off, before anything else is read: the keys typed from here on are kept.
    if (input.fd !== undefined) ignored = dropPending(input.fd) > 0;
  }
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
        if (ignored) output.write(`${IGNORED}\n`);
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
