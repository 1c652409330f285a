/**
 * `diptych related <address> [--k N]`: the passages of the other built-in
 * text most related to a passage, as JSON `[{ address, score, terms }]`,
 * best first (see `sources/related/related.ts` for the model): BM25 fused
 * with SIF sentence embeddings over the built-in texts' word vectors, the
 * ranking the reader's Related panel shows. `terms` are the shared words
 * (filler left out); a passage related by meaning alone may share none.
 */
import { z } from 'zod';
import { builtinEditions } from '../../sources/builtin.ts';
import {
  DEFAULT_K,
  RelatedQueryError,
  buildRelatedIndex,
  decodeWordVectors,
  related as findRelated,
} from '../../sources/related/index.ts';
import textVectors from '../../sources/related/vectors/text-vectors.json' with { type: 'json' };
import { CliError, parseFlags, type Command } from '../io.ts';
import { usageOf } from '../synopses.ts';

/** Largest `--k` accepted (more than any built-in text has paragraphs). */
const MAX_K = 100;

const KSchema = z.coerce.number().int().min(1).max(MAX_K);

/** Prints the passages related to an address. Scores are rounded to four decimals (fused scores are small: 1/(60 + rank) summed). */
export const related: Command = async (args, io) => {
  const { positional, flags } = parseFlags(args, { k: 'string' });
  const [address, extra] = positional;
  if (address === undefined || extra !== undefined) throw new CliError(usageOf('related'), 2);
  let k = DEFAULT_K;
  if (flags.k !== undefined) {
    const parsed = KSchema.safeParse(flags.k);
    if (!parsed.success)
      throw new CliError(
        `--k must be a whole number from 1 to ${MAX_K} (got "${String(flags.k)}")`,
        2,
      );
    k = parsed.data;
  }
  let results;
  try {
    const index = buildRelatedIndex(builtinEditions(), {
      vectors: decodeWordVectors(textVectors),
    });
    results = findRelated(index, address, { k });
  } catch (error) {
    if (error instanceof RelatedQueryError) throw new CliError(error.message);
    throw error;
  }
  const rows = results.map((r) => ({
    address: r.address,
    score: Math.round(r.score * 10000) / 10000,
    terms: r.terms,
  }));
  io.out(`${JSON.stringify(rows, null, 2)}\n`);
  return 0;
};
