/**
 * Pane sync: which passage of the other pane belongs next to a passage of
 * this one.
 *
 * What it is for: when "Sync" is on and one pane scrolls, the reader asks
 * `syncTarget` for the passage to bring to the top of the other pane. The
 * mapping comes from links — pairs of addresses that belong together, which
 * the comparisons (a later issue) will supply. With no link for a passage the
 * fallback is proportional position among numbered paragraphs: paragraph i of
 * n maps to paragraph round(i·(m−1)/(n−1)) of m. That is crude (the two texts
 * do not run in parallel) but monotonic and predictable; a better fallback
 * would interpolate between the nearest linked passages before and after.
 *
 * What it is not for: scrolling (see `app/hooks/use-pane-sync.ts`).
 */
import { containingPassage } from '../../sources/address.ts';
import type { Address, Edition } from '../../sources/edition.ts';

/** Two passages, one in each source, that belong side by side (from a comparison). */
export interface SyncLink {
  /** A paragraph (or sentence) address in one source. */
  readonly a: Address;
  /** The related address in the other source. */
  readonly b: Address;
}

/** How a target was chosen, so the UI can say whether the panes are truly aligned. */
export type SyncMethod = 'link' | 'proportional';

/** The passage to show in the other pane, and how it was found. */
export interface SyncTarget {
  /** An address in the target edition. */
  readonly address: Address;
  /** `link` from a comparison, or the `proportional` fallback. */
  readonly method: SyncMethod;
}

function inSource(address: Address, edition: Edition): boolean {
  return address.startsWith(`${edition.id}:`);
}

/**
 * The passage of `to` related to `from` (an address in `fromEdition`), or
 * null if `to` has no numbered paragraphs or `from` is not in `fromEdition`.
 * Links are used in both directions; a sentence address matches a link on its
 * paragraph.
 */
export function syncTarget(
  from: Address,
  fromEdition: Edition,
  to: Edition,
  links: readonly SyncLink[] = [],
): SyncTarget | null {
  if (!inSource(from, fromEdition)) return null;
  const para = containingPassage(from);
  for (const link of links) {
    for (const [here, there] of [
      [link.a, link.b],
      [link.b, link.a],
    ] as const) {
      if ((here === from || containingPassage(here) === para) && inSource(there, to)) {
        return { address: there, method: 'link' };
      }
    }
  }
  const source = fromEdition.blocks.filter((b) => b.n !== undefined);
  const target = to.blocks.filter((b) => b.n !== undefined);
  if (target.length === 0) return null;
  const i = source.findIndex((b) => b.address === para);
  if (i === -1) {
    // An unnumbered block (heading, caption…): use the last numbered block before it.
    const index = fromEdition.blocks.findIndex((b) => b.address === para);
    if (index === -1) return null;
    const before = fromEdition.blocks.slice(0, index).filter((b) => b.n !== undefined).length;
    return proportional(Math.max(0, before - 1), source.length, target);
  }
  return proportional(i, source.length, target);
}

function proportional(i: number, n: number, target: readonly { address: Address }[]): SyncTarget {
  const j = n <= 1 ? 0 : Math.round((i * (target.length - 1)) / (n - 1));
  return { address: target[Math.min(j, target.length - 1)]!.address, method: 'proportional' };
}
