/**
 * Faults during replication, against the real server: it is killed
 * (SIGKILL) in the middle of replicating 1,000 annotations, restarted on the
 * same data, and replication resumes. Afterwards both sides hold exactly the
 * same 1,000 — same ids, same winning revisions, same contents, no
 * conflicts, none duplicated, none lost. The client is PouchDB in Node, the
 * replication code the browser uses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupDatabaseName, toAnnotationDoc } from '../../annotations/sync/index.ts';
import { builtinEditions } from '../../sources/builtin.ts';
import { CouchAdmin } from '../../server/couch-admin.ts';
import { sampleAnnotations } from '../annotations/helpers/samples.ts';
import {
  openReplica,
  type Db,
  type NodeReplica,
  type Replication,
} from './helpers/node-replica.ts';
import { startServerProcess, TEST_ADMIN, type ServerProcess } from './helpers/server-process.ts';

const COUNT = 1000;
const ana = { name: 'ana', password: 'ana-pw' };
const DB = groupDatabaseName('faults');
const samples = sampleAnnotations(builtinEditions());

let server: ServerProcess;
const replicas: NodeReplica[] = [];

beforeAll(async () => {
  server = await startServerProcess();
  const admin = new CouchAdmin(server.couchUrl, TEST_ADMIN);
  await admin.addUser(ana.name, ana.password);
  await admin.createGroup('faults', 'ana', []);
}, 90_000);

afterAll(async () => {
  for (const r of replicas) await r.dispose();
  await server?.dispose();
}, 30_000);

/** Every non-design document: id → [winning rev, content without _rev]. */
async function contents(db: Db): Promise<Map<string, [string, string]>> {
  const all = await db.allDocs({ include_docs: true, conflicts: true });
  const out = new Map<string, [string, string]>();
  for (const row of all.rows) {
    if (row.id.startsWith('_design/')) continue;
    const doc = row.doc!;
    expect(doc['_conflicts'], `${row.id} has conflicts`).toBeUndefined();
    const { _rev, ...rest } = doc;
    out.set(row.id, [String(_rev), JSON.stringify(rest)]);
  }
  return out;
}

/** Runs `replication`, killing the server once `killAfter` documents are written. */
async function replicateAndKill(replication: Replication, killAfter: number): Promise<number> {
  let killed: Promise<void> | null = null;
  let writtenAtKill = 0;
  replication.on('change', (info) => {
    if (!killed && info.docs_written >= killAfter) {
      writtenAtKill = info.docs_written;
      killed = server.kill();
    }
  });
  await replication.then(
    () => undefined,
    () => undefined,
  );
  await killed;
  return writtenAtKill;
}

describe('a server killed in the middle of a replication of 1,000 annotations', () => {
  it('pushing: after a restart, both sides hold exactly the same 1,000', async () => {
    const device = openReplica(server.couchUrl, DB, ana);
    replicas.push(device);
    const docs = Array.from({ length: COUNT }, (_, i) =>
      toAnnotationDoc(
        {
          ...samples[i % samples.length]!,
          id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        } as (typeof samples)[number],
        'ana',
      ),
    );
    await device.local.bulkDocs(docs);

    const written = await replicateAndKill(
      device.local.replicate.to(device.remote, { batch_size: 50 }),
      100,
    );
    expect(written).toBeGreaterThanOrEqual(100);
    expect(written).toBeLessThan(COUNT);

    await server.restart();
    const before = await device.remote.info();
    expect(before.doc_count - 1, 'the kill came before the end').toBeLessThan(COUNT);
    await device.local.sync(device.remote);

    const local = await contents(device.local);
    const remote = await contents(device.remote);
    expect(local.size).toBe(COUNT);
    expect(remote.size).toBe(COUNT);
    expect(remote).toEqual(local);
  }, 120_000);

  it('pulling into a new device: after a restart, it holds exactly the same 1,000', async () => {
    const device = openReplica(server.couchUrl, DB, ana);
    replicas.push(device);
    const written = await replicateAndKill(
      device.local.replicate.from(device.remote, { batch_size: 50 }),
      100,
    );
    expect(written).toBeLessThan(COUNT);
    await server.restart();
    await device.local.replicate.from(device.remote);
    const local = await contents(device.local);
    const remote = await contents(device.remote);
    expect(local.size).toBe(COUNT);
    expect(local).toEqual(remote);
    // The first device agrees too.
    expect(await contents(replicas[0]!.local)).toEqual(remote);
  }, 120_000);
});
