/**
 * Reads a password for `diptych users add` without echoing it: from the
 * terminal (twice, to catch a typo) when there is one, else the first line
 * of standard input (`echo pw | diptych users add ana`).
 */
import { createInterface } from 'node:readline';
import { CliError } from './io.ts';

function readHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let value = '';
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          finish();
          resolve(value);
          return;
        }
        if (char === '\u0003') {
          finish();
          reject(new CliError('cancelled', 130));
          return;
        }
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else value += char;
      }
    };
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    stdin.on('data', onData);
  });
}

function readLine(): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin });
    let done = false;
    rl.once('line', (line) => {
      done = true;
      rl.close();
      resolve(line);
    });
    rl.once('close', () => {
      if (!done) resolve('');
    });
  });
}

/** The new password for `name`; throws when it is empty or the two entries differ. */
export async function readPassword(name: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const line = await readLine();
    if (!line) throw new CliError('no password given (use --password, or type it when asked)', 2);
    return line;
  }
  const first = await readHidden(`Password for ${name}: `);
  if (!first) throw new CliError('the password cannot be empty', 2);
  const second = await readHidden('Again: ');
  if (first !== second) throw new CliError('the two passwords differ; nothing was changed', 2);
  return first;
}
