/**
 * The selection toolbar's "Cite" action (registered in `app/app.tsx`'s
 * `selectionActions`): opens the Cite panel on what the reader selected,
 * quoting exactly the selection. A selection across numbered paragraphs
 * cites their range ("paras. 12–14"); the address comes from
 * `addressForRange`, the same rule annotations use.
 */
import { useMemo } from 'react';
import { addressForRange } from '../../annotations/model/address-for-range.ts';
import type { SelectionAction } from '../selection/selection-action.ts';

/** The shortcut key for Cite while the selection toolbar shows (h, n, l and the reader's keys are taken). */
export const CITE_SHORTCUT = 'i';

/** The Cite action, memoized on `citeSpan` (from `useCitations`). */
export function useCiteAction(
  citeSpan: (from: string, to: string, quote: string) => void,
): readonly SelectionAction[] {
  return useMemo(
    () => [
      {
        id: 'cite',
        label: 'Cite',
        shortcut: CITE_SHORTCUT,
        run: (selection) => {
          const address = addressForRange(selection.edition, selection.start, selection.end);
          if (address) citeSpan(address, address, selection.quote);
        },
      },
    ],
    [citeSpan],
  );
}
