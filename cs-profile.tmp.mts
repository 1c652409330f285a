// One-off: where the time of the first Cite goes (not committed).
import { buildApp } from './tests/e2e/helpers/build-app.ts';
import { launchChromium } from './tests/e2e/helpers/chromium.ts';
import { serveStatic } from './tests/e2e/helpers/static-server.ts';
import { rmSync } from 'node:fs';

const outDir = await buildApp('diptych-csprof-');
const server = await serveStatic(outDir);
const browser = await launchChromium();
const PROBE = `(async () => {
  const longs = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) longs.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask' });
  const button = [...document.querySelectorAll('.block:has(> [data-address="lankov-2007:12"]) .tools button')].find((b) => b.getAttribute('aria-haspopup') === 'dialog');
  const t0 = performance.now();
  let panel = 0, citation = 0, afterClick = 0;
  const done = new Promise((resolve) => {
    const mo = new MutationObserver(() => {
      if (!panel && document.querySelector('.cite-panel')) panel = performance.now() - t0;
      const c = document.querySelector('.cite-panel .cite-citation');
      if (c && c.textContent) { citation = performance.now() - t0; mo.disconnect(); resolve(); }
    });
    mo.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  button.click();
  afterClick = performance.now() - t0;
  await done;
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const paint = performance.now() - t0;
  return { afterClick: Math.round(afterClick), panel: Math.round(panel), citation: Math.round(citation), paint: Math.round(paint), t0: Math.round(t0), longs };
})()`;
try {
  for (let i = 0; i < 4; i++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}#lankov-2007:12`);
    await page.waitForSelector('html[data-reader-ready]');
    await page.waitForTimeout(8000);
    console.log(JSON.stringify(await page.evaluate(PROBE)));
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(outDir, { recursive: true, force: true });
}
