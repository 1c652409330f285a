/**
 * `whenCitingLikely(f)`: runs `f` once, when the reader is likely to cite
 * soon — for the citation engine's warm-up, which costs one to two seconds
 * of a core and tens of megabytes in the citation worker (citeproc-js
 * expands every macro of a large style; see `bench/citation.ts`).
 *
 * Why not simply at the first idle moment: on a two-core machine that moment
 * comes while the reader is still loading (the stored annotations are
 * validated in their own worker, the highlights painted), and a visit that
 * only reads, or follows a link to glance at one paragraph, would pay for an
 * engine it never uses. So the warm-up waits for a sign of intent or a quiet
 * moment:
 * - a passage selected (the selection toolbar offers Cite);
 * - the pointer or focus on a paragraph's tools or on any element marked
 *   `data-cite-intent` (the Cite and Bibliography buttons);
 * - or `quietMs` without a click or a key press, then idle time: a reader who
 *   has stopped to read (scrolling does not count as activity here).
 *
 * The first citation after such a pause shows at once (issue 14's ≤ 300 ms,
 * `bench/cite-first.ts`, which waits 8 s); one asked for in a hurry before it
 * is built waits for the build, as before the warm-up existed.
 *
 * Returns a cancel, so an effect can return it as its cleanup.
 */
import { whenIdle } from '../views/when-idle.ts';

/** How long the reader must be still (no click, no key) before the warm-up runs anyway. */
export const QUIET_MS = 3000;

/** Elements whose hover or focus says the reader is about to cite. */
const INTENT = '[data-cite-intent], .tools';

/** Runs `f` once, on the first sign of intent to cite or after `quietMs` of stillness. */
export function whenCitingLikely(f: () => void, quietMs = QUIET_MS): () => void {
  let done = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cancelIdle: (() => void) | undefined;

  const stop = (): void => {
    done = true;
    clearTimeout(timer);
    cancelIdle?.();
    document.removeEventListener('selectionchange', onSelection);
    document.removeEventListener('pointerover', onIntent);
    document.removeEventListener('focusin', onIntent);
    document.removeEventListener('pointerdown', restart, true);
    document.removeEventListener('keydown', restart, true);
  };
  const fire = (): void => {
    if (done) return;
    stop();
    f();
  };
  function onSelection(): void {
    const selection = document.getSelection();
    if (selection && !selection.isCollapsed) fire();
  }
  function onIntent(event: Event): void {
    if (event.target instanceof Element && event.target.closest(INTENT)) fire();
  }
  function restart(): void {
    clearTimeout(timer);
    cancelIdle?.();
    cancelIdle = undefined;
    timer = setTimeout(() => {
      cancelIdle = whenIdle(fire);
    }, quietMs);
  }

  document.addEventListener('selectionchange', onSelection);
  document.addEventListener('pointerover', onIntent, { passive: true });
  document.addEventListener('focusin', onIntent);
  document.addEventListener('pointerdown', restart, { capture: true, passive: true });
  document.addEventListener('keydown', restart, true);
  restart();
  return stop;
}
