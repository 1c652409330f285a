/**
 * `when-citing-likely.ts` in a real browser (the e2e run's Chromium): the
 * citation engine's warm-up waits for a sign of intent (a selection, the
 * pointer or focus on a Cite button or a paragraph's tools) or for a quiet
 * moment, and clicks or key presses push the quiet moment back.
 *
 * The module is bundled with esbuild into a script the blank test page runs;
 * each case calls it with its own quiet time and reads when (and whether) it
 * fired.
 */
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectChromium, type ConnectedBrowser } from '../../e2e/helpers/chromium.ts';
import { workerBrowserEndpoint } from '../../e2e/helpers/ui.ts';
import { scaled } from '../../slowdown.ts';

interface Probe {
  /** When `f` ran (performance.now()), or null. */
  firedAt: number | null;
  /** How many times it ran. */
  calls: number;
}
type PageGlobals = {
  CitingLikely: typeof import('../../../app/citations/when-citing-likely.ts');
  probe: Probe;
  cancel: () => void;
};

let browser: ConnectedBrowser;
let page: Page;

beforeAll(async () => {
  const bundled = await build({
    entryPoints: [
      new URL('../../../app/citations/when-citing-likely.ts', import.meta.url).pathname,
    ],
    bundle: true,
    format: 'iife',
    globalName: 'CitingLikely',
    write: false,
    target: 'es2022',
  });
  browser = await connectChromium(workerBrowserEndpoint());
  page = await browser.context.newPage();
  await page.setContent(
    `<!doctype html><html><body>
      <p id="text">The USSR remained the major donor of North Korea.</p>
      <span class="tools"><button id="copy">Copy link</button></span>
      <button id="cite" data-cite-intent="">Cite</button>
      <button id="other">Other</button>
    </body></html>`,
  );
  await page.addScriptTag({ content: bundled.outputFiles[0]!.text });
}, scaled(120_000));

afterAll(async () => {
  await browser?.close();
});

/** Starts a fresh watch in the page with the given quiet time. */
async function watch(quietMs: number): Promise<void> {
  await page.evaluate((quiet) => {
    const g = window as unknown as PageGlobals;
    g.cancel?.();
    getSelection()?.removeAllRanges();
    (document.activeElement as HTMLElement | null)?.blur();
    g.probe = { firedAt: null, calls: 0 };
    g.cancel = g.CitingLikely.whenCitingLikely(() => {
      g.probe.firedAt ??= performance.now();
      g.probe.calls++;
    }, quiet);
  }, quietMs);
}

const probe = (): Promise<Probe> => page.evaluate(() => (window as unknown as PageGlobals).probe);

/** Waits until the watched function has run. */
async function fired(): Promise<Probe> {
  await page.waitForFunction(() => (window as unknown as PageGlobals).probe.calls > 0, null, {
    timeout: scaled(10_000),
  });
  return probe();
}

describe('the citation warm-up waits until citing is likely', () => {
  it('runs when a passage is selected, long before the quiet time', async () => {
    await watch(600_000);
    await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('text')!);
      getSelection()!.addRange(range);
    });
    expect((await fired()).calls).toBe(1);
  });

  it('runs when the pointer reaches a Cite button or a paragraph’s tools, or focus does', async () => {
    for (const target of ['#cite', '#copy']) {
      await watch(600_000);
      await page.hover(target);
      expect((await fired()).calls).toBe(1);
    }
    await watch(600_000);
    await page.focus('#cite');
    expect((await fired()).calls).toBe(1);
  });

  it('otherwise runs after the quiet time, which clicks and key presses push back, and only once', async () => {
    const quiet = 400;
    await page.evaluate(() => {
      const log: number[] = [];
      (window as unknown as { activity: number[] }).activity = log;
      for (const type of ['pointerdown', 'keydown'])
        window.addEventListener(type, () => log.push(performance.now()), true);
    });
    await watch(quiet);
    // Activity away from the Cite tools, at intervals shorter than the quiet time (on an idle
    // machine; a loaded one may space them further, which the check below allows for).
    for (let i = 0; i < 8; i++) {
      await page.mouse.click(5, 5);
      await page.keyboard.press('Shift');
      await page.waitForTimeout(100);
    }
    const { firedAt } = await fired();
    const activity = await page.evaluate(
      () => (window as unknown as { activity: number[] }).activity,
    );
    expect(activity.length).toBe(16);
    // Never within the quiet time of a click or a key press.
    const before = activity.filter((t) => t <= firedAt!);
    expect(before.length).toBeGreaterThan(0);
    expect(firedAt! - before.at(-1)!).toBeGreaterThanOrEqual(quiet);
    // Intent after it has run does not run it again.
    await page.hover('#cite');
    await page.focus('#cite');
    expect((await probe()).calls).toBe(1);
  });

  it('does nothing once cancelled', async () => {
    await watch(600_000);
    await page.evaluate(() => (window as unknown as PageGlobals).cancel());
    await page.hover('#cite');
    await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('text')!);
      getSelection()!.addRange(range);
    });
    // Let the selectionchange event (queued as a task) be dispatched before reading.
    await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
    expect((await probe()).calls).toBe(0);
  });
});
