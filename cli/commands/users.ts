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
    await asCliErrors(() => admin.addUser(name, password));
    // In words, not the private layer's database name (`userdb-<hex>`): no next command takes
    // it, and the reader only ever signs in with the name (docs/sync.md has the naming).
    io.out(
      `Added reader "${name}" on ${admin.couchUrl} with a private layer (annotations only ${name} can read).\n` +
        `${name} signs in with this name and password in the reader's Sync panel; ` +
        `to put ${name} in a reading group: diptych groups add <group> ${name}\n`,
    );
    return 0;
  } finally {
    prompt?.close();
  }
};
