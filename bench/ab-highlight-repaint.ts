/**
 * An A/B aid for the highlights' repaint with 10,000 stored annotations: two
 * builds made earlier, each loaded in turn (A, B, B, A…) with the bench's
 * stored set until ready (`helpers/annotations-ready.ts`), left to settle,
 * then its left pane scrolled by a pixel and back, `--frames` times: each
 * scroll repaints the highlights (`app/annotations/use-highlights.ts`): the
 * time from the scroll until a task after the second frame's rendering
 * (two frames at least, whatever the work; more when the repaint, script and
 * rendering together, overruns them). Prints medians with the load average.
 *
 *   npx tsx bench/ab-highlight-repaint.ts --a DIR --b DIR [--loads 6] [--frames 20]
 */
import { launchChromium } from '../tests/e2e/helpers/chromium.ts';
import { serveStatic } from '../tests/e2e/helpers/static-server.ts';
import { waitForAnnotationsReady } from './helpers/annotations-ready.ts';
import { argValue } from './helpers/arg-value.ts';
import { loadAverages } from './helpers/load-average.ts';
import { seedLocalStorage } from './helpers/seed-storage.ts';
import { spreadAnnotations, storedEntries } from './helpers/spread-annotations.ts';

const COUNT = 10_000;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const dirs = { A: argValue('--a'), B: argValue('--b') };
if (!dirs.A || !dirs.B) throw new Error('usage: --a DIR --b DIR [--loads N] [--frames N]');
const loads = Number(argValue('--loads') ?? 6);
const frames = Number(argValue('--frames') ?? 20);
const entries = storedEntries(spreadAnnotations(COUNT));
const servers = { A: await serveStatic(dirs.A), B: await serveStatic(dirs.B) };
const browser = await launchChromium();
const got = { A: [] as number[], B: [] as number[] };
console.log(`A = ${dirs.A}\nB = ${dirs.B}\nload at start: ${loadAverages()}`);
try {
  for (let l = 0; l < loads; l++) {
    const order = l % 2 === 0 ? (['A', 'B'] as const) : (['B', 'A'] as const);
    const line: string[] = [];
    for (const k of order) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      await seedLocalStorage(page, servers[k].url, entries);
      await page.goto(servers[k].url);
      await waitForAnnotationsReady(page, COUNT);
      await page.waitForTimeout(2000);
      const times = await page.evaluate(`(async () => {
        const pane = document.querySelector('.pane-scroll');
        const out = [];
        for (let i = 0; i < ${frames}; i++) {
          const t = performance.now();
          pane.scrollTop += i % 2 === 0 ? 1 : -1;
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0))));
          out.push(performance.now() - t);
        }
        return out;
      })()`);
      const m = median(times as number[]);
      got[k].push(m);
      line.push(`${k} ${m.toFixed(1)} ms`);
      await context.close();
    }
    console.log(`pair ${l + 1}: ${line.join(' | ')}   (load ${loadAverages()})`);
  }
} finally {
  await browser.close();
  await servers.A.close();
  await servers.B.close();
}
console.log(
  `median repaint: A ${median(got.A).toFixed(1)} ms, B ${median(got.B).toFixed(1)} ms; load at end: ${loadAverages()}`,
);
