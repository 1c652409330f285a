/**
 * The reader-state transition behind "go to the counterpart": show a passage
 * in a given pane (loading its source there if needed), mark it current and
 * ask for it to be revealed (scrolled to and focused).
 *
 * What it is for: compared-passage marks and related-passage links, which
 * must land in the OTHER pane — unlike a followed `#address` link, which
 * goes wherever its source already is (`openAddress`). Pure, like every
 * transition in `app/state/reader-state.ts`. What it is not for: scrolling
 * (`useReveal` carries out `reveal`).
 */
import type { Edition } from '../../sources/edition.ts';
import { resolveLocation } from '../state/resolve-location.ts';
import { setPaneSource, type PaneIndex, type ReaderState } from '../state/reader-state.ts';

/**
 * Shows `address` in `pane`. If the other pane shows that source, the panes
 * are swapped (one source is never on screen twice) and the passage is shown
 * where its source now is. An address that does not resolve sets a notice.
 */
export function showInPane(
  state: ReaderState,
  editions: readonly Edition[],
  pane: PaneIndex,
  address: string,
): ReaderState {
  const resolved = resolveLocation(editions, address);
  if (!resolved.ok) return { ...state, notice: resolved.notice };
  const next = setPaneSource(state, pane, resolved.source);
  const at: PaneIndex = next.panes[pane] === resolved.source ? pane : pane === 0 ? 1 : 0;
  return {
    ...next,
    activePane: at,
    current: resolved.address,
    marked: resolved.marked,
    notice: null,
    reveal: { address: resolved.marked[0] ?? resolved.address, seq: (state.reveal?.seq ?? 0) + 1 },
  };
}
