/**
 * The first citation in the reader (issue 14: "the first citation in a style
 * shows ≤ 300 ms after the click once the page has been idle"), in headless
 * Chromium against the production build served on localhost.
 *
 * Each run: a new browser context (empty storage, cold cache), the reader
 * opened at `#lankov-2007:12`, then `IDLE_MS` of idle time (the page warms
 * the chosen style's engine in its worker meanwhile), then the paragraph's
 * Cite button is clicked from inside the page and the time is taken, with
 * `performance.now()` and a check every animation frame, until the panel
 * shows (dialog in the page) and until its in-text citation has text. The
 * default style (APA 7) is measured; then, in the same page, MLA 9 chosen in
 * the open panel (a style that was not warmed: the time a reader waits for a
 * first citation in another style). Medians of `RUNS`.
 */
import { rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { buildApp } from '../tests/e2e/helpers/build-app.ts';
import { launchChromium } from '../tests/e2e/helpers/chromium.ts';
import { serveStatic } from '../tests/e2e/helpers/static-server.ts';

const RUNS = 5;
const IDLE_MS = 8000;
const TARGET_MS = 300;

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;

// A string, not a function: tsx would wrap named inner functions in a `__name` helper the page lacks.
const CLICK_AND_WAIT = `(async () => {
  const button = [...document.querySelectorAll('.block:has(> [data-address="lankov-2007:12"]) .tools button')]
    .find((b) => b.getAttribute('aria-haspopup') === 'dialog');
  if (!button) throw new Error('no Cite button');
  const start = performance.now();
  button.click();
  let panel = Infinity;
  for (;;) {
    if (panel === Infinity && document.querySelector('.cite-panel')) panel = performance.now() - start;
    const shown = document.querySelector('.cite-panel .cite-citation');
    if (shown && shown.textContent) return { panel, citation: performance.now() - start };
    if (performance.now() - start > 30000) return { panel, citation: Infinity };
    await new Promise((r) => requestAnimationFrame(r));
  }
})()`;

const OTHER_STYLE = `(async () => {
  const select = [...document.querySelectorAll('.cite-panel select')].find(
    (s) => s.querySelector('option[value="mla"]'));
  const before = document.querySelector('.cite-panel .cite-citation')?.textContent;
  const start = performance.now();
  select.value = 'mla';
  select.dispatchEvent(new Event('change', { bubbles: true }));
  for (;;) {
    const el = document.querySelector('.cite-panel .cite-forms[data-style="mla"] .cite-citation');
    if (el && el.textContent && el.textContent !== before) return performance.now() - start;
    if (performance.now() - start > 60000) return Infinity;
    await new Promise((r) => requestAnimationFrame(r));
  }
})()`;

async function once(
  browser: Browser,
  url: string,
): Promise<{ panel: number; citation: number; other: number }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${url}#lankov-2007:12`);
    await page.waitForSelector('html[data-reader-ready]');
    await page.waitForTimeout(IDLE_MS);
    const first = (await page.evaluate(CLICK_AND_WAIT)) as { panel: number; citation: number };
    const other = (await page.evaluate(OTHER_STYLE)) as number;
    return { ...first, other };
  } finally {
    await context.close();
  }
}

/** Prints the figures. */
export async function run(): Promise<void> {
  const outDir = await buildApp('diptych-bench-cite-');
  const server = await serveStatic(outDir);
  const browser = await launchChromium();
  try {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await once(browser, server.url));
    const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : 'timed out');
    const citation = median(runs.map((r) => r.citation));
    console.log(
      `first citation after the click, page idle ${IDLE_MS / 1000} s, APA 7 (median of ${RUNS}, new context each):`,
    );
    console.log(`  panel shown:       ${fmt(median(runs.map((r) => r.panel)))} ms`);
    console.log(
      `  citation shown:    ${fmt(citation)} ms (runs: ${runs.map((r) => fmt(r.citation)).join(', ')}; target ≤ ${TARGET_MS}: ${citation <= TARGET_MS ? 'met' : 'NOT met'})`,
    );
    console.log(
      `  then MLA 9 chosen in the panel (not warmed): ${fmt(median(runs.map((r) => r.other)))} ms`,
    );
  } finally {
    await browser.close();
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}
