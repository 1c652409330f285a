// PouchDB through the worker's channel (pouch-proxy.ts ↔ pouch-host.ts): the page's stand-in
// answers and emits as PouchDB does. Both ends run here over a MessageChannel, with Node's
// PouchDB (LevelDB in a temporary folder) as the worker's.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hostPouch } from '../../../annotations/replica/pouch-host.ts';
import { pouchProxy, type PouchProxy } from '../../../annotations/replica/pouch-proxy.ts';
import type {
  PouchConstructor,
  PouchDatabase,
  PouchDoc,
} from '../../../annotations/replica/pouch-types.ts';
import type { WirePort } from '../../../annotations/replica/pouch-wire.ts';
import {
  replicationBackOff,
  replicationFetch,
} from '../../../annotations/replica/replication-options.ts';
import { takeSnapshot } from '../../../annotations/replica/snapshot-pull.ts';

const PouchDB = createRequire(import.meta.url)('pouchdb') as PouchConstructor;

let dir: string;
let channel: MessageChannel;
let proxy: PouchProxy;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'diptych-pouch-proxy-'));
  channel = new MessageChannel();
  hostPouch(channel.port2 as unknown as WirePort, PouchDB);
  proxy = pouchProxy(channel.port1 as unknown as WirePort);
});

afterEach(() => {
  channel.port1.close();
  channel.port2.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Resolves with the arguments of the first `event` `emitter` emits. */
function next(
  emitter: { on(event: string, listener: (...args: never[]) => void): unknown },
  event: string,
): Promise<unknown[]> {
  return new Promise((resolve) => {
    let done = false;
    emitter.on(event, (...args: never[]) => {
      if (!done) resolve(args);
      done = true;
    });
  });
}

describe('pouchProxy', () => {
  it('writes, reads and lists documents in the worker’s database, and says why a read failed', async () => {
    const db = new proxy.PouchDB(join(dir, 'a'));
    const put = await db.put({ _id: 'x', n: 1 });
    expect(put.ok).toBe(true);
    const results = await db.bulkDocs([
      { _id: 'y', n: 2 },
      { _id: 'x', n: 3 },
    ]);
    expect(results[0]).toMatchObject({ ok: true, id: 'y' });
    // A conflict comes back as PouchDB answers it: per document, with its status.
    expect(results[1]).toMatchObject({ id: 'x', status: 409 });
    expect(await db.get('x')).toMatchObject({ _id: 'x', n: 1, _rev: put.rev });
    const listed = await db.allDocs({ keys: ['x', 'y', 'z'], include_docs: true });
    expect(listed.rows.map((r) => r.doc?.['n'] ?? r.error)).toEqual([1, 2, 'not_found']);
    // A rejection keeps CouchDB's fields (the engine and conflict-versions.ts read them).
    const missing = await db.get('z').catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(Error);
    expect(missing).toMatchObject({ status: 404, name: 'not_found' });
    await db.close();
  });

  it('destroys a database in the worker: opened again by its name, it is empty', async () => {
    const db = new proxy.PouchDB(join(dir, 'gone'));
    await db.bulkDocs([{ _id: 'x' }, { _id: 'y' }]);
    await db.destroy();
    // The handle is done with: the worker no longer holds it.
    await expect(db.info()).rejects.toThrow(/no database \d+ is open/);
    const again = new proxy.PouchDB(join(dir, 'gone'));
    expect((await again.info()).doc_count).toBe(0);
    await again.close();
  });

  it('runs a live changes feed and stops it on cancel', async () => {
    const db = new proxy.PouchDB(join(dir, 'b'));
    await db.bulkDocs([{ _id: 'a' }, { _id: 'b' }]);
    const seen: string[] = [];
    const feed = db.changes({ since: 0, live: true, include_docs: true });
    const third = new Promise<void>((resolve) =>
      feed.on('change', ((change: { doc?: PouchDoc }) => {
        seen.push(change.doc!._id);
        if (seen.length === 3) resolve();
      }) as never),
    );
    await db.put({ _id: 'c' });
    await third;
    expect(seen.sort()).toEqual(['a', 'b', 'c']);
    feed.cancel();
    await db.put({ _id: 'd' });
    await db.get('d');
    // Give a late event every chance to arrive (the worker batches events for 10 ms).
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).not.toContain('d');
    await db.close();
  });

  it('syncs two databases with the named options, each direction’s events and the sync’s', async () => {
    const here = new proxy.PouchDB(join(dir, 'here'));
    const there = new proxy.PouchDB(join(dir, 'there'), {
      skip_setup: true,
      fetch: replicationFetch,
    });
    await there.bulkDocs([{ _id: 'p' }, { _id: 'q' }]);
    const sync = here.sync(there, {
      live: true,
      retry: true,
      back_off_function: replicationBackOff,
    });
    // The engine settles a sync's pause in a microtask, after its direction's own `paused`
    // listeners have run (PouchDB's sync hears a direction pause first): the two must reach
    // the page together, so each settling sees the direction pause that caused it.
    const directionPauses: string[] = [];
    const settled: { syncPauses: number; directionPauses: number }[] = [];
    let syncPauses = 0;
    sync.on('paused', () => {
      syncPauses += 1;
      const seen = syncPauses;
      queueMicrotask(() =>
        settled.push({ syncPauses: seen, directionPauses: directionPauses.length }),
      );
    });
    sync.pull.on('paused', () => directionPauses.push('pull'));
    sync.push.on('paused', () => directionPauses.push('push'));
    const change = next(sync, 'change');
    // Both registered now: the change and the pause may come in one message.
    const paused = next(sync, 'paused');
    const [info] = (await change) as [{ direction: string; change: Record<string, unknown> }];
    expect(info.direction).toBe('pull');
    expect(info.change['docs_written']).toBe(2);
    // The documents written are not sent along (the page reads them from the feed), only their
    // ids and revisions (what a push has sent: the cards' "not yet synced").
    expect(info.change['docs']).toBeUndefined();
    expect(info.change['written']).toEqual([
      { id: 'p', rev: expect.stringMatching(/^1-/) },
      { id: 'q', rev: expect.stringMatching(/^1-/) },
    ]);
    await paused;
    expect(settled.length).toBeGreaterThan(0);
    for (const s of settled) expect(s.directionPauses).toBeGreaterThanOrEqual(s.syncPauses);
    expect((await here.allDocs({ keys: ['p', 'q'] })).rows.every((r) => r.value)).toBe(true);
    sync.cancel();
    await here.close();
    await there.close();
  });

  it('pulls one way (replicate.from) with its events, the documents not sent along', async () => {
    const here = new proxy.PouchDB(join(dir, 'pull-here'));
    const there = new proxy.PouchDB(join(dir, 'pull-there'), {
      skip_setup: true,
      fetch: replicationFetch,
    });
    await there.bulkDocs([{ _id: 'p' }, { _id: 'q' }, { _id: 'r' }]);
    expect((await here.info()).update_seq).toBe(0);
    const pull = here.replicate.from(there, { batch_size: 2, retry: false });
    const change = next(pull, 'change');
    const complete = next(pull, 'complete');
    const [info] = (await change) as [Record<string, unknown>];
    expect(info['docs_written']).toBe(2);
    expect(info['docs']).toBeUndefined();
    const [done] = (await complete) as [{ status: string; docs_written: number }];
    expect(done).toMatchObject({ status: 'complete', docs_written: 3 });
    expect((await here.allDocs({ keys: ['p', 'q', 'r'] })).rows.every((r) => r.value)).toBe(true);
    // The replica's sequence through the worker: one per document written (first-pull-push.ts).
    expect(await here.info()).toMatchObject({ update_seq: 3, doc_count: 3 });
    // Nothing went the other way.
    await here.put({ _id: 'mine' });
    await expect(there.get('mine')).rejects.toMatchObject({ status: 404 });
    await here.close();
    await there.close();
  });

  it('takes a snapshot first pull in the worker, and answers null for a replica that is not empty', async () => {
    const here = new proxy.PouchDB(join(dir, 'snap-here'));
    const there = new proxy.PouchDB(join(dir, 'snap-there'));
    await there.bulkDocs([{ _id: 'p' }, { _id: 'q' }]);
    const since = (await there.info()).update_seq;
    expect(await takeSnapshot(here, there)).toEqual({ since, written: 2, seq: 2 });
    expect(await here.info()).toMatchObject({ update_seq: 2, doc_count: 2 });
    expect(await takeSnapshot(here, there)).toBeNull();
    // Its documents handed to the page as written, every one before the answer.
    const given: string[] = [];
    const handed = new proxy.PouchDB(join(dir, 'snap-handed'));
    const answer = await takeSnapshot(handed, there, (docs) => {
      for (const doc of docs) given.push(`${doc._id} ${doc._rev.slice(0, 2)}`);
    });
    expect(answer).toEqual({ since, written: 2, seq: 2 });
    expect(given.sort()).toEqual(['p 1-', 'q 1-']);
    await handed.close();
    // Only between two databases of the worker.
    await expect(here.snapshotFrom!({} as PouchDatabase)).rejects.toThrow(/only of another one/);
    await here.close();
    await there.close();
  });

  it('refuses a function option it cannot name, before anything is sent', () => {
    const db = new proxy.PouchDB(join(dir, 'c'));
    const other = new proxy.PouchDB(join(dir, 'd'));
    expect(() => db.sync(other, { back_off_function: (d: number) => d })).toThrow(
      /back_off_function is a function the sync worker does not know/,
    );
    expect(() => new proxy.PouchDB(join(dir, 'e'), { fetch: () => undefined } as object)).toThrow(
      /fetch/,
    );
  });

  it('fails pending calls and live feeds when the worker stops', async () => {
    const db = new proxy.PouchDB(join(dir, 'f'));
    const feed = db.changes({ since: 0, live: true });
    const failed = next(feed, 'error');
    const call = db.get('nothing');
    proxy.fail('it crashed');
    await expect(call).rejects.toThrow('the sync worker stopped (it crashed)');
    expect(((await failed)[0] as Error).message).toContain('it crashed');
    await expect(db.put({ _id: 'later' })).rejects.toThrow('the sync worker stopped');
  });
});
