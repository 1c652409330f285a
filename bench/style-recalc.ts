/**
 * A screening aid for the first paint's style cost (issue 15; the figures of
 * record are `npm run bench reader`): loads pages of a build with the entry
 * refused (the prerendered page stays as it is first painted), then, for each
 * selector, sets a custom property on the elements it matches through an
 * adopted style sheet and forces the style recalculation
 * (`getComputedStyle`), 80 times, printing the minimum, first quartile and
 * median in ms. Warm, in one page: steadier than a cold load's trace, so a
 * hand-edited copy of `index.html` can be screened in seconds (an adopted
 * sheet, because the page's Content-Security-Policy refuses an inline
 * `<style>` added by script).
 *
 *   npx tsx bench/style-recalc.ts --dist DIR [--selectors '*|.block|.banner *'] page.html …
 *
 * The bench's static page is written into DIR as `static.html`. Not part of
 * `npm run bench`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { builtinEditions } from '../sources/builtin.ts';
import { launchChromium } from '../tests/e2e/helpers/chromium.ts';
import { serveStatic } from '../tests/e2e/helpers/static-server.ts';
import { argValue } from './helpers/arg-value.ts';
import { loadAverages } from './helpers/load-average.ts';
import { staticPage } from './reader.ts';

/** Runs in the page (a string: tsx would wrap inner functions in a helper the page lacks). */
const RECALC = `(selectors) => selectors.map((selector) => {
  const times = [];
  for (let i = 0; i < 80; i++) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(selector + '{--style-recalc:' + i + '}');
    document.adoptedStyleSheets = [sheet];
    const t = performance.now();
    getComputedStyle(document.body.lastElementChild).color;
    times.push(performance.now() - t);
    document.adoptedStyleSheets = [];
    getComputedStyle(document.body.lastElementChild).color;
  }
  times.sort((a, b) => a - b);
  return { selector, matched: document.querySelectorAll(selector).length, min: times[0], q1: times[20], median: times[40] };
})`;

async function main(): Promise<void> {
  const dist = argValue('--dist');
  if (!dist) throw new Error('usage: --dist DIR [--selectors "*|.block"] page.html …');
  const selectors = (argValue('--selectors') ?? '*').split('|');
  const flagged = new Set(['--dist', '--selectors']);
  const named = process.argv
    .slice(2)
    .filter((a, i, all) => !a.startsWith('--') && !flagged.has(all[i - 1] ?? ''));
  const pages = named.length ? named : ['static.html', 'index.html'];
  writeFileSync(path.join(dist, 'static.html'), staticPage(builtinEditions()));
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  console.log(`load at start: ${loadAverages()}`);
  try {
    for (const p of pages) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      await page.route(/\/assets\/index-[^/]*\.js$/, (r) => r.abort());
      await page.goto(server.url + p, { waitUntil: 'load' });
      await page.waitForTimeout(300);
      const rows = (await page.evaluate(`(${RECALC})(${JSON.stringify(selectors)})`)) as {
        selector: string;
        matched: number;
        min: number;
        q1: number;
        median: number;
      }[];
      for (const r of rows)
        console.log(
          `${p.padEnd(20)} ${r.selector.padEnd(24)} ${String(r.matched).padStart(4)} elements: min ${r.min.toFixed(1)}, q1 ${r.q1.toFixed(1)}, median ${r.median.toFixed(1)} ms`,
        );
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`load at end: ${loadAverages()}`);
}

await main();
