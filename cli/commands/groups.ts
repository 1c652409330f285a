/**
 * `diptych groups create <group> --owner <name> [--member <name>…]` and
 * `diptych groups add <group> <name>`: reading groups on a sync server
 * (`diptych serve` or Apache CouchDB 3), against `--server <url>`
 * (default http://localhost:5984). `--member` may repeat or list names
 * separated by commas.
 */
import { asCliErrors, connectAdmin } from '../connect-admin.ts';
import { CliError, parseFlags, type Command } from '../io.ts';
import { isGroupName } from '../../annotations/sync/index.ts';

const USAGE =
  'usage: diptych groups create <group> --owner <name> [--member <name>…] | diptych groups add <group> <name>';

/** Pulls every `--member x` / `--member=x` out of `args` (parseFlags keeps only the last). */
function takeMembers(args: readonly string[]): { rest: string[]; members: string[] } {
  const rest: string[] = [];
  const members: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--member') {
      const value = args[i + 1];
      if (value === undefined) throw new CliError('option --member needs a value', 2);
      members.push(...value.split(','));
      i++;
    } else if (arg.startsWith('--member='))
      members.push(...arg.slice('--member='.length).split(','));
    else rest.push(arg);
  }
  return { rest, members: members.map((m) => m.trim()).filter(Boolean) };
}

/** Creates a group or adds a member. */
export const groups: Command = async (args, io) => {
  const { rest, members } = takeMembers(args);
  const { positional, flags } = parseFlags(rest, {
    owner: 'string',
    server: 'string',
    data: 'string',
  });
  const [action, group, name, extra] = positional;
  if (group === undefined || extra !== undefined) throw new CliError(USAGE, 2);
  if (!isGroupName(group))
    throw new CliError(
      `"${group}" is not a valid group name: lower-case letters, digits, "-" and "_", at most 64, starting with a letter or digit`,
      2,
    );
  if (action === 'create') {
    if (name !== undefined || typeof flags.owner !== 'string') throw new CliError(USAGE, 2);
    const owner = flags.owner;
    const admin = await connectAdmin(flags);
    const result = await asCliErrors(() => admin.createGroup(group, owner, members));
    io.out(
      `Created group "${group}" (${result.database}) owned by "${owner}"; members: ${result.members.join(', ')}\n`,
    );
    return 0;
  }
  if (action === 'add') {
    if (name === undefined || members.length > 0 || flags.owner !== undefined)
      throw new CliError(USAGE, 2);
    const admin = await connectAdmin(flags);
    const result = await asCliErrors(() => admin.addMember(group, name));
    io.out(
      result.added
        ? `Added "${name}" to group "${group}"; members: ${result.members.join(', ')}\n`
        : `"${name}" is already a member of "${group}"; members: ${result.members.join(', ')}\n`,
    );
    return 0;
  }
  throw new CliError(USAGE, 2);
};
