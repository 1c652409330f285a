/**
 * The longest main-thread task of a page load (Long Tasks API), as the
 * 10,000-annotation benches (`annotations-sidebar.ts`, `ab-annotations-load.ts`,
 * `sync-replication.ts`, `ab-sync-replication.ts`) measure it: observed from the
 * document's start (or from a reset), read when the bench asks.
 */
import type { Page } from 'playwright-core';

/** Observes every long task of the page's next documents; call before `goto`. */
export async function observeLongestTask(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __longest: number };
    w.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** Forgets the tasks seen so far: the longest is counted from now on. */
export async function resetLongestTask(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __longest: number }).__longest = 0;
  });
}

/** The longest task seen so far, in ms. */
export function longestTask(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __longest: number }).__longest);
}
