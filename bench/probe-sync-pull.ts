/**
 * A profiling aid for the initial replication of 10,000 annotations (issue
 * 13): where the time goes on the server, without a browser. The same set
 * on the real sync server (`diptych serve`, temporary data); then
 *
 * - the pull a fresh replica makes, from a Node client (PouchDB, LevelDB in
 *   a temporary folder, the same replication options as the browser's:
 *   batches of 500), timed, with the server process's CPU time meanwhile;
 * - the same protocol's requests by hand (`_changes` in batches of 500,
 *   `_revs_diff`, `_bulk_get`), each kind's total time and the server's CPU.
 *
 *   npx tsx bench/probe-sync-pull.ts [--count 10000] [--batch 500]
 *
 * Not part of `npm run bench`: it says where time goes, not the figures.
 */
import { readFileSync } from 'node:fs';
import { privateDatabaseName } from '../annotations/sync/index.ts';
import { CouchAdmin } from '../server/couch-admin.ts';
import { call } from '../tests/server/helpers/http.ts';
import { openReplica } from '../tests/server/helpers/node-replica.ts';
import { startServerProcess, TEST_ADMIN } from '../tests/server/helpers/server-process.ts';
import { BENCH_READER as READER } from './helpers/sync-rig.ts';
import { argValue } from './helpers/arg-value.ts';
import { seedPrivateLayer } from './helpers/seed-private-layer.ts';
import { spreadAnnotations } from './helpers/spread-annotations.ts';

const COUNT = Number(argValue('--count') ?? 10_000);
const BATCH = Number(argValue('--batch') ?? 500);

/** The process's CPU time so far (user + system, ms), from /proc. */
function cpuMs(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 (1-based) of the whole line: 12 and 13 after "pid (comm) ".
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

const ms = (x: number): string => `${x.toFixed(0)} ms`;

async function main(): Promise<void> {
  const server = await startServerProcess();
  try {
    const admin = new CouchAdmin(server.couchUrl, TEST_ADMIN);
    await admin.addUser(READER.name, READER.password);
    const db = privateDatabaseName(READER.name);
    await seedPrivateLayer(server.couchUrl, READER, spreadAnnotations(COUNT));
    const pid = server.pid();

    // 1. A Node replica's pull.
    for (let run = 0; run < 2; run++) {
      const replica = openReplica(server.couchUrl, db, READER);
      const cpu0 = cpuMs(pid);
      const t0 = performance.now();
      await replica.local.replicate.from(replica.remote, { batch_size: BATCH });
      const t = performance.now() - t0;
      const cpu = cpuMs(pid) - cpu0;
      const info = await replica.local.info();
      console.log(
        `node replica pull (batch ${BATCH}): ${ms(t)} for ${info.doc_count} docs; server CPU ${ms(cpu)}`,
      );
      await replica.dispose();
    }

    // 2. The requests by hand.
    const spent = { changes: 0, revsDiff: 0, bulkGet: 0 };
    const cpu0 = cpuMs(pid);
    const t0 = performance.now();
    let since: string | number = 0;
    let total = 0;
    let bytes = 0;
    for (;;) {
      let t = performance.now();
      const changes = await call(
        server.couchUrl,
        READER,
        'GET',
        `${db}/_changes?style=all_docs&since=${encodeURIComponent(String(since))}&limit=${BATCH}`,
      );
      spent.changes += performance.now() - t;
      const results = changes.body['results'] as { id: string; changes: { rev: string }[] }[];
      if (results.length === 0) break;
      since = changes.body['last_seq'] as string;
      const diff: Record<string, string[]> = {};
      for (const r of results) diff[r.id] = r.changes.map((c) => c.rev);
      t = performance.now();
      await call(server.couchUrl, READER, 'POST', `${db}/_revs_diff`, diff);
      spent.revsDiff += performance.now() - t;
      t = performance.now();
      const got = await call(server.couchUrl, READER, 'POST', `${db}/_bulk_get?revs=true`, {
        docs: results.map((r) => ({ id: r.id, rev: r.changes[0]!.rev })),
      });
      spent.bulkGet += performance.now() - t;
      bytes += JSON.stringify(got.body).length;
      total += results.length;
    }
    const cpu = cpuMs(pid) - cpu0;
    console.log(
      `by hand: ${ms(performance.now() - t0)} for ${total} docs (${(bytes / 1e6).toFixed(1)} MB of _bulk_get); _changes ${ms(spent.changes)}, _revs_diff ${ms(spent.revsDiff)}, _bulk_get ${ms(spent.bulkGet)}; server CPU ${ms(cpu)}`,
    );
  } finally {
    await server.dispose();
  }
}

await main();
