/**
 * Underlines compared quotes in both panes with the CSS Custom Highlight API
 * (`CSS.highlights`, styled by `::highlight(...)` in `compare.css`): the
 * ranges come from a `domRangeMapper` (`annotations/anchoring/dom-range.ts`)
 * over each pane's rendered edition.
 *
 * Why highlights rather than wrapping the quote in elements: nothing is added
 * to the text, so the panes keep the DOM contract (a block's text is
 * `Block.text`) and the reader's own highlights (another module) can overlap
 * a compared quote freely. The cost: a highlight is not focusable or
 * clickable, which is why every compared passage also has a margin button
 * (`compare-marks.tsx`). Where the API is missing, only the buttons show.
 */
import { useEffect } from 'react';
import type { Edition } from '../../sources/edition.ts';
import type { PaneIndex } from '../state/reader-state.ts';
import type { CompareEngine } from './load-compare.ts';
import type { PlacedComparison } from './place-comparisons.ts';

/** Highlight names (the curated set and the reader's own look different). */
export const HIGHLIGHT_CURATED = 'diptych-compare';
/** The reader's own comparisons. */
export const HIGHLIGHT_OWN = 'diptych-compare-own';

interface HighlightRegistry {
  set(name: string, highlight: unknown): void;
  delete(name: string): void;
}

/** Keeps the two highlights in step with the placed comparisons and the panes. */
export function useCompareHighlights(
  engine: CompareEngine | null,
  placed: readonly PlacedComparison[],
  editionOf: (pane: PaneIndex) => Edition,
  scrollOf: (pane: PaneIndex) => HTMLElement | null,
): void {
  useEffect(() => {
    const registry = (globalThis.CSS as unknown as { highlights?: HighlightRegistry } | undefined)
      ?.highlights;
    const HighlightCtor = (
      globalThis as unknown as { Highlight?: new (...ranges: Range[]) => unknown }
    ).Highlight;
    if (!engine || !registry || !HighlightCtor) return;
    const curated: Range[] = [];
    const own: Range[] = [];
    for (const pane of [0, 1] as const) {
      const root = scrollOf(pane);
      const edition = editionOf(pane);
      if (!root) continue;
      // One walk of the pane's rendered passages for all its ranges, made only if it has any.
      let mapper: ReturnType<CompareEngine['domRangeMapper']> | undefined;
      for (const c of placed) {
        for (const side of c.sides) {
          if (side.source !== edition.id || side.start === undefined || side.end === undefined)
            continue;
          mapper ??= engine.domRangeMapper(root, edition);
          const range = mapper.rangeFromOffsets(side.start, side.end);
          if (range) (c.curated ? curated : own).push(range);
        }
      }
    }
    registry.set(HIGHLIGHT_CURATED, new HighlightCtor(...curated));
    registry.set(HIGHLIGHT_OWN, new HighlightCtor(...own));
    return () => {
      registry.delete(HIGHLIGHT_CURATED);
      registry.delete(HIGHLIGHT_OWN);
    };
  }, [engine, placed, editionOf, scrollOf]);
}
