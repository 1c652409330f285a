/**
 * `diptych align <sourceA> <sourceB> [--no-anchors]`: the monotone
 * alignment of two built-in texts' paragraphs as JSON `{ a, b, rows: [{ a:
 * [addresses], b: [addresses], score?, anchored? }] }`, anchored on the
 * curated comparisons (see `sources/align/`). `--no-anchors` aligns on the
 * related-passage scores alone.
 */
import { builtinEditions } from '../../sources/builtin.ts';
import { alignEditions, type AlignmentAnchor } from '../../sources/align/index.ts';
import { CliError, parseFlags, type Command } from '../io.ts';
import { usageOf } from '../synopses.ts';

/** Prints the alignment of two built-in texts. */
export const align: Command = async (args, io) => {
  const { positional, flags } = parseFlags(args, { 'no-anchors': 'boolean' });
  const [idA, idB, extra] = positional;
  if (idA === undefined || idB === undefined || extra !== undefined)
    throw new CliError(usageOf('align'), 2);
  const editions = builtinEditions();
  const known = editions.map((e) => e.id as string);
  const find = (id: string) => {
    const e = editions.find((x) => x.id === id);
    if (!e) throw new CliError(`unknown source "${id}" (known: ${known.join(', ')})`, 2);
    return e;
  };
  const a = find(idA);
  const b = find(idB);
  if (a.id === b.id) throw new CliError('align needs two different sources', 2);
  let anchors: AlignmentAnchor[] = [];
  if (!flags['no-anchors']) {
    const [{ loadCuratedComparisons }, { alignmentAnchors }] = await Promise.all([
      import('../../annotations/comparisons/load-curated.ts'),
      import('../../annotations/comparisons/alignment-anchors.ts'),
    ]);
    anchors = alignmentAnchors(loadCuratedComparisons(editions), a.id, b.id);
  }
  io.out(`${JSON.stringify(alignEditions(a, b, { anchors }), null, 2)}\n`);
  return 0;
};
