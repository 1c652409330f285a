/**
 * Loads the full Korean web font (`hangul-font.ts`, a lazy chunk) the first
 * time a pane shows a text of the reader's own that has Hangul in it. The
 * built-in texts need none: their Hangul is in the subset named in the
 * prerendered page (`build/text-fonts-plugin.ts`).
 *
 * Whether a text has Hangul is one regular-expression scan of its text per
 * edition, remembered, run when the pane changes (a 38 MB text scans in tens
 * of milliseconds, once).
 */
import { useEffect } from 'react';
import type { Edition } from '../../sources/edition.ts';

// The script the pipeline tags `ko` (sources/split-language-runs.ts).
const HANGUL = /\p{Script=Hangul}/u;
const seen = new WeakMap<Edition, boolean>();

/** True when `edition`'s text has a Hangul character (remembered per edition). */
export function hasHangul(edition: Edition): boolean {
  let known = seen.get(edition);
  if (known === undefined) {
    known = HANGUL.test(edition.text);
    seen.set(edition, known);
  }
  return known;
}

/** Loads the font once either pane shows one of `ownIds`' texts with Hangul. */
export function useHangulFont(
  shown: readonly [Edition, Edition],
  ownIds: ReadonlySet<string>,
): void {
  const [left, right] = shown;
  useEffect(() => {
    const needed = [left, right].some((e) => ownIds.has(e.id) && hasHangul(e));
    if (!needed) return;
    import('./hangul-font.ts').then(
      (m) => m.registerHangulFont(),
      () => undefined, // Offline before the chunk was cached: the system's fonts, as before.
    );
  }, [left, right, ownIds]);
}
