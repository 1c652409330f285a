// A reader's record edits sync with their private layer (issue 14: "Synced
// with the reader's private layer once sync exists"), through the real
// server: one reader, two devices (two browser contexts). A record
// completed on one device cites with the URL and day on the other, marked
// "edited by you"; reverting it to the built-in record on one reverts it on
// the other (a tombstone); a record edited on two devices keeps both
// versions, says so in the Sync panel, and one choice resolves it on both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  privateDatabaseName,
  recordDocId,
  toRecordOverrideDoc,
} from '../../annotations/sync/index.ts';
import { scaled } from '../slowdown.ts';
import { call } from '../server/helpers/http.ts';
import { type ServerProcess } from '../server/helpers/server-process.ts';
import {
  citePanel,
  fillRecord,
  openCite,
  panelCitation,
  recordEditor,
} from './helpers/citations-ui.ts';
import {
  closeSyncPanel,
  openSyncPanel,
  signIn,
  startSyncServer,
  syncPanel,
  waitForSyncStatus,
} from './helpers/sync-ui.ts';
import { startReader, type Reader } from './helpers/ui.ts';

const ana = { name: 'ana', password: 'ana-secret' };
const SOURCE = 'winstanley-chesters-2015';
const PASSAGE = `${SOURCE}:12`;
const DB = privateDatabaseName(ana.name);
const DOC_PATH = `${DB}/${encodeURIComponent(recordDocId(SOURCE))}`;
const BUILT_IN = '(Winstanley-Chesters, n.d., para. 12)';
const COMPLETED = '(Winstanley-Chesters, 2015, para. 12)';

let server: ServerProcess;
let laptop: Reader;
let desktop: Reader;

beforeAll(async () => {
  server = await startSyncServer([ana]);
  [laptop, desktop] = await Promise.all([startReader(), startReader()]);
  for (const r of [laptop, desktop]) await r.openApp(PASSAGE);
}, 120_000);

afterAll(async () => {
  await Promise.all([laptop, desktop].map((r) => r?.close()));
  await server?.dispose();
}, 60_000);

/** Waits until the open Cite panel shows `citation`. */
async function waitForCitation(reader: Reader, citation: string): Promise<void> {
  await expect
    .poll(() => panelCitation(reader.page).textContent(), { timeout: scaled(30_000) })
    .toBe(citation);
}

describe('record edits across two devices', () => {
  it('both devices sign in to the same reader’s account', async () => {
    for (const r of [laptop, desktop]) {
      await signIn(r, server.url, ana);
      await waitForSyncStatus(r.page, /^Synced\.$/);
      await closeSyncPanel(r.page);
    }
  });

  it('a record completed on one device cites completed, "edited by you", on the other; a revert follows', async () => {
    await openCite(laptop, PASSAGE);
    await waitForCitation(laptop, BUILT_IN);
    await openCite(desktop, PASSAGE);
    await waitForCitation(desktop, BUILT_IN);

    // The laptop completes the record.
    const panel = citePanel(laptop.page);
    await panel.getByRole('button', { name: 'Edit record: Winstanley-Chesters (2015)' }).click();
    const editor = recordEditor(laptop.page);
    await fillRecord(editor, 'https://example.org/russias-borders', '2015-06-03');
    await expect
      .poll(() => editor.locator('.cite-status').textContent())
      .toContain('edited by you');

    // It is in the private layer as one document, written by ana.
    await expect
      .poll(async () => (await call(server.couchUrl, ana, 'GET', DOC_PATH)).body['fields'], {
        timeout: scaled(30_000),
      })
      .toEqual({ URL: 'https://example.org/russias-borders', issued: '2015-06-03' });

    // The desktop's open Cite panel follows: the completed citation, the URL, "edited by you".
    await waitForCitation(desktop, COMPLETED);
    const bibliography = citePanel(desktop.page).locator('.cite-bibliography');
    expect(await bibliography.textContent()).toContain('https://example.org/russias-borders');
    expect(await bibliography.textContent()).toContain('edited by you');
    expect(await citePanel(desktop.page).locator('.cite-missing').count()).toBe(0);
    await desktop.screenshot('sync-record-edited-elsewhere');

    // The laptop goes back to the built-in record: a deletion, which the desktop takes too.
    await editor.getByRole('button', { name: 'Use the built-in record' }).click();
    await expect
      .poll(() => editor.locator('.cite-status').textContent())
      .toBe('Back to the built-in record.');
    await waitForCitation(desktop, BUILT_IN);
    expect(await citePanel(desktop.page).locator('.cite-bibliography').textContent()).not.toContain(
      'edited by you',
    );
    expect((await call(server.couchUrl, ana, 'GET', DOC_PATH)).status).toBe(404);
    await laptop.pressKey('Escape');
    await editor.waitFor({ state: 'detached' });
    for (const r of [laptop, desktop]) {
      await r.pressKey('Escape');
      await citePanel(r.page).waitFor({ state: 'detached' });
    }
  });

  it('a record edited on two devices keeps both versions; one choice resolves it on both', async () => {
    // Two devices saved different record edits before they synced: the
    // server holds both revisions of the one document (written here as a
    // replication would, with new_edits: false).
    const now = new Date().toISOString();
    // One saved on the laptop (its device id, as the laptop writes it on its documents), one on
    // a device this test makes up.
    const laptopDevice = await laptop.page.evaluate(() =>
      window.localStorage.getItem('diptych:device:v1'),
    );
    expect(laptopDevice).toMatch(/^urn:diptych:device:[0-9a-f-]{36}$/);
    const version = (fields: Record<string, string>, rev: string, device: string) => ({
      ...toRecordOverrideDoc(SOURCE, fields, ana.name, now, device),
      _rev: rev,
    });
    const pushed = await call(server.couchUrl, ana, 'POST', `${DB}/_bulk_docs`, {
      new_edits: false,
      docs: [
        version(
          { issued: '2015-06-03', 'title-short': 'Russia’s borders' },
          '1-aaaa',
          laptopDevice!,
        ),
        version(
          { issued: '2015-06-04' },
          '1-bbbb',
          'urn:diptych:device:7c9e6679-7425-40de-944b-e07fc1f90ae7',
        ),
      ],
    });
    expect(pushed.status).toBe(201);

    for (const r of [laptop, desktop]) {
      const panel = await openSyncPanel(r.page);
      const conflict = panel.locator(`.sync-record-conflict[data-source="${SOURCE}"]`);
      await expect.poll(() => conflict.locator('li').count(), { timeout: scaled(30_000) }).toBe(2);
      expect(await conflict.textContent()).toContain('Date issued: 2015-06-03');
      expect(await conflict.textContent()).toContain('Date issued: 2015-06-04');
      // Each version says where it was made: the laptop's on this device only on the laptop.
      const made = (issued: string) =>
        conflict
          .locator('li', { hasText: `Date issued: ${issued}` })
          .locator('p')
          .textContent();
      expect(await made('2015-06-03')).toMatch(
        r === laptop ? /^Made on this device, .* · Date issued/ : /^Made on another device, /,
      );
      expect(await made('2015-06-04')).toMatch(/^Made on another device, .* · Date issued/);
    }
    await laptop.screenshot('sync-record-conflict');
    // Where the record is used, too: the desktop's Cite panel marks it.
    await closeSyncPanel(desktop.page);
    await openCite(desktop, PASSAGE);
    const mark = citePanel(desktop.page).locator('.cite-bibliography .record-conflict');
    await expect.poll(() => mark.count(), { timeout: scaled(30_000) }).toBe(1);
    expect(await mark.textContent()).toContain('Edited on two devices');
    await desktop.screenshot('sync-record-conflict-cite');

    // The laptop keeps the 4 June version; both devices end with it, the conflict gone.
    const conflict = syncPanel(laptop.page).locator(
      `.sync-record-conflict[data-source="${SOURCE}"]`,
    );
    await conflict
      .locator('li', { hasText: 'Date issued: 2015-06-04' })
      .getByRole('button', { name: 'Keep this version' })
      .click();
    await expect
      .poll(() => syncPanel(laptop.page).locator('.sync-record-conflict').count(), {
        timeout: scaled(30_000),
      })
      .toBe(0);
    await expect.poll(() => mark.count(), { timeout: scaled(30_000) }).toBe(0);
    await waitForCitation(desktop, COMPLETED);
    for (const r of [laptop, desktop])
      await expect
        .poll(() =>
          r.page.evaluate(
            () =>
              (
                JSON.parse(localStorage.getItem('diptych:v1:record-overrides') ?? '{}') as {
                  overrides?: Record<string, unknown>;
                }
              ).overrides?.['winstanley-chesters-2015'],
          ),
        )
        .toEqual({ issued: '2015-06-04' });
    const stored = await call(server.couchUrl, ana, 'GET', `${DOC_PATH}?conflicts=true`);
    expect(stored.body['fields']).toEqual({ issued: '2015-06-04' });
    expect(stored.body['_conflicts']).toBeUndefined();
    await closeSyncPanel(laptop.page);
    await desktop.pressKey('Escape');
    await citePanel(desktop.page).waitFor({ state: 'detached' });
  });
});
