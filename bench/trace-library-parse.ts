/**
 * A profiling aid for opening a crafted text (issue 12; the figures
 * themselves are `npm run bench -- library-parse`): adds the file with
 * **Add a text…** in the production build under a Chromium trace, from the
 * input's change event until its first paragraph is shown and `--after`
 * ms more (storage, indexes and renders that follow the first paint count
 * too), then lists every main-thread task longer than a threshold with what
 * ran inside it.
 *
 *   npx tsx bench/trace-library-parse.ts [--dist DIR] [--file long-text.md] [--over 50] [--after 3000] [--out trace.json]
 *   npx tsx bench/trace-library-parse.ts --trace trace.json [--over 50]
 *
 * `--dist` reuses a build (one built with `minify: false` keeps the
 * function names readable); otherwise one is made. Not part of
 * `npm run bench`: it prints causes, not figures.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { buildApp } from '../tests/e2e/helpers/build-app.ts';
import { launchChromium } from '../tests/e2e/helpers/chromium.ts';
import { serveStatic } from '../tests/e2e/helpers/static-server.ts';
import { craftedText } from '../tests/fixtures/crafted/crafted-texts.ts';
import { waitForQuietPage } from './helpers/quiet-page.ts';
import {
  longTaskReport,
  threadOfMark,
  TRACE_CATEGORIES,
  type TraceEvent,
} from './helpers/trace-tasks.ts';
import { argValue } from './helpers/arg-value.ts';

const MARK = 'diptych-file-chosen';

function report(traceEvents: readonly TraceEvent[], over: number): void {
  for (const line of longTaskReport(traceEvents, threadOfMark(traceEvents, MARK), over))
    console.log(line);
}

async function main(): Promise<void> {
  const over = Number(argValue('--over') ?? 50);
  const saved = argValue('--trace');
  if (saved) {
    const { traceEvents } = JSON.parse(readFileSync(saved, 'utf8')) as {
      traceEvents: TraceEvent[];
    };
    report(traceEvents, over);
    return;
  }
  const name = argValue('--file') ?? 'long-text.md';
  const after = Number(argValue('--after') ?? 3000);
  const given = argValue('--dist');
  const dist = given ?? (await buildApp('diptych-trace-'));
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({
      viewport: { width: 1400, height: 900 },
      serviceWorkers: 'block',
    });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector('html[data-reader-ready]');
    await waitForQuietPage(page);
    await page.evaluate((mark) => {
      document
        .querySelector('[data-testid="add-text-input"]')!
        .addEventListener('change', () => performance.mark(mark), { capture: true });
    }, MARK);
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    await page
      .getByTestId('add-text-input')
      .setInputFiles({ name, mimeType: 'text/markdown', buffer: Buffer.from(craftedText(name)) });
    const stem = name.replace(/\.md$/, '');
    const shown = await page.waitForFunction(
      ({ stem, name, mark }) => {
        const first = document.querySelector(`.pane[data-source^="${stem}-"] [data-address]`);
        const notice = document.querySelector('.notice-text')?.textContent ?? '';
        const refused = notice.includes(`“${name}”`) && !notice.startsWith('Added');
        if (!first && !refused) return false;
        const chosen = performance.getEntriesByName(mark)[0]?.startTime ?? 0;
        return `${first ? 'shown' : `refused (${notice})`} ${(performance.now() - chosen).toFixed(0)} ms after choosing the file`;
      },
      { stem, name, mark: MARK },
      { timeout: 300_000, polling: 'raf' },
    );
    console.log(await shown.jsonValue());
    await page.waitForTimeout(after);
    const buffer = await browser.stopTracing();
    const out = argValue('--out');
    if (out) writeFileSync(out, buffer);
    const { traceEvents } = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] };
    report(traceEvents, over);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
    if (!given) rmSync(dist, { recursive: true, force: true });
  }
}

await main();
