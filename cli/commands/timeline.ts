/**
 * `diptych timeline [<sourceId>…]`: the dated expressions of the built-in
 * texts (all of them when no id is given) as JSON, each tied to its
 * sentence address, relative dates resolved against the text's own year and
 * marked `inferred` with the reason (see `sources/timeline/`).
 */
import { builtinEditions } from '../../sources/builtin.ts';
import { extractEvents, referenceTime } from '../../sources/timeline/index.ts';
import { CliError, parseFlags, type Command } from '../io.ts';

/** Prints the events of the named (or all) built-in sources. */
export const timeline: Command = async (args, io) => {
  const { positional } = parseFlags(args, {});
  const editions = builtinEditions();
  const known = editions.map((e) => e.id as string);
  for (const id of positional) {
    if (!known.includes(id))
      throw new CliError(`unknown source "${id}" (known: ${known.join(', ')})`, 2);
  }
  const chosen = positional.length ? editions.filter((e) => positional.includes(e.id)) : editions;
  const events = chosen.flatMap((e) => {
    const reference = referenceTime(e.id);
    return extractEvents(e, reference ? { reference } : {});
  });
  io.out(`${JSON.stringify(events, null, 2)}\n`);
  return 0;
};
