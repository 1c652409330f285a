/**
 * Keeps an array's identity while its items stay the same: for memos and
 * effects that should not re-run when a caller rebuilds an equal array (the
 * reader's list of editions is rebuilt whenever a text is added, and work
 * keyed on it — re-anchoring every comparison — then ran for nothing).
 */
import { useState } from 'react';

/** `items`, or the array given on an earlier render when it holds the same items in the same order. */
export function useSameItems<T>(items: readonly T[]): readonly T[] {
  const [kept, setKept] = useState(items);
  const same =
    kept === items || (kept.length === items.length && kept.every((x, i) => x === items[i]));
  // Adjusting state during render (React's pattern for "when props change"): no extra commit.
  if (!same) setKept(items);
  return same ? kept : items;
}
