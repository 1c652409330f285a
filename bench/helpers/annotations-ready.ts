/**
 * "Ready" for the 10,000-annotation load, as the bench (`annotations-sidebar.ts`)
 * and the trace tool (`trace-annotations-load.ts`) both define it: the sidebar
 * toggle counts every annotation and the highlights are painted.
 */
import type { Page } from 'playwright-core';

/** Resolves once the page shows `count` annotations and has painted highlights. */
export async function waitForAnnotationsReady(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const h = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
      const painted = h ? [...h.values()].reduce((s, x) => s + x.size, 0) : 0;
      return (
        /\((\d+)\)/.exec(document.querySelector('.ann-toggle')?.textContent ?? '')?.[1] ===
          String(n) && painted > 0
      );
    },
    count,
    { timeout: 120_000, polling: 'raf' },
  );
}
