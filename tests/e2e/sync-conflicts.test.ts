// One reader, two devices (two browser contexts), both offline (the server
// stopped): both edit the same annotation differently; the server comes
// back: both versions survive, the conflict is shown on both devices, and
// resolving it on one resolves it on the other (issue 13).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess } from '../server/helpers/server-process.ts';
import {
  annotate,
  editNote,
  openSidebar,
  sidebar,
  storedAnnotations,
} from './helpers/annotations-ui.ts';
import {
  closeSyncPanel,
  openSyncPanel,
  signIn,
  waitForStored,
  waitForSyncStatus,
  startSyncServer,
  syncWaiting,
} from './helpers/sync-ui.ts';
import { startReader, type Reader } from './helpers/ui.ts';

const ana = { name: 'ana', password: 'ana-secret' };
let server: ServerProcess;
let laptop: Reader;
let desktop: Reader;

beforeAll(async () => {
  server = await startSyncServer([ana]);
  [laptop, desktop] = await Promise.all([startReader(), startReader()]);
  for (const r of [laptop, desktop]) await r.openApp();
}, 120_000);

afterAll(async () => {
  await Promise.all([laptop, desktop].map((r) => r?.close()));
  await server?.dispose();
}, 60_000);

describe('conflicting edits made offline', () => {
  it('are both kept, shown on both devices, and resolved everywhere by one choice', async () => {
    for (const r of [laptop, desktop]) {
      await signIn(r, server.url, ana);
      await waitForSyncStatus(r.page, /^Synced\.$/);
      await closeSyncPanel(r.page);
    }
    await annotate(laptop.page, 'lankov-2007:5', 0, 40, 'h');
    const [made] = await storedAnnotations(laptop.page);
    await waitForStored(desktop.page, (a) => a.id === made!.id);
    const syncLine = (r: Reader) =>
      sidebar(r.page).locator(`[data-annotation-id="${made!.id}"] .ann-sync-line`);
    await openSidebar(laptop.page);
    // On the server: the card says only where it is.
    await expect.poll(() => syncLine(laptop).textContent(), { timeout: 60_000 }).toBe('Private');

    await server.stop();
    await editNote(laptop.page, made!.id, 'Written on the laptop');
    await editNote(desktop.page, made!.id, 'Written on the desktop');
    // Both keep working and say why nothing goes up.
    for (const r of [laptop, desktop]) {
      await openSyncPanel(r.page);
      await waitForSyncStatus(r.page, /unreachable|Offline/);
      await closeSyncPanel(r.page);
      // The edited card says its change has not gone up, in words: it looked synced.
      await expect.poll(() => syncLine(r).textContent()).toBe('Private · not synced yet');
      // And the header says how many wait, without opening the panel.
      await expect
        .poll(() => syncWaiting(r.page).textContent())
        .toBe('Server unreachable · 1 change waiting to sync');
    }
    await laptop.screenshot('sync-card-not-synced-yet');
    // Still after a reload while the server is down (a reload, not `openApp`: the browser logs
    // each refused connection to the stopped server as a console error, which `openApp` fails on).
    await desktop.page.reload();
    await desktop.page.waitForSelector('html[data-reader-ready]');
    await openSidebar(desktop.page);
    await expect
      .poll(() => syncLine(desktop).textContent(), { timeout: 60_000 })
      .toBe('Private · not synced yet');
    await expect
      .poll(() => syncWaiting(desktop.page).textContent(), { timeout: 60_000 })
      .toBe('Server unreachable · 1 change waiting to sync');

    await server.restart();
    for (const r of [laptop, desktop]) {
      // The change reached the server: the mark goes, and the header's count with it.
      await expect.poll(() => syncLine(r).textContent(), { timeout: 90_000 }).toBe('Private');
      await expect.poll(() => syncWaiting(r.page).textContent(), { timeout: 90_000 }).toBe('');
      const item = sidebar(r.page).locator(`[data-annotation-id="${made!.id}"]`);
      await expect
        .poll(() => item.getByRole('group', { name: 'Edited elsewhere too' }).count(), {
          timeout: 90_000,
        })
        .toBe(1);
    }
    await laptop.screenshot('sync-conflict-shown');

    // The laptop shows one version and offers the other; it keeps the desktop's.
    const item = sidebar(laptop.page).locator(`[data-annotation-id="${made!.id}"]`);
    const shown = (await storedAnnotations(laptop.page)).find((a) => a.id === made!.id)!.note;
    const other =
      shown === 'Written on the laptop' ? 'Written on the desktop' : 'Written on the laptop';
    await item.getByRole('button', { name: 'Show the other version' }).click();
    expect(await item.locator('.ann-conflict-versions').textContent()).toContain(other);
    // "Keep this version" says what it keeps too.
    expect(await item.locator('.ann-conflict-versions').textContent()).toContain(shown);
    // Each version says where it was made, and when: the laptop's on this device, the desktop's
    // on another (two browser profiles, two devices); never a revision id.
    const versions = item.locator('.ann-conflict-versions > li');
    const versionText = async (note: string) =>
      (await versions.filter({ hasText: note }).locator('p').textContent()) ?? '';
    expect(await versionText('Written on the laptop')).toMatch(
      /: Made on this device, \w{3} \d{1,2}, \d{4}, .*\d:\d{2}:\d{2}.*\s·\sNote: Written on the laptop\b/,
    );
    expect(await versionText('Written on the desktop')).toMatch(/: Made on another device, /);
    expect(await item.locator('.ann-conflict-versions').textContent()).not.toMatch(
      /\b\d+-[0-9a-f]{8,}/,
    );
    // The desktop says the same versions the other way round.
    const onDesktop = sidebar(desktop.page).locator(`[data-annotation-id="${made!.id}"]`);
    await onDesktop.getByRole('button', { name: 'Show the other version' }).click();
    const desktopVersions = onDesktop.locator('.ann-conflict-versions > li');
    expect(
      await desktopVersions
        .filter({ hasText: 'Written on the desktop' })
        .locator('p')
        .textContent(),
    ).toMatch(/: Made on this device, /);
    expect(
      await desktopVersions.filter({ hasText: 'Written on the laptop' }).locator('p').textContent(),
    ).toMatch(/: Made on another device, /);
    // The choice is described by its version (a screen reader hears which it keeps).
    const keepOther = item.getByRole('button', { name: 'Keep the other version' });
    expect(await keepOther.getAttribute('aria-describedby')).toBeTruthy();
    await laptop.screenshot('sync-conflict-versions');
    await item.getByRole('button', { name: 'Keep the other version' }).click();

    for (const r of [laptop, desktop]) {
      await waitForStored(r.page, (a) => a.id === made!.id && a.note === other);
      const mark = sidebar(r.page)
        .locator(`[data-annotation-id="${made!.id}"]`)
        .getByRole('group', { name: 'Edited elsewhere too' });
      await expect.poll(() => mark.count(), { timeout: 60_000 }).toBe(0);
    }
    // The buttons went with the notice; the focus stayed on the annotation's card.
    expect(
      await laptop.page.evaluate(() =>
        document.activeElement?.closest('li.ann-item')?.getAttribute('data-annotation-id'),
      ),
    ).toBe(made!.id);
  });
});
