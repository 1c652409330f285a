/**
 * The sync browser tests' vocabulary: open the Sync panel, sign in, join a
 * group, choose the layer for new annotations, wait for a state in words,
 * and read what a reader's store holds. On top of `ui.ts`'s `Reader`.
 */
import type { Locator, Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { CouchAdmin } from '../../../server/couch-admin.ts';
import { scaled } from '../../slowdown.ts';
import {
  startServerProcess,
  TEST_ADMIN,
  type ServerProcess,
} from '../../server/helpers/server-process.ts';
import { storedAnnotations, type StoredAnnotation } from './annotations-ui.ts';
import { headerTool, type Reader } from './ui.ts';

/** A reader's account on the test server. */
export interface TestUser {
  readonly name: string;
  readonly password: string;
}

/**
 * Starts the real sync server (127.0.0.1, temporary data) open to the
 * reader's origin, with these users and, if given, one group; with
 * `options.reader`, serving that build of the reader at `/`.
 */
export async function startSyncServer(
  users: readonly TestUser[],
  group?: { readonly name: string; readonly owner: string; readonly members: readonly string[] },
  options: { readonly reader?: string } = {},
): Promise<ServerProcess> {
  // With `reader`, it serves that build at `/` too (`--reader`), as `diptych serve` serves `dist/`.
  const server = await startServerProcess({
    cors: new URL(inject('baseUrl')).origin,
    ...(options.reader ? { reader: options.reader } : {}),
  });
  const admin = new CouchAdmin(server.couchUrl, TEST_ADMIN);
  for (const u of users) await admin.addUser(u.name, u.password);
  if (group) await admin.createGroup(group.name, group.owner, [...group.members]);
  return server;
}

/** The Sync panel (a dialog named "Sync"). */
export function syncPanel(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Sync', exact: true });
}

/** Opens the Sync panel from the header. */
export async function openSyncPanel(page: Page): Promise<Locator> {
  const panel = syncPanel(page);
  if (!(await panel.isVisible())) await (await headerTool(page, 'Sync')).click();
  await panel.waitFor();
  return panel;
}

/** Closes the Sync panel. */
export async function closeSyncPanel(page: Page): Promise<void> {
  const panel = syncPanel(page);
  if (await panel.isVisible()) {
    await panel.getByRole('button', { name: 'Close', exact: true }).click();
    await panel.waitFor({ state: 'detached' });
  }
}

/** The panel's state line. */
export function syncStatus(page: Page): Locator {
  return syncPanel(page).locator('.sync-status');
}

/** Waits until the panel's state line matches `words`. */
export async function waitForSyncStatus(page: Page, words: RegExp): Promise<void> {
  await expect
    .poll(() => syncStatus(page).textContent(), { timeout: scaled(60_000) })
    .toMatch(words);
}

/**
 * The line beside the header's Sync button saying how many changes wait to go up
 * ("Offline · 3 changes waiting to sync"); empty when none do. A polite live region.
 */
export function syncWaiting(page: Page): Locator {
  return page.locator('.banner').getByRole('status').and(page.locator('.sync-waiting'));
}

/** Signs in through the panel (left open). */
export async function signIn(
  reader: Reader,
  server: string,
  user: { readonly name: string; readonly password: string },
): Promise<void> {
  const panel = await openSyncPanel(reader.page);
  await panel.getByLabel('Server address').fill(server);
  await panel.getByLabel('User name').fill(user.name);
  await panel.getByLabel('Password').fill(user.password);
  await panel.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Joins `group` through the open panel — by typing its name under "Join a group", or with
 * `via: 'list'` by the Join button beside it in "Your groups on this server" (after which focus
 * is on the confirmation) — and makes it the layer for new annotations, as the panel's
 * confirmation offers (which it checks), then checks the menu says so too.
 */
export async function joinGroup(
  page: Page,
  group: string,
  makeDefault = true,
  via: 'name' | 'list' = 'name',
): Promise<void> {
  const panel = syncPanel(page);
  const confirmation = panel.locator('.sync-joined');
  if (via === 'list') {
    const listed = panel.getByRole('region', { name: 'Your groups on this server:' });
    await listed.getByRole('button', { name: `Join ${group}`, exact: true }).click();
    // The button left with its group: focus went to the confirmation, not to the page's body.
    await expect.poll(() => confirmation.evaluate((p) => p === document.activeElement)).toBe(true);
  } else {
    await panel.getByLabel('Join a group').fill(group);
    await panel.getByRole('button', { name: 'Join', exact: true }).click();
  }
  if (!makeDefault) return;
  await expect
    .poll(() => confirmation.textContent())
    .toMatch(new RegExp(`^Joined ${group}: .* New annotations still go to Private\\.`));
  await confirmation.getByRole('button', { name: `Share new annotations with ${group}` }).click();
  await expect.poll(() => confirmation.textContent()).toContain(`New annotations go to ${group}.`);
  const select = panel.getByLabel('New annotations go to');
  expect(await select.locator('option:checked').textContent()).toBe(`Group: ${group}`);
}

/** Waits until the reader's store holds an annotation matching `match`; returns it. */
export async function waitForStored(
  page: Page,
  match: (a: StoredAnnotation) => boolean,
): Promise<StoredAnnotation> {
  let found: StoredAnnotation | undefined;
  await expect
    .poll(
      async () => {
        found = (await storedAnnotations(page)).find(match);
        return found !== undefined;
      },
      { timeout: scaled(60_000) },
    )
    .toBe(true);
  return found!;
}

/** Waits until the reader's store no longer holds annotation `id`. */
export async function waitForGone(page: Page, id: string): Promise<void> {
  await expect
    .poll(async () => (await storedAnnotations(page)).some((a) => a.id === id), {
      timeout: scaled(60_000),
    })
    .toBe(false);
}
