/**
 * Pane sync: while on, scrolling one pane brings the related passage of the
 * other pane (from `syncTarget`) to its top — or, when the panes are laid
 * out level (the Aligned view, `app/align/`), scrolls the other pane to the
 * same offset, which is the same row of the alignment. The follower's own scroll
 * events (the echo of our move) are ignored, so the panes do not chase each other:
 * for a moment after the move, and whenever the follower still sits where we put
 * it — on a busy machine the echo can arrive after the moment has passed, and
 * taking it for the reader's scroll dragged the leading pane back.
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
    /** Where we last put each pane (NaN: the reader has moved it since). */
    const placedAt = [NaN, NaN];
    const frame = [0, 0];
    const placed = (pane: PaneIndex, el: HTMLElement): void => {
      quietUntil[pane] = performance.now() + FOLLOW_QUIET_MS;
      placedAt[pane] = el.scrollTop;
    };
    const follow = (from: PaneIndex): void => {
      const to: PaneIndex = from === 0 ? 1 : 0;
      const source = scrollOf(from);
      const target = scrollOf(to);
      if (level && source && target) {
        target.scrollTop = source.scrollTop;
        placed(to, target);
        return;
      }
      const top = topParagraph(source);
      if (!source || !target || !top) return;
      const match = syncTarget(top, editionOf(from), editionOf(to), links);
      if (!match) return;
      const el = target.querySelector<HTMLElement>(`[data-address="${CSS.escape(match.address)}"]`);
      if (!el) return;
      scrollToTop(target, el);
      placed(to, target);
    };
    const handlers = ([0, 1] as const).map((pane) => (event: Event) => {
      if (performance.now() < quietUntil[pane]!) return;
      const top = (event.currentTarget as HTMLElement).scrollTop;
      if (Math.abs(top - placedAt[pane]!) < 1) return;
      placedAt[pane] = NaN;
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
