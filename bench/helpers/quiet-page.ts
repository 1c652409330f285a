import type { Page } from 'playwright-core';

/**
 * Waits until the page has run no long task for a second (at most 20 s): the reader's own
 * start-up work (fonts, lazy chunks, the library opening) is not part of what a bench measures
 * after it.
 */
export async function waitForQuietPage(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let last = performance.now();
        new PerformanceObserver(() => {
          last = performance.now();
        }).observe({ type: 'longtask', buffered: true });
        const started = performance.now();
        // No named function inside: tsx would wrap it in a helper the page does not have.
        const timer = setInterval(() => {
          const now = performance.now();
          if (now - last < 1_000 && now - started < 20_000) return;
          clearInterval(timer);
          resolve();
        }, 100);
      }),
  );
}
