/**
 * Puts stored data in an origin's localStorage before a bench loads the app
 * in the same page, as a reader's browser holds it from an earlier visit.
 *
 * Chromium echoes every write to each renderer that has the origin's storage
 * open, the writer's own included: a 10 MB value written just before the
 * page navigated to the app arrived during the app's load, as a 100–165 ms
 * task (`blink.mojom.StorageAreaObserver` in bench/trace-annotations-load.ts)
 * that no reader opening their annotations pays. So the writing page waits
 * for that echo (a long task in an otherwise idle page; at most
 * `ECHO_WAIT_MS` when the machine was quick enough not to make it one).
 *
 * Why the same page: a page in a fresh renderer would pay for loading the
 * origin's whole storage on its first `getItem` (1–1.9 s for these 10 MB in
 * headless Chromium here), which a reload or a second tab of the reader does
 * not, and which the figures of earlier sessions did not include. (Closing
 * the writing page and loading the app in a new one also lost the data: the
 * context is off the record.)
 */
import type { Page } from 'playwright-core';

/** The longest wait for Chromium's echo of the write. */
const ECHO_WAIT_MS = 3000;

/** Writes `entries` into localStorage from `page` (on a missing page of `origin`), and waits for the write's echo. */
export async function seedLocalStorage(
  page: Page,
  origin: string,
  entries: Readonly<Record<string, string>>,
): Promise<void> {
  // A missing page of the origin: nothing of the app runs while the data is written.
  await page.goto(new URL('favicon-missing', origin).href).catch(() => undefined);
  // A string, so the bundler's helpers (`__name`) never leak into the page.
  await page.evaluate(`new Promise((resolve) => {
    const entries = ${JSON.stringify(entries)};
    const observer = new PerformanceObserver(() => { observer.disconnect(); resolve(); });
    observer.observe({ type: 'longtask' });
    for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
    setTimeout(() => { observer.disconnect(); resolve(); }, ${ECHO_WAIT_MS});
  })`);
}
