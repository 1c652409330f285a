/**
 * `npm run bench -- library-parse` (issue 12, item 3): adds each red-team
 * crafted file (`tests/fixtures/crafted/`) with **Add a text…** in headless
 * Chromium and reports the longest main-thread task from choosing the file
 * until its first paragraph is shown or it is refused (target < 200 ms; the
 * page's own thread only — the parse runs in a worker), how long that took,
 * and the time from choosing the 100,000-paragraph text to the first paint
 * of its first paragraph. The baseline in the same run: the longest task
 * while adding a two-paragraph file. Each file gets a fresh browser context
 * (an empty library).
 */
import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { buildApp } from '../tests/e2e/helpers/build-app.ts';
import { launchChromium } from '../tests/e2e/helpers/chromium.ts';
import { serveStatic } from '../tests/e2e/helpers/static-server.ts';
import { CRAFTED_TEXTS, type CraftedText } from '../tests/fixtures/crafted/crafted-texts.ts';
import { waitForQuietPage } from './helpers/quiet-page.ts';

const TARGET_MS = 200;
const fmt = (ms: number): string => `${ms.toFixed(0)} ms`;

interface Opened {
  readonly longest: number;
  readonly total: number;
  readonly outcome: string;
  readonly firstPaint?: number;
}

async function openOne(browser: Browser, url: string, name: string, text: string): Promise<Opened> {
  // No service worker: its precaching (7.6 MiB, and a notice when done) would run during the
  // measurement and is not part of opening a text.
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    serviceWorkers: 'block',
  });
  try {
    return await measure(await context.newPage(), url, name, text);
  } finally {
    await context.close();
  }
}

async function measure(page: Page, url: string, name: string, text: string): Promise<Opened> {
  await page.goto(url);
  await page.waitForSelector('html[data-reader-ready]');
  await waitForQuietPage(page);
  // The window opens when the input's change event fires: Playwright builds the chosen file
  // inside the page (decoding its bytes on the page's thread), which a reader's file picker
  // does not, so that work is not counted.
  await page.evaluate(() => {
    const w = window as unknown as { __longest: number; __start: number; __tasks: number[][] };
    w.__longest = 0;
    w.__start = Infinity;
    w.__tasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        if (e.startTime >= w.__start) {
          w.__longest = Math.max(w.__longest, e.duration);
          w.__tasks.push([Math.round(e.startTime - w.__start), Math.round(e.duration)]);
        }
    }).observe({ type: 'longtask' });
    document.querySelector('[data-testid="add-text-input"]')!.addEventListener(
      'change',
      () => {
        w.__start = performance.now();
      },
      { capture: true },
    );
  });
  await page
    .getByTestId('add-text-input')
    .setInputFiles({ name, mimeType: 'text/markdown', buffer: Buffer.from(text) });
  const stem = name.replace(/\.md$/, '');
  // Shown (its first paragraph painted) or refused (a notice naming the file says why).
  const handle = await page.waitForFunction(
    ({ stem, name }) => {
      const first = document.querySelector(`.pane[data-source^="${stem}-"] [data-address]`);
      const notice = document.querySelector('.notice-text')?.textContent ?? '';
      if (first) return `shown at ${performance.now()}`;
      if (notice.includes(`“${name}”`) && !notice.startsWith('Added')) return `refused: ${notice}`;
      return false;
    },
    { stem, name },
    { timeout: 300_000, polling: 'raf' },
  );
  const outcome = (await handle.jsonValue()) as string;
  // Let a frame pass so a long task that ends the work is counted.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
  const { longest, start, tasks } = await page.evaluate(() => {
    const w = window as unknown as { __longest: number; __start: number; __tasks: number[][] };
    return { longest: w.__longest, start: w.__start, tasks: w.__tasks };
  });
  if (process.env.BENCH_TASKS)
    console.log(`  long tasks [start, duration] ms: ${JSON.stringify(tasks)}`);
  const shownAt = /^shown at ([\d.]+)/.exec(outcome);
  return {
    longest,
    total: (shownAt ? Number(shownAt[1]) : await page.evaluate(() => performance.now())) - start,
    outcome: shownAt ? 'shown' : outcome,
    ...(shownAt ? { firstPaint: Number(shownAt[1]) - start } : {}),
  };
}

/** Prints the figures. */
export async function run(): Promise<void> {
  // DIPTYCH_BENCH_DIST serves an existing build instead (a quicker loop while working on it).
  const prebuilt = process.env['DIPTYCH_BENCH_DIST'];
  const outDir = prebuilt ?? (await buildApp('diptych-bench-library-parse-'));
  const server = await serveStatic(outDir);
  const browser = await launchChromium();
  try {
    const baseline = await openOne(
      browser,
      server.url,
      'small.md',
      'One paragraph.\n\nAnother one.',
    );
    console.log(`baseline (2 paragraphs): longest main-thread task ${fmt(baseline.longest)}`);
    // BENCH_FILES=long-text.md,mr.md runs only those (while working on one).
    const only = process.env.BENCH_FILES?.split(',');
    const cases: CraftedText[] = CRAFTED_TEXTS.filter((t) => !only || only.includes(t.name));
    for (const crafted of cases) {
      const r = await openOne(browser, server.url, crafted.name, crafted.make());
      console.log(
        `${crafted.description}: longest main-thread task ${fmt(r.longest)} (target < ${TARGET_MS} ms; ${baseline.longest > 0 ? `${(r.longest / baseline.longest).toFixed(1)}× baseline` : 'baseline: none ≥ 50 ms'}), ${r.outcome} after ${fmt(r.total)}`,
      );
      if (crafted.name === 'long-text.md' && r.firstPaint !== undefined)
        console.log(
          `100,000-paragraph text: first paint of its first paragraph ${fmt(r.firstPaint)} after choosing the file`,
        );
    }
  } finally {
    await browser.close();
    await server.close();
    if (!prebuilt) rmSync(outDir, { recursive: true, force: true });
  }
}
