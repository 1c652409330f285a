/**
 * Pane sync: while on, scrolling one pane brings the related passage of the
 * other pane (from `syncTarget`) to its top — or, when the panes are laid
 * out level (the Aligned view, `app/align/`), scrolls the other pane to the
 * same offset, which is the same row of the alignment. Programmatic scrolls of the
 * follower are ignored for a moment, so the panes do not chase each other.
 */
import { useEffect } from 'react';
import type { Edition } from '../../sources/edition.ts';
import { syncTarget, type SyncLink } from '../sync/sync-targets.ts';
import type { PaneIndex } from '../state/reader-state.ts';
import { scrollToTop, topParagraph } from './top-paragraph.ts';

/** How long scroll events of a pane we just moved are ignored. */
const FOLLOW_QUIET_MS = 150;

/** Installs scroll listeners on both panes while `enabled`. */
export function usePaneSync(
  enabled: boolean,
  scrollOf: (pane: PaneIndex) => HTMLElement | null,
  editionOf: (pane: PaneIndex) => Edition,
  links: readonly SyncLink[],
  level = false,
): void {
  useEffect(() => {
    if (!enabled) return;
    const quietUntil = [0, 0];
    const frame = [0, 0];
    const follow = (from: PaneIndex): void => {
      const to: PaneIndex = from === 0 ? 1 : 0;
      const source = scrollOf(from);
      const target = scrollOf(to);
      if (level && source && target) {
        quietUntil[to] = performance.now() + FOLLOW_QUIET_MS;
        target.scrollTop = source.scrollTop;
        return;
      }
      const top = topParagraph(source);
      if (!source || !target || !top) return;
      const match = syncTarget(top, editionOf(from), editionOf(to), links);
      if (!match) return;
      const el = target.querySelector<HTMLElement>(`[data-address="${CSS.escape(match.address)}"]`);
      if (!el) return;
      quietUntil[to] = performance.now() + FOLLOW_QUIET_MS;
      scrollToTop(target, el);
    };
    const handlers = ([0, 1] as const).map((pane) => () => {
      if (performance.now() < quietUntil[pane]!) return;
      cancelAnimationFrame(frame[pane]!);
      frame[pane] = requestAnimationFrame(() => follow(pane));
    });
    const panes = ([0, 1] as const).map((p) => scrollOf(p));
    panes.forEach((el, i) => el?.addEventListener('scroll', handlers[i]!, { passive: true }));
    return () => {
      panes.forEach((el, i) => el?.removeEventListener('scroll', handlers[i]!));
      frame.forEach((f) => cancelAnimationFrame(f));
    };
  }, [enabled, scrollOf, editionOf, links, level]);
}
