/**
 * `diptych groups create <group> --owner <name> [--member <name>…]` and
 * `diptych groups add <group> <name>`: reading groups on a sync server
 * (`diptych serve` or Apache CouchDB 3), against `--server <url>`
 * (default http://localhost:5984), with the admin credentials of
 * `connectAdmin` (`--data <dir>`). `--member` may repeat or list names
 * separated by commas.
 */
import { asCliErrors, connectAdmin } from '../connect-admin.ts';
import { CliError, parseFlags, type Command } from '../io.ts';
import { usageOf } from '../synopses.ts';
import { isGroupName } from '../../annotations/sync/index.ts';

const USAGE = usageOf('groups');

/** Creates a group or adds a member. */
export const groups: Command = async (args, io) => {
  const { positional, flags } = parseFlags(args, {
    member: 'string[]',
    owner: 'string',
    server: 'string',
    data: 'string',
  });
  const [action, group, name, extra] = positional;
  const members = flags.member ?? [];
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
