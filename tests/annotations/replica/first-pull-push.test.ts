// Where the push starts after a first pull into an empty replica (first-pull-push.ts), on
// Node's PouchDB (LevelDB in a temporary folder): a push started there sends nothing the
// pull brought and everything written after it; a write beside the pull keeps the full walk.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  pushStartAfterFirstPull,
  updateSeq,
} from '../../../annotations/replica/first-pull-push.ts';
import type { PouchConstructor, PouchDatabase } from '../../../annotations/replica/pouch-types.ts';
import { tempDirForFile } from '../../helpers/temp-dir.ts';

const PouchDB = createRequire(import.meta.url)('pouchdb') as PouchConstructor;
const dir = tempDirForFile('diptych-first-pull-push-');
let made = 0;
const open = (): PouchDatabase => new PouchDB(join(dir, `db${made++}`));

interface Replication extends PromiseLike<{ docs_written: number; docs_read: number }> {
  on(event: string, listener: (...args: never[]) => void): this;
}
type Replicate = (target: PouchDatabase, options?: object) => Replication;
const replicateTo = (db: PouchDatabase): Replicate =>
  (db as unknown as { replicate: { to: Replicate } }).replicate.to;

/** A server stand-in holding `n` documents, one of them with two conflicting branches. */
async function serverWith(n: number): Promise<PouchDatabase> {
  const server = open();
  await server.bulkDocs(Array.from({ length: n }, (_, i) => ({ _id: `doc-${i}`, n: i })));
  await (server as unknown as { bulkDocs(d: object, o: object): Promise<unknown> }).bulkDocs(
    { docs: [{ _id: 'doc-0', _rev: '1-bbbb', n: -1 }] },
    { new_edits: false },
  );
  return server;
}

/** The first pull as the engine makes it, with the sequences before and after. */
async function firstPull(local: PouchDatabase, server: PouchDatabase, during?: () => unknown) {
  const before = await updateSeq(local);
  const pull = local.replicate.from(server, { batch_size: 7 }) as unknown as Replication;
  let once = false;
  pull.on('change', () => {
    if (once || !during) return;
    once = true;
    void during();
  });
  const info = await pull;
  return pushStartAfterFirstPull(before, await updateSeq(local), info.docs_written);
}

describe('pushStartAfterFirstPull', () => {
  it('lets the push start after a pull into an empty replica; the push then sends only what was written after it', async () => {
    const server = await serverWith(30);
    const local = open();
    const since = await firstPull(local, server);
    // 30 documents, one of them on two branches: 31 revisions, each one sequence number.
    expect(since).toBe(31);
    const after = await local.put({ _id: 'made-here', n: 1 });
    const push = await replicateTo(local)(server, { since });
    expect(push.docs_read).toBe(1);
    expect(push.docs_written).toBe(1);
    const there = await server.get('made-here');
    expect(there._rev).toBe(after.rev);
    // Both branches of the conflicted document are in the replica.
    const conflicted = await local.get('doc-0', { conflicts: true });
    expect(conflicted._conflicts).toHaveLength(1);
  });

  it('keeps the full walk when something else was written during the pull', async () => {
    const server = await serverWith(30);
    const local = open();
    const since = await firstPull(local, server, () => local.put({ _id: 'made-during', n: 2 }));
    expect(since).toBeUndefined();
    // The full walk sends the write made during the pull.
    await replicateTo(local)(server);
    expect((await server.get('made-during'))['n']).toBe(2);
  });

  it('keeps the full walk when the replica was not empty', async () => {
    const server = await serverWith(5);
    const local = open();
    await local.put({ _id: 'made-before', n: 3 });
    expect(await firstPull(local, server)).toBeUndefined();
  });

  it('walks as before when nothing was pulled or a sequence is not a number', () => {
    expect(pushStartAfterFirstPull(0, 0, 0)).toBeUndefined();
    expect(pushStartAfterFirstPull(0, '5-abc', 5)).toBeUndefined();
    expect(pushStartAfterFirstPull(null, 5, 5)).toBeUndefined();
    expect(pushStartAfterFirstPull(0, 6, 5)).toBeUndefined();
    expect(pushStartAfterFirstPull(0, 5, 5)).toBe(5);
  });
});
