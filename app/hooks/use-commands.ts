/**
 * Routes key presses to `COMMANDS` and carries out their effects. One
 * listener on `window`; the state is read through a ref so the listener is
 * installed once.
 */
import { useEffect, useRef } from 'react';
import type { Address, Edition } from '../../sources/edition.ts';
import { commandForKey, type CommandEffect } from '../commands/commands.ts';
import type { PaneRun } from '../state/passage-stops.ts';
import type { PaneIndex, ReaderState } from '../state/reader-state.ts';
import { focusPaneStop } from '../views/roving-passage.ts';
import { replaceHash } from './use-hash-location.ts';
import { topParagraph } from './top-paragraph.ts';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The address of the passage (block, note or sentence) `target` is, when it is one inside a pane's edition. */
function focusedPassage(target: EventTarget | null): Address | null {
  if (!(target instanceof HTMLElement)) return null;
  const address = target.getAttribute('data-address');
  const root = target.closest('.pane[data-source]')?.querySelector('article.edition');
  return address && root?.contains(target) ? (address as Address) : null;
}

/** The first paragraph of the run whose Aligned-view row (in a pane's text) `target` is, if it is one. */
function focusedRun(target: EventTarget | null): Address | null {
  if (!(target instanceof HTMLElement) || !target.matches('.pane article.edition .aligned-run'))
    return null;
  return (target.dataset.run as Address | undefined) ?? null;
}

/** Installs the keyboard shortcuts. */
export function useCommands(
  editions: readonly Edition[],
  state: ReaderState,
  setState: (next: ReaderState) => void,
  scrollOf: (pane: PaneIndex) => HTMLElement | null,
  runEffect: (effect: CommandEffect) => void,
  runsOf?: (pane: PaneIndex) => readonly PaneRun[],
): void {
  const latest = useRef({ state, setState, scrollOf, runEffect, editions, runsOf });
  useEffect(() => {
    latest.current = { state, setState, scrollOf, runEffect, editions, runsOf };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented) return;
      const { state, setState, scrollOf, runEffect, editions, runsOf } = latest.current;
      const input = {
        key: e.key,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        altKey: e.altKey,
        shiftKey: e.shiftKey,
        inEditable: isEditable(e.target),
        passage: focusedPassage(e.target),
        runRow: focusedRun(e.target),
      };
      const command = commandForKey(input, state);
      if (!command) return;
      e.preventDefault();
      const result = command.perform(
        state,
        { editions, topOf: (pane) => topParagraph(scrollOf(pane)), runsOf },
        input,
      );
      if (result.state !== state) setState(result.state);
      if (result.effect) runEffect(result.effect);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** What carrying out an effect needs from the views. */
export interface EffectHandlers {
  readonly focusSearch: () => void;
  readonly undoAnnotation: () => void;
  readonly openAnnotationAt: (address: Address) => void;
}

/** Carries out an effect that needs the page. */
export function runCommandEffect(effect: CommandEffect, handlers: EffectHandlers): void {
  switch (effect.type) {
    case 'focusSearch':
      handlers.focusSearch();
      break;
    case 'replaceHash':
      replaceHash(effect.address);
      break;
    case 'undoAnnotation':
      handlers.undoAnnotation();
      break;
    case 'openAnnotationAt':
      handlers.openAnnotationAt(effect.address);
      break;
    case 'focusPassage':
      focusPassageAfterRender(effect.address);
      break;
    case 'focusPane':
      focusPaneStop(effect.pane);
      break;
    case 'focusRun':
      focusAfterRender(`.aligned-run[data-run="${CSS.escape(effect.run)}"]`);
      break;
  }
}

/**
 * Focuses the passage inside a pane's edition once React has rendered the state change that
 * moved it (checked for a few frames; the render is usually done by the first).
 */
function focusPassageAfterRender(address: Address): void {
  focusAfterRender(`[data-address="${CSS.escape(address)}"]`, { preventScroll: true });
}

/** Focuses the element `selector` finds in a pane's edition once rendered (see above). */
function focusAfterRender(selector: string, options?: FocusOptions, frames = 5): void {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>(
      `.pane[data-source] article.edition ${selector}`,
    );
    if (el && el !== document.activeElement) el.focus(options);
    else if (!el && frames > 1) focusAfterRender(selector, options, frames - 1);
  });
}
