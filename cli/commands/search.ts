/**
 * `diptych search "<query>" [--limit N]`: the search box's hits over both
 * built-in texts and their footnotes, as JSON, best first. Same index, same
 * query syntax, same hits as the reader (see `sources/search/parse-query.ts`).
 */
import { z } from 'zod';
import { builtinEditions } from '../../sources/builtin.ts';
import {
  DEFAULT_LIMIT,
  buildSearchIndex,
  parseQuery,
  queryTerms,
  search as runSearch,
} from '../../sources/search/index.ts';
import { CliError, parseFlags, type Command } from '../io.ts';
import { usageOf } from '../synopses.ts';

/** Most hits the CLI prints when asked. */
const MAX_LIMIT = 1000;

const LimitSchema = z.coerce.number().int().min(1).max(MAX_LIMIT);

/** Prints the hits of a query as JSON: `[{ address, passage, source, kind, text, score, highlights, snippet, start, end }]`. */
export const search: Command = async (args, io) => {
  const { positional, flags } = parseFlags(args, { limit: 'string' });
  if (positional.length === 0) throw new CliError(usageOf('search'), 2);
  let limit = DEFAULT_LIMIT;
  if (flags.limit !== undefined) {
    const parsed = LimitSchema.safeParse(flags.limit);
    if (!parsed.success)
      throw new CliError(
        `--limit must be a whole number from 1 to ${MAX_LIMIT} (got "${String(flags.limit)}")`,
        2,
      );
    limit = parsed.data;
  }
  const query = parseQuery(positional.join(' '));
  if (queryTerms(query).length === 0) {
    throw new CliError('nothing to search for: the query has no letters or digits');
  }
  if (query.truncated)
    io.err('diptych: the query was cut to its first words (too long); searching for those\n');
  const hits = runSearch(buildSearchIndex(builtinEditions()), query, { limit });
  io.out(`${JSON.stringify(hits, null, 2)}\n`);
  return 0;
};
