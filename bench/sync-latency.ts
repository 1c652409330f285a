/**
 * sync-latency (issue 13): how long an edit made in one browser takes to
 * appear in another, through the local sync server (`diptych serve` on
 * 127.0.0.1, temporary data), in headless Chromium on the production build.
 *
 * Two members of a group, each in a browser context of their own, signed in
 * through the Sync panel with the group as their layer. Ana makes an
 * annotation; then, 100 times, she edits its note in the sidebar and saves.
 * Each latency runs from the click on **Save** in Ana's page to the moment
 * Ben's sidebar shows the new note (a MutationObserver on his page, so no
 * polling interval is added); both ends read the same clock
 * (`performance.timeOrigin + performance.now()`, one machine). Prints the
 * median and the 95th percentile (target: median ≤ 1 s).
 */
import type { Page } from 'playwright-core';
import { annotate, openSidebar, sidebar } from '../tests/e2e/helpers/annotations-ui.ts';
import {
  closeSyncPanel,
  joinGroupLayer,
  median,
  newDevice,
  openReader,
  percentile,
  signInAndSync,
  startSyncRig,
  type BenchUser,
} from './helpers/sync-rig.ts';

const EDITS = Number(process.env['BENCH_EDITS'] ?? 100);
const MEDIAN_TARGET_MS = 1000;
const ANA: BenchUser = { name: 'ana', password: 'ana-secret' };
const BEN: BenchUser = { name: 'ben', password: 'ben-secret' };
const GROUP = 'latency-seminar';

/**
 * Resolves with the time (ms since the epoch) at which item `id` in the
 * sidebar first contains `text`. A string, so the bundler's helpers never
 * leak into the page.
 */
function whenShown(page: Page, id: string, text: string): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const now = () => performance.timeOrigin + performance.now();
    const holds = () =>
      (document.querySelector('.ann-sidebar [data-annotation-id="' + CSS.escape(${JSON.stringify(id)}) + '"]')
        ?.textContent ?? '').includes(${JSON.stringify(text)});
    if (holds()) return resolve(now());
    const observer = new MutationObserver(() => {
      if (!holds()) return;
      observer.disconnect();
      resolve(now());
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  })`);
}

/** Sets the note of item `id` in the open sidebar; clicks Save; returns when the click happened (ms since the epoch). */
async function editNote(page: Page, id: string, note: string): Promise<number> {
  const item = sidebar(page).locator(`[data-annotation-id="${id}"]`);
  await item.getByRole('button', { name: /^Edit/ }).click();
  const editor = sidebar(page).getByRole('form', { name: 'Edit annotation' });
  await editor.getByLabel('Note').fill(note);
  const clicked = await editor
    .getByRole('button', { name: 'Save' })
    .evaluate((b: HTMLButtonElement) => {
      b.click();
      return performance.timeOrigin + performance.now();
    });
  await editor.waitFor({ state: 'detached' });
  return clicked;
}

const fmt = (ms: number): string => `${ms.toFixed(0)} ms`;

/** Prints the section. */
export async function run(): Promise<void> {
  const rig = await startSyncRig('diptych-bench-sync-latency-');
  const latencies: number[] = [];
  try {
    await rig.admin.addUser(ANA.name, ANA.password);
    await rig.admin.addUser(BEN.name, BEN.password);
    await rig.admin.createGroup(GROUP, ANA.name, [BEN.name]);
    const [ana, ben] = await Promise.all(
      [0, 1].map(async () => {
        const context = await newDevice(rig.browser);
        const page = await context.newPage();
        await openReader(page, rig.appUrl);
        return page;
      }),
    );
    for (const [page, user] of [
      [ana!, ANA],
      [ben!, BEN],
    ] as const) {
      await signInAndSync(page, rig.server.url, user);
      await joinGroupLayer(page, GROUP);
      await closeSyncPanel(page);
      await openSidebar(page);
    }
    await annotate(ana!, 'lankov-2007:6', 0, 40, 'h');
    const id = await ana!.evaluate(() =>
      document
        .querySelector('.ann-sidebar [data-annotation-id]')!
        .getAttribute('data-annotation-id')!,
    );
    await whenShown(ben!, id, '');
    for (let i = 0; i < EDITS; i++) {
      const note = `Latency edit ${i + 1} of ${EDITS}.`;
      const arrived = whenShown(ben!, id, note);
      const sent = await editNote(ana!, id, note);
      latencies.push((await arrived) - sent);
    }
  } finally {
    await rig.close();
  }
  const med = median(latencies);
  console.log(
    `${EDITS} edits of a group annotation's note, one member's browser to another's through the local server (from Save to shown in the other's sidebar):`,
  );
  console.log(
    `median ${fmt(med)} (target ≤ ${MEDIAN_TARGET_MS} ms: ${med <= MEDIAN_TARGET_MS ? 'met' : 'NOT met'}), 95th percentile ${fmt(percentile(latencies, 95))}, fastest ${fmt(Math.min(...latencies))}, slowest ${fmt(Math.max(...latencies))}`,
  );
}
