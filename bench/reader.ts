/**
 * Reader speed (issue 4), in headless Chromium against the production build
 * served on localhost:
 *
 * - Initial JavaScript: the gzipped size (node:zlib, level 9) of every script
 *   `index.html` loads without user action (`<script src>`,
 *   `<link rel="modulepreload">`, and the entry the inline bootstrap imports
 *   after the first frame), against the 150 KB budget. Chunks loaded
 *   on demand (search…) are listed apart.
 * - Time to first paragraph painted: the Element Timing API. The first
 *   numbered paragraph of the left pane carries `elementtiming`; its
 *   `renderTime` (ms from navigation start) is read from a buffered
 *   PerformanceObserver. The baseline is a plain static HTML page of the same
 *   two texts (blocks and notes as <p>, a few lines of inline CSS for two
 *   columns, no script), generated in the same run, whose first paragraph
 *   carries the same attribute. Each run uses a new browser context (cold
 *   cache); runs alternate between the two pages; medians are compared.
 *   First Contentful Paint is printed alongside.
 *
 * Search speed has its own bench (bench/search.ts).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { builtinEditions } from '../sources/builtin.ts';
import type { Edition } from '../sources/edition.ts';
import { buildApp } from '../tests/e2e/helpers/build-app.ts';
import { launchChromium } from '../tests/e2e/helpers/chromium.ts';
import { serveStatic } from '../tests/e2e/helpers/static-server.ts';

/** Runs per page. */
const RUNS = 25;
/** Initial JS budget, gzipped bytes (issue 15; was 150 KB in issue 4). */
const JS_BUDGET = 120 * 1024;
/** Target: first paragraph painted no later than this multiple of the static page's (issue 15; was 1.5). */
const PAINT_TARGET_RATIO = 1.2;

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The baseline: both texts as plain HTML, no script. */
export function staticPage(editions: readonly Edition[]): string {
  const columns = editions.map((e, i) => {
    const firstNumbered = e.blocks.find((b) => b.n !== undefined)?.address;
    const blocks = e.blocks
      .filter((b) => b.role !== 'chrome')
      .map((b) => {
        const timing =
          i === 0 && b.address === firstNumbered ? ' elementtiming="first-paragraph"' : '';
        return `<p${timing}>${b.n !== undefined ? `<small>${b.n}</small> ` : ''}${escapeHtml(b.text)}</p>`;
      });
    const notes = e.footnotes.map((f) => `<p>${f.n}. ${escapeHtml(f.text)}</p>`);
    return `<section lang="${e.lang}"><h2>${escapeHtml(e.title)}</h2>${blocks.join('')}${notes.join('')}</section>`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>static</title>
<style>body{margin:0;font-family:Georgia,serif;display:grid;grid-template-columns:1fr 1fr;height:100vh}
section{overflow:auto;padding:1rem 3rem;max-width:38rem}</style></head><body>${columns.join('')}</body></html>`;
}

/** The scripts index.html loads up front. */
export function initialScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)) out.push(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"[^>]*>/g))
    out.push(m[1]!);
  // The entry imported by the inline bootstrap (app/build/editions-plugin.ts, deferEntry).
  // Any attributes (the boot script has an id); a script with `src` has no body to search.
  for (const script of html.matchAll(/<script type="module"[^>]*>([\s\S]*?)<\/script>/g)) {
    for (const m of script[1]!.matchAll(/import\("([^"]+)"\)/g)) out.push(m[1]!);
  }
  return [...new Set(out)];
}

/** Every chunk an initial script imports statically, followed recursively (what loads before the app runs). */
export function withStaticImports(outDir: string, scripts: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (src: string): void => {
    const file = path.posix.normalize(src.replace(/^\.\//, ''));
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(path.join(outDir, file), 'utf8');
    // Static `import … from "./x.js"` and `import "./x.js"`, not dynamic `import("./x.js")`.
    for (const m of code.matchAll(/\bimport\s*(?:[\w*{}\s,$]+from\s*)?["'](\.\.?\/[^"']+)["']/g)) {
      visit(path.posix.join(path.posix.dirname(file), m[1]!));
    }
  };
  for (const src of scripts) visit(src);
  return [...seen].map((f) => `./${f}`);
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

export interface Paint {
  readonly element: number;
  readonly fcp: number;
}

/** Resolves with the first contentful paint and the first paragraph's Element Timing render time. */
const PAINT_PROBE = `new Promise((resolve, reject) => {
  let fcp = NaN;
  let element = NaN;
  const timer = setTimeout(() => reject(new Error('no paint or element timing entry within 5 s')), 5000);
  const check = () => {
    if (Number.isNaN(fcp) || Number.isNaN(element)) return;
    clearTimeout(timer);
    resolve({ element, fcp });
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') fcp = entry.startTime;
    check();
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.identifier === 'first-paragraph') element = entry.renderTime || entry.startTime;
    }
    check();
  }).observe({ type: 'element', buffered: true });
})`;

/** One cold load of `url` in a new context: its first paragraph's paint and its FCP. */
export async function measurePaint(browser: Browser, url: string): Promise<Paint> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  // A string, not a function: tsx would wrap named inner functions in a `__name` helper the page lacks.
  const paint = (await page.evaluate(PAINT_PROBE)) as Paint;
  await context.close();
  return paint;
}

/** Prints the reader's figures. */
export async function run(): Promise<void> {
  const editions = builtinEditions();
  const outDir = await buildApp('diptych-bench-');
  try {
    const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
    const scripts = withStaticImports(outDir, initialScripts(html));
    let initial = 0;
    for (const src of scripts) {
      const bytes = readFileSync(path.join(outDir, src));
      const gz = gzipSync(bytes, { level: 9 }).length;
      initial += gz;
      console.log(
        `initial script ${src}: ${(bytes.length / 1024).toFixed(1)} KB, ${(gz / 1024).toFixed(1)} KB gzipped`,
      );
    }
    const { readdirSync } = await import('node:fs');
    for (const file of readdirSync(path.join(outDir, 'assets'))) {
      if (!file.endsWith('.js') || scripts.some((s) => s.endsWith(file))) continue;
      const gz = gzipSync(readFileSync(path.join(outDir, 'assets', file)), { level: 9 }).length;
      console.log(`on-demand chunk assets/${file}: ${(gz / 1024).toFixed(1)} KB gzipped`);
    }
    console.log(
      `initial JS total: ${(initial / 1024).toFixed(1)} KB gzipped (budget ${JS_BUDGET / 1024} KB: ${initial <= JS_BUDGET ? 'within' : 'OVER'}, ${((100 * initial) / JS_BUDGET).toFixed(0)}% of budget)`,
    );
    console.log(
      `index.html (prerendered): ${(html.length / 1024).toFixed(1)} KB, ${(gzipSync(html).length / 1024).toFixed(1)} KB gzipped`,
    );

    writeFileSync(path.join(outDir, 'static.html'), staticPage(editions));
    const server = await serveStatic(outDir);
    const browser = await launchChromium();
    try {
      const appPaints: Paint[] = [];
      const staticPaints: Paint[] = [];
      // One warm-up of each (browser process start-up, disk cache of the server).
      await measurePaint(browser, `${server.url}static.html`);
      await measurePaint(browser, server.url);
      for (let i = 0; i < RUNS; i++) {
        staticPaints.push(await measurePaint(browser, `${server.url}static.html`));
        appPaints.push(await measurePaint(browser, server.url));
      }
      const s = median(staticPaints.map((p) => p.element));
      const a = median(appPaints.map((p) => p.element));
      console.log(
        `first paragraph painted (Element Timing, median of ${RUNS}, cold context each):`,
      );
      console.log(
        `  static page: ${s.toFixed(1)} ms (FCP ${median(staticPaints.map((p) => p.fcp)).toFixed(1)} ms)`,
      );
      console.log(
        `  reader:      ${a.toFixed(1)} ms (FCP ${median(appPaints.map((p) => p.fcp)).toFixed(1)} ms)`,
      );
      console.log(
        `  ratio reader/static: ${(a / s).toFixed(2)} (target ≤ ${PAINT_TARGET_RATIO}: ${a / s <= PAINT_TARGET_RATIO ? 'met' : 'NOT met'})`,
      );
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
