// A change made during a layer's first replication (issue 13): the engine pulls a layer one way
// before its two-way sync starts (annotations/replica/sync-engine.ts, `pullFirst`), so an
// annotation made while thousands of documents arrive waits in the layer's database and must
// reach the server once the pull is over — nothing made meanwhile is lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAnnotationId } from '../../annotations/model/annotation.ts';
import { privateDatabaseName, toAnnotationDoc } from '../../annotations/sync/index.ts';
import { builtinEditions } from '../../sources/builtin.ts';
import { sampleAnnotations } from '../annotations/helpers/samples.ts';
import { call } from '../server/helpers/http.ts';
import { type ServerProcess } from '../server/helpers/server-process.ts';
import { scaled } from '../slowdown.ts';
import { annotate, storedAnnotations } from './helpers/annotations-ui.ts';
import {
  closeSyncPanel,
  openSyncPanel,
  signIn,
  syncStatus,
  waitForSyncStatus,
  startSyncServer,
} from './helpers/sync-ui.ts';
import { startReader, type Reader } from './helpers/ui.ts';

const ana = { name: 'ana', password: 'ana-secret' };
/** Enough that the first replication is still running when the reader annotates. */
const COUNT = 3000;

let server: ServerProcess;
let reader: Reader;

beforeAll(async () => {
  server = await startSyncServer([ana]);
  // The sample annotations again and again, each copy with an id of its own.
  const samples = sampleAnnotations(builtinEditions());
  const db = privateDatabaseName(ana.name);
  for (let i = 0; i < COUNT; i += 1000) {
    const docs = Array.from({ length: 1000 }, (_, k) =>
      toAnnotationDoc({ ...samples[(i + k) % samples.length]!, id: newAnnotationId() }, ana.name),
    );
    const answer = await call(server.couchUrl, ana, 'POST', `${db}/_bulk_docs`, { docs });
    expect(answer.status).toBe(201);
  }
  reader = await startReader();
  await reader.openApp();
}, 120_000);

afterAll(async () => {
  await reader?.close();
  await server?.dispose();
}, 60_000);

describe('a layer’s first replication', () => {
  it('an annotation made while it runs reaches the server once it is over', async () => {
    await signIn(reader, server.url, ana);
    await expect.poll(() => syncStatus(reader.page).textContent()).toMatch(/^Syncing/);
    await closeSyncPanel(reader.page);
    const quote = await annotate(reader.page, 'lankov-2007:3', 0, 30, 'h');
    // The reader's save writes the whole set: the replication had not brought everything yet.
    const stored = await storedAnnotations(reader.page);
    expect(stored.length).toBeLessThan(COUNT + 1);
    const made = stored.find((a) => a.targets[0]?.selectors.quote.exact.trim() === quote);
    expect(made).toBeDefined();
    await openSyncPanel(reader.page);
    await waitForSyncStatus(reader.page, /^Synced\.$/);
    const db = privateDatabaseName(ana.name);
    await expect
      .poll(
        async () =>
          (await call(server.couchUrl, ana, 'GET', `${db}/${encodeURIComponent(made!.id)}`)).status,
        { timeout: scaled(30_000) },
      )
      .toBe(200);
    // And the reader holds everything: the server's documents and the annotation made meanwhile.
    await expect
      .poll(async () => (await storedAnnotations(reader.page)).length, {
        timeout: scaled(60_000),
      })
      .toBe(COUNT + 1);
  });
});
