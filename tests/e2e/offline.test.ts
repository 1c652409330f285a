// Offline, truly (issue 13): the reader served by the real sync server installs its service
// worker (Workbox, app/build/pwa-options.ts) and is installable; with the network cut it reloads
// and reads from its cache, an annotation made then reaches the server when the network returns.
// A new version is offered, never forced: the page is not reloaded until the reader says so.
// One browser context, one install, in that order.
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync, type Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { privateDatabaseName } from '../../annotations/sync/index.ts';
import { call } from '../server/helpers/http.ts';
import { type ServerProcess } from '../server/helpers/server-process.ts';
import { scaled } from '../slowdown.ts';
import {
  annotate,
  openSidebar,
  sidebarToggle,
  storedAnnotations,
} from './helpers/annotations-ui.ts';
import {
  closeSyncPanel,
  openSyncPanel,
  signIn,
  startSyncServer,
  syncWaiting,
  waitForSyncStatus,
} from './helpers/sync-ui.ts';
import { startReader, type Reader } from './helpers/ui.ts';

const ana = { name: 'ana', password: 'ana-secret' };

/** Waits until a service worker controls the page (it claims the page on its first install). */
async function waitForControl(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: scaled(30_000),
  });
}

/** The paths (no query) of everything in the page's Cache Storage. */
function cachedPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) paths.push(new URL(request.url).pathname);
    }
    return paths;
  });
}

/** Every file of a build, relative, with `/` separators. */
function filesOf(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

let build: string;
let server: ServerProcess;
let reader: Reader;

beforeAll(async () => {
  // The server serves a copy of the run's build, so that the last test can publish a new version.
  build = mkdtempSync(path.join(tmpdir(), 'diptych-offline-'));
  cpSync(inject('distDir'), build, { recursive: true });
  server = await startSyncServer([ana], undefined, { reader: build });
  reader = await startReader('wide', { url: server.url, serviceWorkers: 'allow' });
}, 120_000);

afterAll(async () => {
  await reader?.close();
  await server?.dispose();
  if (build) rmSync(build, { recursive: true, force: true });
}, 60_000);

describe('offline, from the sync server', () => {
  it('serves sw.js and the manifest with their types, sw.js never cached long', async () => {
    const sw = await fetch(new URL('sw.js', server.url));
    expect(sw.status).toBe(200);
    expect(sw.headers.get('content-type')).toMatch(/^application\/javascript|^text\/javascript/);
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    const manifest = await fetch(new URL('manifest.webmanifest', server.url));
    expect(manifest.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    expect(await manifest.json()).toMatchObject({ name: 'Diptych', display: 'standalone' });
    const index = await fetch(server.url);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const entry = /import\("\.\/(assets\/index-[^"]+\.js)"\)/.exec(await index.text());
    const asset = await fetch(new URL(entry![1]!, server.url));
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('installs: the worker precaches every file of the build and takes the page; Chromium finds it installable', async () => {
    await reader.openApp();
    await waitForControl(reader.page);
    await expect.poll(() => reader.notice().textContent()).toContain('ready to work offline');
    const cached = new Set(await cachedPaths(reader.page));
    const missing = filesOf(build)
      .filter((f) => f !== 'sw.js')
      .filter((f) => !cached.has(`/${f}`));
    expect(missing).toEqual([]);
    // What Chromium checks before it offers "Install Diptych": the manifest parses without
    // errors, and nothing stands in the way but the test's own browser context, which is an
    // incognito one (Playwright's contexts are; no app can be installed from them).
    const cdp = await reader.page.context().newCDPSession(reader.page);
    const manifest = (await cdp.send('Page.getAppManifest')) as {
      url: string;
      errors: { message: string }[];
    };
    expect(manifest.url).toBe(`${server.url}manifest.webmanifest`);
    expect(manifest.errors).toEqual([]);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    await cdp.detach();
    expect(
      installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito'),
    ).toEqual([]);
  });

  it('with the network cut, reloads and reads both texts, search included; an annotation made then reaches the server when it returns', async () => {
    const { page } = reader;
    await signIn(reader, server.url, ana);
    await waitForSyncStatus(page, /^Synced\.$/);
    await closeSyncPanel(page);

    await page.context().setOffline(true);
    await page.reload();
    await page.waitForSelector('html[data-reader-ready]');
    for (const [source, address] of [
      ['lankov-2007', 'lankov-2007:3'],
      ['winstanley-chesters-2015', 'winstanley-chesters-2015:3'],
    ] as const) {
      expect(await reader.paneOf(source).isVisible(), source).toBe(true);
      expect(await reader.paragraph(address).textContent()).toMatch(/\w{4,}/);
    }
    // A lazy chunk (search) loads from the cache too.
    await reader.search('railway');
    await expect.poll(() => reader.searchHits().count()).toBeGreaterThan(0);
    await reader.pressKey('Escape');
    await reader.screenshot('offline-reloaded-wide');

    // Nothing waits yet: the header says nothing beyond its dot.
    expect(await syncWaiting(page).textContent()).toBe('');
    // The count must not move the texts, at any width, the Annotations sidebar open or not: in the
    // header's flow it added a line below 1,200 px, and at 1,200-1,440 px with the sidebar open.
    const widths = [
      { width: 1440, sidebar: false },
      { width: 1280, sidebar: true },
      { width: 900, sidebar: false },
      { width: 800, sidebar: false },
      { width: 420, sidebar: false },
      { width: 320, sidebar: false },
    ];
    const syncButton = page.getByRole('button', { name: 'Sync', exact: true });
    /** The texts' top at each width; with `count`, also what shows the count there. */
    const textTops = async (count?: string) => {
      const tops: Record<string, number> = {};
      for (const { width, sidebar } of widths) {
        const where = `${width} px${sidebar ? ', sidebar open' : ''}`;
        await page.setViewportSize({ width, height: 900 });
        if (sidebar) await openSidebar(page);
        tops[where] = await page
          .locator('.pane-scroll:visible')
          .first()
          .evaluate((el) => el.getBoundingClientRect().top);
        if (count) {
          // A badge on the Sync button says how many; hovered, the button shows the sentence,
          // whole and on screen: sized to its words, not wider than 20rem, just below the button
          // and overlapping it sideways (below 900 px it spanned the header's width, over the
          // other tools, and the pointer crossed them to reach it).
          const badge = page.locator('.sync-button .sync-badge');
          expect([await badge.isVisible(), await badge.textContent()], where).toEqual([
            true,
            count,
          ]);
          await syncButton.hover();
          const tip = () =>
            page.evaluate(async () => {
              // Two frames: a position computed for its new size is applied.
              await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
              const box = (selector: string) => {
                const r = document.querySelector(selector)!.getBoundingClientRect();
                return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
              };
              return {
                tip: box('.sync-waiting'),
                button: box('.sync-button'),
                maxWidth: 20 * parseFloat(getComputedStyle(document.documentElement).fontSize),
              };
            });
          // Shown, and placed (Floating UI) once its size is known.
          await expect
            .poll(async () => (await tip()).tip.right - (await tip()).tip.left)
            .toBeGreaterThan(150);
          const { tip: box, button, maxWidth } = await tip();
          const at = `${where}: tip ${JSON.stringify(box)}, button ${JSON.stringify(button)}`;
          expect.soft(box.left, at).toBeGreaterThanOrEqual(0);
          expect.soft(box.right, at).toBeLessThanOrEqual(width);
          expect.soft(box.right - box.left, at).toBeLessThanOrEqual(maxWidth);
          expect.soft(box.bottom - box.top, at).toBeLessThan(60);
          expect.soft(box.top - button.bottom, at).toBeGreaterThanOrEqual(0);
          expect.soft(box.top - button.bottom, at).toBeLessThanOrEqual(10);
          expect.soft(box.left < button.right && box.right > button.left, at).toBe(true);
          await reader.screenshot(`offline-changes-waiting-${width}${sidebar ? '-sidebar' : ''}`);
          await page.mouse.move(width / 2, 890);
        }
        if (sidebar) await sidebarToggle(page).click();
      }
      await page.setViewportSize({ width: 1440, height: 900 });
      return tops;
    };
    const topsBefore = await textTops();
    const quote = await annotate(page, 'lankov-2007:3', 0, 30, 'h');
    const made = (await storedAnnotations(page)).find(
      (a) => a.targets[0]?.selectors.quote.exact.trim() === quote,
    );
    expect(made).toBeDefined();
    // The header counts what waits, without opening the panel; one, then two.
    await expect
      .poll(() => syncWaiting(page).textContent())
      .toBe('Offline · 1 change waiting to sync');
    const second = await annotate(page, 'lankov-2007:4', 0, 30, 'h');
    const madeToo = (await storedAnnotations(page)).find(
      (a) => a.targets[0]?.selectors.quote.exact.trim() === second,
    );
    expect(madeToo).toBeDefined();
    await expect
      .poll(() => syncWaiting(page).textContent())
      .toBe('Offline · 2 changes waiting to sync');
    // The count is a status of its own, not the page's notice (which says what was highlighted).
    expect(await reader.notice().textContent()).toContain('Highlighted in Lankov (2007) ¶4');
    // Shown on keyboard focus too; Escape hides it, the focus staying.
    const shownWidth = async () => (await syncWaiting(page).boundingBox())?.width ?? 0;
    await page.keyboard.press('Shift');
    await syncButton.focus();
    expect(await shownWidth()).toBeGreaterThan(150);
    await page.keyboard.press('Escape');
    expect(await shownWidth()).toBeLessThanOrEqual(1);
    // That Escape closed the sentence only, not the page's notice too.
    expect(await reader.notice().count()).toBe(1);
    expect(await syncButton.evaluate((b) => b === document.activeElement)).toBe(true);
    expect(await textTops('2')).toEqual(topsBefore);
    // The sentence is the button's description (what a screen reader says with it), and the Sync
    // panel says how many too.
    expect(
      await syncButton.evaluate(
        (b) => document.getElementById(b.getAttribute('aria-describedby') ?? '')?.textContent,
      ),
    ).toBe('Offline · 2 changes waiting to sync');
    expect(await (await openSyncPanel(page)).textContent()).toContain('2 changes waiting to sync.');
    await closeSyncPanel(page);
    await reader.setViewport('wide');
    // Still after a reload with the network cut.
    await page.reload();
    await page.waitForSelector('html[data-reader-ready]');
    await expect
      .poll(() => syncWaiting(page).textContent(), { timeout: scaled(30_000) })
      .toBe('Offline · 2 changes waiting to sync');
    const onServer = (id: string) => () =>
      call(
        server.couchUrl,
        ana,
        'GET',
        `${privateDatabaseName(ana.name)}/${encodeURIComponent(id)}`,
      ).then((r) => r.status);
    expect(await onServer(made!.id)()).toBe(404);

    await page.context().setOffline(false);
    await expect.poll(onServer(made!.id), { timeout: scaled(30_000) }).toBe(200);
    await expect.poll(onServer(madeToo!.id), { timeout: scaled(30_000) }).toBe(200);
    // Both went up: the count goes.
    await expect.poll(() => syncWaiting(page).textContent(), { timeout: scaled(30_000) }).toBe('');
  });
});

describe('a new version', () => {
  const page = () => reader.page;
  const offer = () => page().locator('.notice--offer');
  const waiting = () =>
    page().evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting != null);
  const stillHere = () => page().evaluate(() => 'stillHere' in window);

  it('is offered, not forced: the page stays as it was until the reader chooses Reload', async () => {
    await waitForControl(page());
    await page().evaluate(() => {
      (window as unknown as { stillHere: boolean }).stillHere = true;
    });

    // Publish a new version and let the open page find it (as its hourly check would).
    appendFileSync(path.join(build, 'sw.js'), '\n// a new version\n');
    await page().evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())!.update();
    });
    await offer().waitFor();
    expect(await offer().textContent()).toContain('A new version of Diptych is ready.');
    expect(await waiting()).toBe(true);
    expect(await stillHere()).toBe(true);
    await reader.screenshot('update-offer-wide');
    await reader.setViewport('narrow');
    await reader.screenshot('update-offer-narrow');
    expect(
      await page().evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await reader.setViewport('wide');

    // Later: the offer goes, the new version keeps waiting, nothing reloads.
    await offer().getByRole('button', { name: 'Later' }).click();
    await offer().waitFor({ state: 'detached' });
    expect(await waiting()).toBe(true);
    expect(await stillHere()).toBe(true);

    // Opened again, the waiting version is offered again; Reload brings it in.
    await page().reload();
    await page().waitForSelector('html[data-reader-ready]');
    await offer().waitFor();
    await Promise.all([
      page().waitForEvent('load'),
      offer().getByRole('button', { name: 'Reload' }).click(),
    ]);
    await page().waitForSelector('html[data-reader-ready]');
    await waitForControl(page());
    expect(await waiting()).toBe(false);
    expect(await offer().count()).toBe(0);
  });
});
