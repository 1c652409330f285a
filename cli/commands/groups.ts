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

/** Who may read and write a group, as one sentence (the server's write rule included). */
function membersLine(members: readonly string[]): string {
  return `Its members, who read it and write their own annotations there: ${members.join(', ')}.`;
}

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
    // In words, not the group's database name (`diptych-group-<name>`): every next command,
    // and the reader's Join, takes the group's own name.
    io.out(
      `Created reading group "${group}", owned by ${owner}. ${membersLine(result.members)}\n` +
        `Each member joins it in the reader's Sync panel (Join beside "${group}").\n`,
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
        ? `Added ${name} to reading group "${group}". ${membersLine(result.members)}\n`
        : `${name} is already a member of reading group "${group}". ${membersLine(result.members)}\n`,
    );
    return 0;
  }
  throw new CliError(USAGE, 2);
};
