/**
 * The annotation tests' vocabulary, on top of `ui.ts`'s `Reader`: select
 * passage text, the selection toolbar, the sidebar and its items, the
 * stored data. Tests say what a reader does ("select, press h"), not which
 * selectors the markup uses.
 */
import type { Locator, Page } from 'playwright-core';
import { headerTool, type Reader } from './ui.ts';

/** The localStorage key the store writes (annotations/storage/envelope.ts). */
export { ANNOTATIONS_KEY, BACKUP_PREFIX } from '../../../annotations/storage/envelope.ts';

/**
 * Selects characters `[from, to)` of the passage text of the element with
 * `data-address="<address>"` (footnote markers and other ignored content
 * skipped), as a reader's drag would, after scrolling it into view, and
 * returns the selected text.
 */
export async function selectInPassage(
  page: Page,
  address: string,
  from: number,
  to: number,
): Promise<string> {
  return page.evaluate(
    ({ address, from, to }) => {
      const el = document.querySelector(`[data-address="${CSS.escape(address)}"]`);
      if (!el) throw new Error(`no element for ${address}`);
      // A reader selects what is on screen (and only highlights near the viewport are painted).
      el.scrollIntoView({ block: 'center' });
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

/** The annotations sidebar (a complementary landmark). */
export function sidebar(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Annotations' });
}

/** The sidebar's toggle button in the header. */
export function sidebarToggle(page: Page): Locator {
  return page.locator('.ann-toggle');
}

/** Opens the sidebar if it is closed. */
export async function openSidebar(page: Page): Promise<Locator> {
  const toggle = sidebarToggle(page);
  if ((await toggle.getAttribute('aria-pressed')) !== 'true')
    await (await headerTool(page, /^Annotations/)).click();
  const bar = sidebar(page);
  await bar.waitFor();
  return bar;
}

/** Edits annotation `id`'s note in the sidebar (opened if need be) and saves it. */
export async function editNote(page: Page, id: string, note: string): Promise<void> {
  const bar = await openSidebar(page);
  await bar.locator(`[data-annotation-id="${id}"]`).getByRole('button', { name: /^Edit/ }).click();
  const editor = bar.getByRole('form', { name: 'Edit annotation' });
  await editor.getByLabel('Note').fill(note);
  await editor.getByRole('button', { name: 'Save' }).click();
  await editor.waitFor({ state: 'detached' });
}

/** The sidebar items (placed then unplaced). */
export function sidebarItems(page: Page): Locator {
  return sidebar(page).locator('li.ann-item');
}

/** The texts painted by a named highlight (`diptych-yellow`…), in the order they were added. */
export function paintedTexts(page: Page, name: string): Promise<string[]> {
  return page.evaluate((n) => {
    const h = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights.get(n);
    return h
      ? [...h].map((s) => {
          const r = document.createRange();
          r.setStart(s.startContainer, s.startOffset);
          r.setEnd(s.endContainer, s.endOffset);
          return r.toString();
        })
      : [];
  }, name);
}

/** A stored annotation, as the tests read it. */
export interface StoredAnnotation {
  readonly id: string;
  readonly motivation: string;
  readonly color?: string;
  readonly note?: string;
  readonly tags: string[];
  readonly targets: {
    source: string;
    selectors: {
      quote: { exact: string; prefix: string; suffix: string };
      position: { start: number; end: number };
      address: string;
    };
  }[];
}

/** The annotations stored under the store's key (none if absent). */
export async function storedAnnotations(page: Page): Promise<StoredAnnotation[]> {
  const { ANNOTATIONS_KEY } = await import('../../../annotations/storage/envelope.ts');
  const raw = await storedValue(page, ANNOTATIONS_KEY);
  return raw === null ? [] : (JSON.parse(raw) as { annotations: StoredAnnotation[] }).annotations;
}

/** Selects `[from, to)` of a passage and runs the toolbar action with that key (h, n). */
export async function annotate(
  page: Page,
  address: string,
  from: number,
  to: number,
  key: string,
): Promise<string> {
  const quote = await selectInPassage(page, address, from, to);
  const bar = selectionToolbar(page);
  await bar.waitFor();
  await page.keyboard.press(key);
  await bar.waitFor({ state: 'detached' });
  return quote.trim();
}

/** The storage status bar (quota, corrupted data, memory fallback). */
export function storageStatus(page: Page): Locator {
  return page.locator('.ann-status');
}

/**
 * Simulated full storage for the page's next loads: while `window.__quota` is
 * true, every `setItem` throws as a full localStorage does.
 */
export async function simulateQuota(reader: Reader): Promise<void> {
  await reader.page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if ((window as unknown as { __quota?: boolean }).__quota) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return setItem.call(this, key, value);
    };
  });
}
