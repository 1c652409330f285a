/**
 * `diptych users add <name> [--password <pw>] [--server <url>] [--data <dir>]`:
 * adds a reader to a sync server (`diptych serve` or Apache CouchDB 3) with
 * their private layer. The password is asked for (not echoed) unless given.
 */
import { asCliErrors, connectAdmin } from '../connect-admin.ts';
import { CliError, parseFlags, type Command } from '../io.ts';
import { usageOf } from '../synopses.ts';
import { openPasswordPrompt } from '../read-password.ts';

const USAGE = usageOf('users');

/** Adds one user. */
export const users: Command = async (args, io) => {
  const { positional, flags } = parseFlags(args, {
    password: 'string',
    server: 'string',
    data: 'string',
  });
  const [action, name, extra] = positional;
  if (action !== 'add' || name === undefined || extra !== undefined) throw new CliError(USAGE, 2);
  // Opened before connecting, which takes a moment: from here on a terminal does not echo, and
  // what is typed meanwhile waits for the prompt (read-password.ts).
  const prompt = typeof flags.password === 'string' ? null : openPasswordPrompt();
  try {
    const admin = await connectAdmin(flags);
    const password = prompt ? await prompt.read(name) : (flags.password ?? '');
    const { database } = await asCliErrors(() => admin.addUser(name, password));
    io.out(`Added user "${name}" with a private layer (${database}) on ${admin.couchUrl}\n`);
    return 0;
  } finally {
    prompt?.close();
  }
};
