// The password prompt of `diptych users add` (cli/read-password.ts): typeahead kept, never echoed,
// at a terminal (a stand-in for one) and from a pipe.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../cli/io.ts';
import { IGNORED, openPasswordPrompt, type PasswordInput } from '../../cli/read-password.ts';

/** A stand-in for standard input: a terminal (raw mode recorded) or a pipe; `type` sends keys. */
class FakeInput extends EventEmitter implements PasswordInput {
  readonly rawModes: boolean[] = [];
  readonly fd = 0;
  paused = true;
  constructor(readonly isTTY: boolean) {
    super();
  }
  setRawMode(raw: boolean): this {
    this.rawModes.push(raw);
    return this;
  }
  setEncoding(): this {
    return this;
  }
  resume(): this {
    this.paused = false;
    return this;
  }
  pause(): this {
    this.paused = true;
    return this;
  }
  type(text: string): void {
    this.emit('data', text);
  }
}

/**
 * A prompt on a stand-in; `held` is what the terminal holds when the prompt opens (typed while it
 * still echoed), which the prompt must drop, and only once echo is off.
 */
function prompted(isTTY: boolean, held = '') {
  const input = new FakeInput(isTTY);
  let shown = '';
  const interrupts: string[] = [];
  const drops: { fd: number; raw: boolean | undefined }[] = [];
  const prompt = openPasswordPrompt(
    input as unknown as PasswordInput,
    { write: (t: string) => void (shown += t) },
    () => void interrupts.push('SIGINT'),
    (fd) => {
      drops.push({ fd, raw: input.rawModes.at(-1) });
      return Buffer.byteLength(held);
    },
  );
  return { input, prompt, shown: () => shown, interrupts, drops };
}

/** The error a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<CliError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CliError);
  return error as CliError;
}

describe('at a terminal', () => {
  it('keeps both entries typed ahead of the prompt, in one read, and echoes neither', async () => {
    const { input, prompt, shown } = prompted(true);
    // Echo is off from the moment the prompt is opened, before the command connects.
    expect(input.rawModes).toEqual([true]);
    input.type('s3cret\rs3cret\r');
    await expect(prompt.read('ana')).resolves.toBe('s3cret');
    expect(shown()).toBe('Password for ana: \nAgain: \n');
    // The terminal is given back as it was, and no longer read.
    expect(input.rawModes).toEqual([true, false]);
    expect(input.paused).toBe(true);
  });

  it('drops what the terminal held when echo went off (it was shown), says so, keeps what follows', async () => {
    const { input, prompt, shown, drops } = prompted(true, 'shown-on-screen\n');
    // Dropped once, from the terminal's descriptor, after echo went off and before anything else.
    expect(drops).toEqual([{ fd: 0, raw: true }]);
    input.type('pw\rpw\r');
    await expect(prompt.read('ana')).resolves.toBe('pw');
    expect(shown()).toBe(`${IGNORED}\nPassword for ana: \nAgain: \n`);
  });

  it('says nothing of dropped keys when the terminal held none', async () => {
    const { input, prompt, shown, drops } = prompted(true);
    expect(drops).toHaveLength(1);
    input.type('pw\rpw\r');
    await expect(prompt.read('ana')).resolves.toBe('pw');
    expect(shown()).toBe('Password for ana: \nAgain: \n');
  });

  it('takes keys one at a time, across reads, with Backspace', async () => {
    const { input, prompt } = prompted(true);
    const read = prompt.read('ana');
    for (const key of ['p', 'w', 'x', '\u007f', '1', '\r', 'p', 'w1']) input.type(key);
    input.type('\r');
    await expect(read).resolves.toBe('pw1');
  });

  it('takes a pasted "\\r\\n" as one Enter', async () => {
    const { input, prompt } = prompted(true);
    input.type('pw\r\npw\r\n');
    await expect(prompt.read('ana')).resolves.toBe('pw');
  });

  describe('when it fails', () => {
    it('two different entries: refused, nothing changed', async () => {
      const { input, prompt } = prompted(true);
      input.type('one\rtwo\r');
      expect((await failure(prompt.read('ana'))).message).toBe(
        'the two passwords differ; nothing was changed',
      );
    });

    it('an empty entry: refused', async () => {
      const { input, prompt } = prompted(true);
      input.type('\r');
      expect((await failure(prompt.read('ana'))).exitCode).toBe(2);
    });

    it('Ctrl-C at the prompt: cancelled (exit code 130), the terminal restored', async () => {
      const { input, prompt } = prompted(true);
      const read = prompt.read('ana');
      input.type('pw\u0003');
      const error = await failure(read);
      expect([error.message, error.exitCode]).toEqual(['cancelled', 130]);
      expect(input.rawModes).toEqual([true, false]);
    });

    it('Ctrl-C before the prompt (still connecting): the terminal restored, the process interrupted', () => {
      const { input, interrupts } = prompted(true);
      input.type('\u0003');
      expect(input.rawModes).toEqual([true, false]);
      expect(interrupts).toEqual(['SIGINT']);
    });

    it('Ctrl-D on an empty line: no password', async () => {
      const { input, prompt } = prompted(true);
      input.type('\u0004');
      expect((await failure(prompt.read('ana'))).message).toBe('the password cannot be empty');
    });
  });
});

describe('from a pipe', () => {
  it('takes the first line, however it was sent, without a prompt', async () => {
    for (const sent of [['pw\n'], ['p', 'w\r\n', 'more\n'], ['pw']]) {
      const { input, prompt, shown, drops } = prompted(false, 'never read');
      for (const chunk of sent) input.type(chunk);
      input.emit('end');
      await expect(prompt.read('ana')).resolves.toBe('pw');
      expect(shown()).toBe('');
      expect(input.rawModes).toEqual([]);
      // A pipe echoes nothing: what it held before the prompt opened is the password.
      expect(drops).toEqual([]);
    }
  });

  it('keeps a pipe’s control characters as they are (no terminal editing)', async () => {
    const { input, prompt } = prompted(false);
    input.type('p\u007fw\n');
    await expect(prompt.read('ana')).resolves.toBe('p\u007fw');
  });

  it('empty input: a usage error naming the ways to give one', async () => {
    const { input, prompt } = prompted(false);
    input.emit('end');
    expect((await failure(prompt.read('ana'))).message).toBe(
      'no password given (use --password, or type it when asked)',
    );
  });
});
