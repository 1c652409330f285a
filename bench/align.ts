/**
 * Paragraph alignment (issue 17): how many curated comparisons the
 * alignment of the two texts places in the same row, or in adjacent rows,
 * with the curated comparisons as anchors and, as the baseline, without
 * them (related-passage scores alone); and the time to align.
 *
 * With anchors the figure is partly circular (the anchors are the pairs
 * being counted); what it shows is how many of the curated links a
 * monotone reading can keep, since curated links cross each other. The
 * run without anchors measures the similarity signal alone.
 */
import { loadCuratedComparisons } from '../annotations/comparisons/load-curated.ts';
import { alignEditions, rowIndex, type AlignmentAnchor } from '../sources/align/index.ts';
import { builtinEditions } from '../sources/builtin.ts';

const paragraphOf = (address: string) => address.replace(/\.\d+$/, '');

/** Prints same-row and adjacent-row counts with and without anchors. */
export async function run(): Promise<void> {
  const editions = builtinEditions();
  const [a, b] = editions as [(typeof editions)[0], (typeof editions)[0]];
  const anchors: AlignmentAnchor[] = loadCuratedComparisons(editions).flatMap((c) => {
    const x = c.targets.find((t) => t.source === a.id)?.selectors.address;
    const y = c.targets.find((t) => t.source === b.id)?.selectors.address;
    return x && y ? [{ a: x as string, b: y as string }] : [];
  });
  for (const [label, options] of [
    ['anchored on the curated comparisons', { anchors }],
    ['related scores alone (no anchors)', {}],
  ] as const) {
    const t0 = performance.now();
    const alignment = alignEditions(a, b, options);
    const ms = performance.now() - t0;
    const rows = rowIndex(alignment);
    let same = 0;
    let adjacent = 0;
    let unplaced = 0;
    for (const p of anchors) {
      const ra = rows.get(paragraphOf(p.a));
      const rb = rows.get(paragraphOf(p.b));
      if (ra === undefined || rb === undefined) {
        unplaced++;
        continue;
      }
      if (ra === rb) same++;
      else if (Math.abs(ra - rb) === 1) adjacent++;
    }
    const n = anchors.length;
    const aligned = alignment.rows.filter((r) => r.a.length && r.b.length).length;
    console.log(
      `${label.padEnd(38)} rows ${alignment.rows.length} (${aligned} aligned)  curated pairs in the same row ${same}/${n}, adjacent ${adjacent}/${n}, same or adjacent ${same + adjacent}/${n} (${(((same + adjacent) / n) * 100).toFixed(0)}%); not numbered paragraphs ${unplaced}; ${ms.toFixed(0)} ms`,
    );
  }
}
