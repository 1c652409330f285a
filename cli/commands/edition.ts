/** `diptych edition <sourceId>`: a built-in edition as JSON. */
import { builtinEdition } from '../../sources/builtin.ts';
import { BUILTIN_SOURCES } from '../../sources/metadata.ts';
import { CliError, parseFlags, type Command } from '../io.ts';
import { usageOf } from '../synopses.ts';

/** Prints the built-in edition of a source as JSON. */
export const edition: Command = async (args, io) => {
  const { positional } = parseFlags(args, {});
  const valid = BUILTIN_SOURCES.map((s) => s.id).join(', ');
  const [id, extra] = positional;
  if (id === undefined || extra !== undefined)
    throw new CliError(`${usageOf('edition')} (one of: ${valid})`, 2);
  const result = builtinEdition(id);
  if (!result) throw new CliError(`unknown source "${id}" (valid: ${valid})`);
  io.out(`${JSON.stringify(result, null, 2)}\n`);
  return 0;
};
