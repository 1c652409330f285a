/**
 * What the sync benches share: the production build served on 127.0.0.1,
 * the real sync server (`diptych serve`, temporary data, open to the
 * build's origin), users and a group on it, headless Chromium, and the
 * reader's steps through the Sync panel (no test runner here, so no
 * `expect`: each wait is a Playwright wait with a time limit).
 */
import { rmSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ANNOTATIONS_KEY } from '../../annotations/storage/envelope.ts';
import { CouchAdmin } from '../../server/couch-admin.ts';
import { buildApp } from '../../tests/e2e/helpers/build-app.ts';
import { launchChromium } from '../../tests/e2e/helpers/chromium.ts';
import { serveStatic } from '../../tests/e2e/helpers/static-server.ts';
import {
  startServerProcess,
  TEST_ADMIN,
  type ServerProcess,
} from '../../tests/server/helpers/server-process.ts';

/** A user on the bench's server. */
export interface BenchUser {
  readonly name: string;
  readonly password: string;
}

/** The user whose private layer the sync benches seed with annotations and sign in as. */
export const BENCH_READER: BenchUser = { name: 'reader', password: 'reader-secret' };

/** Everything running for a sync bench. */
export interface SyncRig {
  /** The reader's address (the static build). */
  readonly appUrl: string;
  readonly server: ServerProcess;
  readonly admin: CouchAdmin;
  readonly browser: Browser;
  /** Stops the browser, both servers, and removes the build. */
  close(): Promise<void>;
}

/** Builds the app and starts the servers and the browser. */
export async function startSyncRig(prefix: string): Promise<SyncRig> {
  const outDir = await buildApp(prefix);
  const app = await serveStatic(outDir);
  const server = await startServerProcess({ cors: new URL(app.url).origin });
  const browser = await launchChromium();
  return {
    appUrl: app.url,
    server,
    admin: new CouchAdmin(server.couchUrl, TEST_ADMIN),
    browser,
    async close() {
      await browser.close().catch(() => undefined);
      await server.dispose();
      await app.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh browser context (its own IndexedDB and localStorage: a new
 * device) at the benches' window size. tsx compiles the benches with
 * esbuild's keepNames, which wraps functions handed to `page.evaluate` (the
 * e2e helpers' too) in a `__name` call the page lacks: the page gets one
 * that does nothing.
 */
export async function newDevice(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript('window.__name = (f) => f;');
  // What goes wrong in the page is printed: a bench that waits in vain should say why.
  context.on('page', (page) => {
    page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') console.error(`[page console] ${message.text()}`);
    });
  });
  return context;
}

/**
 * Loads the reader at `url` and waits until it is interactive
 * (`html[data-reader-ready]`: the prerendered page is hydrated, so a click
 * is handled); returns `performance.now()` then.
 */
export async function openReader(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.waitForSelector('html[data-reader-ready]', { timeout: 120_000 });
  return page.evaluate(() => performance.now());
}

/** Opens the Sync panel (which loads the replica's chunk) and fills in the sign-in form. */
export async function fillSignIn(page: Page, server: string, user: BenchUser): Promise<void> {
  await page.getByRole('button', { name: 'Sync', exact: true }).click();
  const panel = page.getByRole('dialog', { name: 'Sync', exact: true });
  await panel.getByLabel('Server address').fill(server);
  await panel.getByLabel('User name').fill(user.name);
  await panel.getByLabel('Password').fill(user.password);
}

/**
 * Clicks the panel's Sign in (filled by `fillSignIn`) and returns `performance.now()` at the
 * click, the instant the sync benches time from; marked `diptych-sign-in` for traces.
 */
export async function clickSignIn(page: Page): Promise<number> {
  return page.evaluate(() => {
    const button = [...document.querySelectorAll('button')].find(
      (b) => b.textContent === 'Sign in',
    )!;
    performance.mark('diptych-sign-in');
    button.click();
    return performance.now();
  });
}

/** Waits until the Sync panel's state line matches `words`. */
export async function waitForStatus(page: Page, words: RegExp, timeout = 120_000): Promise<void> {
  await page.waitForFunction(
    (source) => new RegExp(source).test(document.querySelector('.sync-status')?.textContent ?? ''),
    words.source,
    { timeout, polling: 100 },
  );
}

/** Signs in through the panel and waits until it says synced. */
export async function signInAndSync(page: Page, server: string, user: BenchUser): Promise<void> {
  await fillSignIn(page, server, user);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await waitForStatus(page, /^Synced\.$/);
}

/** Joins `group` through the open panel, makes it the layer for new annotations, waits until synced. */
export async function joinGroupLayer(page: Page, group: string): Promise<void> {
  const panel = page.getByRole('dialog', { name: 'Sync', exact: true });
  await panel.getByLabel('Join a group').fill(group);
  await panel.getByRole('button', { name: 'Join', exact: true }).click();
  await page.waitForFunction(
    (label) => [...document.querySelectorAll('option')].some((o) => o.textContent === label),
    `Group: ${group}`,
  );
  await panel.getByLabel('New annotations go to').selectOption({ label: `Group: ${group}` });
  await waitForStatus(page, /^Synced\.$/);
}

/**
 * Resolves once the app has tried to save a large received set to
 * localStorage: the key holds it, or the storage bar says storage is full
 * (10,000 annotations and the sync settings exceed an origin's quota).
 */
export async function waitForSaveTried(page: Page): Promise<void> {
  await page.waitForFunction(
    (key) =>
      (localStorage.getItem(key) ?? '').length > 1_000_000 ||
      /storage is full/.test(document.querySelector('.ann-status')?.textContent ?? ''),
    ANNOTATIONS_KEY,
    { timeout: 120_000, polling: 100 },
  );
}

/** Closes the Sync panel. */
export async function closeSyncPanel(page: Page): Promise<void> {
  const panel = page.getByRole('dialog', { name: 'Sync', exact: true });
  await panel.getByRole('button', { name: 'Close', exact: true }).click();
  await panel.waitFor({ state: 'detached' });
}

/** The median of `xs` (the upper one of an even count). */
export const median = (xs: readonly number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The `p`-th percentile of `xs` (nearest rank). */
export function percentile(xs: readonly number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
