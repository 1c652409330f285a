// Sync faults (issue 13): a server that answers garbage or hangs — the
// reader keeps working locally and says the server is unreachable; hostile
// documents in a group — validated like an import, shown as text or listed
// as rejected, never crashing the reader or blocking the rest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creatorOf, groupDatabaseName, toAnnotationDoc } from '../../annotations/sync/index.ts';
import { builtinEditions } from '../../sources/builtin.ts';
import { sampleAnnotations } from '../annotations/helpers/samples.ts';
import { call } from '../server/helpers/http.ts';
import { TEST_ADMIN, type ServerProcess } from '../server/helpers/server-process.ts';
import { startFaultProxy, type FaultProxy } from './helpers/fault-proxy.ts';
import { annotate, openSidebar, sidebar, storedAnnotations } from './helpers/annotations-ui.ts';
import {
  closeSyncPanel,
  joinGroup,
  openSyncPanel,
  signIn,
  syncPanel,
  waitForStored,
  waitForSyncStatus,
  startSyncServer,
} from './helpers/sync-ui.ts';
import { startReader, type Reader } from './helpers/ui.ts';

const ana = { name: 'ana', password: 'ana-secret' };
const ben = { name: 'ben', password: 'ben-secret' };
const GROUP = 'lankov-seminar';
const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';

let server: ServerProcess;
let proxy: FaultProxy;
let reader: Reader;
let dialogs = 0;

beforeAll(async () => {
  server = await startSyncServer([ana, ben], { name: GROUP, owner: ana.name, members: [ben.name] });
  proxy = await startFaultProxy(server.url);
  reader = await startReader();
  reader.page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await reader.openApp();
}, 120_000);

afterAll(async () => {
  await reader?.close();
  await proxy?.close();
  await server?.dispose();
}, 60_000);

describe('a server the page may not reach', () => {
  it('plain http on another machine: refused before any request, saying why and what to do', async () => {
    const tried: string[] = [];
    const onRequest = (r: { url(): string }) => {
      if (r.url().includes('192.0.2.1')) tried.push(r.url());
    };
    reader.page.on('request', onRequest);
    await signIn(reader, 'http://192.0.2.1:5984', ben);
    await waitForSyncStatus(
      reader.page,
      /^Server unreachable: .*only on this computer.*https:\/\//,
    );
    reader.page.off('request', onRequest);
    expect(tried).toEqual([]);
    await closeSyncPanel(reader.page);
  });
});

describe('a server that answers garbage or hangs', () => {
  it('garbage: the reader keeps working and says the server is unreachable', async () => {
    await signIn(reader, proxy.url, ben);
    await waitForSyncStatus(reader.page, /^Synced\.$/);
    await closeSyncPanel(reader.page);
    proxy.setMode('garbage');
    await annotate(reader.page, 'lankov-2007:6', 0, 25, 'h');
    expect(await storedAnnotations(reader.page)).toHaveLength(1);
    await openSyncPanel(reader.page);
    await waitForSyncStatus(reader.page, /^Server unreachable/);
    await closeSyncPanel(reader.page);
  });

  it('hanging: the same, after the time limit; the change goes up when it answers again', async () => {
    // Back to a healthy server first, so "unreachable" below is the hang's doing, not the garbage's.
    proxy.setMode('pass');
    await openSyncPanel(reader.page);
    await waitForSyncStatus(reader.page, /^Synced\.$/);
    await closeSyncPanel(reader.page);
    proxy.setMode('hang');
    await annotate(reader.page, 'lankov-2007:7', 0, 25, 'h');
    expect(await storedAnnotations(reader.page)).toHaveLength(2);
    await openSyncPanel(reader.page);
    await waitForSyncStatus(reader.page, /^Server unreachable/);
    proxy.setMode('pass');
    await waitForSyncStatus(reader.page, /^Synced\.$/);
    // Both annotations reached ben's private layer on the server.
    const ids = (await storedAnnotations(reader.page)).map((a) => a.id);
    const { privateDatabaseName } = await import('../../annotations/sync/index.ts');
    await expect
      .poll(
        async () => {
          const all = await call(
            server.couchUrl,
            ben,
            'GET',
            `${privateDatabaseName('ben')}/_all_docs`,
          );
          return (all.body.rows ?? []).map((r) => (r as { id: string }).id);
        },
        { timeout: 60_000 },
      )
      .toEqual(expect.arrayContaining(ids));
    await closeSyncPanel(reader.page);
  });
});

describe('hostile documents in a group', () => {
  it('are shown as text or listed as rejected, and the rest replicates', async () => {
    const db = groupDatabaseName(GROUP);
    const samples = sampleAnnotations(builtinEditions());
    const admin = { name: TEST_ADMIN.name, password: TEST_ADMIN.password };
    const put = async (doc: Record<string, unknown>) => {
      const answer = await call(
        server.couchUrl,
        admin,
        'PUT',
        `${db}/${encodeURIComponent(String(doc['_id']))}`,
        doc,
      );
      expect(answer.status).toBe(201);
    };
    const hostileAuthor = `ana${XSS}`;
    const xssDoc = toAnnotationDoc(
      {
        ...samples[0]!,
        id: 'urn:uuid:00000000-0000-4000-8000-00000000x551' as never,
        note: XSS,
        tags: [XSS.slice(0, 60)],
      },
      hostileAuthor,
    );
    await put(xssDoc as unknown as Record<string, unknown>);
    await put({
      _id: 'urn:uuid:00000000-0000-4000-8000-0000000bad01',
      id: 'urn:uuid:00000000-0000-4000-8000-0000000bad01',
      type: 'Annotation',
      target: 42,
      creator: creatorOf('ana'),
    });
    const huge = toAnnotationDoc(
      { ...samples[1]!, id: 'urn:uuid:00000000-0000-4000-8000-0000000b1601' as never },
      'ana',
    ) as unknown as Record<string, unknown>;
    await put({
      ...huge,
      body: [{ type: 'TextualBody', purpose: 'commenting', value: 'x'.repeat(10 * 1024 * 1024) }],
    });
    const good = toAnnotationDoc(
      { ...samples[2]!, id: 'urn:uuid:00000000-0000-4000-8000-00000000600d' as never },
      'ana',
    );
    await put(good as unknown as Record<string, unknown>);

    await openSyncPanel(reader.page);
    await joinGroup(reader.page, GROUP, false);
    await waitForStored(reader.page, (a) => a.id === good.id);
    await waitForStored(reader.page, (a) => a.id === xssDoc.id);
    const panel = syncPanel(reader.page);
    await expect
      .poll(() => panel.locator('.sync-rejected summary').textContent(), { timeout: 60_000 })
      .toBe('2 documents were rejected');
    await panel.locator('.sync-rejected summary').click();
    const listed = await panel.locator('.sync-rejected').textContent();
    expect(listed).toContain('0000000bad01');
    expect(listed).toContain('0000000b1601');
    expect(listed).toMatch(/MB/);
    await reader.screenshot('sync-rejected-documents');
    await closeSyncPanel(reader.page);

    await openSidebar(reader.page);
    const item = sidebar(reader.page).locator(`[data-annotation-id="${xssDoc.id}"]`);
    await expect.poll(() => item.textContent()).toContain(XSS);
    expect(await item.textContent()).toContain(`by ${hostileAuthor}`);
    expect(await item.locator('img, script').count()).toBe(0);
    expect(
      await reader.page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
    ).toBeUndefined();
    expect(dialogs).toBe(0);
  });
});
