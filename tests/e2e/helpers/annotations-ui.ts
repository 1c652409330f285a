/**
 * The annotation tests' vocabulary, on top of `ui.ts`'s `Reader`: select
 * passage text, the selection toolbar, the sidebar and its items, the
 * stored data. Tests say what a reader does ("select, press h"), not which
 * selectors the markup uses.
 */
import type { Locator, Page } from 'playwright-core';
import type { Reader } from './ui.ts';

/** The localStorage key the store writes (annotations/storage/envelope.ts). */
export { ANNOTATIONS_KEY, BACKUP_PREFIX } from '../../../annotations/storage/envelope.ts';

/**
 * Selects characters `[from, to)` of the passage text of the element with
 * `data-address="<address>"` (footnote markers and other ignored content
 * skipped), as a reader's drag would, and returns the selected text.
 */
export async function selectInPassage(page: Page, address: string, from: number, to: number): Promise<string> {
  return page.evaluate(
    ({ address, from, to }) => {
      const el = document.querySelector(`[data-address="${CSS.escape(address)}"]`);
      if (!el) throw new Error(`no element for ${address}`);
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
        acceptNode: (n) =>
          n.nodeType === 3
            ? NodeFilter.FILTER_ACCEPT
            : (n as Element).hasAttribute('data-anchor-ignore')
              ? NodeFilter.FILTER_REJECT
              : NodeFilter.FILTER_SKIP,
      });
      const range = document.createRange();
      let acc = 0;
      let started = false;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const len = (n as Text).data.length;
        if (!started && from < acc + len) {
          range.setStart(n, from - acc);
          started = true;
        }
        if (started && to <= acc + len) {
          range.setEnd(n, to - acc);
          break;
        }
        acc += len;
      }
      (el.closest('.pane-scroll') as HTMLElement | null)?.focus({ preventScroll: true });
      const sel = document.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      return range.toString();
    },
    { address, from, to },
  );
}

/** The floating toolbar at the selection. */
export function selectionToolbar(page: Page): Locator {
  return page.getByRole('toolbar', { name: 'Selected text' });
}

/** Reads localStorage[key] (null if absent). */
export function storedValue(page: Page, key: string): Promise<string | null> {
  return page.evaluate((k) => localStorage.getItem(k), key);
}

/** Every localStorage key. */
export function storedKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(localStorage));
}

/** Empties localStorage for the app's origin. */
export async function clearStorage(reader: Reader): Promise<void> {
  await reader.page.evaluate(() => localStorage.clear());
}
