/**
 * Pane-sync links from an alignment: every paragraph of a row linked to the
 * first paragraph of the other side of the same row, and a paragraph in a
 * row with nothing on the other side linked to the other side of the
 * nearest row before it that has something (so Sync never jumps back to the
 * proportional guess while the Aligned view is on).
 *
 * What it is for: Sync in the Aligned view when only one pane is shown (on
 * a narrow screen), where the panes cannot simply scroll level. Pure.
 */
import type { AlignedRow } from '../../sources/align/index.ts';
import type { SyncLink } from '../sync/sync-targets.ts';

/** The links that make Sync follow the alignment. */
export function alignmentLinks(rows: readonly AlignedRow[]): SyncLink[] {
  const links: SyncLink[] = [];
  let lastA: AlignedRow['a'][number] | undefined;
  let lastB: AlignedRow['b'][number] | undefined;
  for (const row of rows) {
    const a0 = row.a[0] ?? lastA;
    const b0 = row.b[0] ?? lastB;
    for (const a of row.a) if (b0) links.push({ a, b: b0 });
    for (const b of row.b) if (a0) links.push({ a: a0, b });
    lastA = row.a[row.a.length - 1] ?? lastA;
    lastB = row.b[row.b.length - 1] ?? lastB;
  }
  return links;
}
