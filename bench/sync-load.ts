/**
 * sync-load: 50 simulated members of one group, each making 100 edits over
 * about two minutes against the local sync server (`diptych serve`, started
 * here on 127.0.0.1 with a temporary data folder), each syncing live with
 * PouchDB — the replication code the browser client uses — over HTTP.
 *
 * Each member makes 10 annotations and edits each 9 times (10 revisions per
 * annotation, 100 edits per member, 5,000 in all), at evenly spread times
 * with jitter. At the end every replica and the server must hold all 500
 * annotations at their 10th revision with the last edit's note: all 5,000
 * edits present everywhere, none lost (the section says so or fails).
 *
 * Reports: edits per second accepted by the server, the time for the last
 * edit to reach every member, and the server's resident memory (peak and at
 * the end, sampled every 500 ms from /proc). `npm run bench -- sync-load
 * --quick` makes the same 5,000 edits over 20 s instead of 120 s; the full
 * run is the reported figure.
 */
import { readFileSync } from 'node:fs';
import type { Annotation, AnnotationId } from '../annotations/model/annotation.ts';
import { groupDatabaseName, toAnnotationDoc } from '../annotations/sync/index.ts';
import { CouchAdmin } from '../server/couch-admin.ts';
import { builtinEditions } from '../sources/builtin.ts';
import { sampleAnnotations } from '../tests/annotations/helpers/samples.ts';
import { openReplica, type NodeReplica } from '../tests/server/helpers/node-replica.ts';
import { startServerProcess, TEST_ADMIN } from '../tests/server/helpers/server-process.ts';

const MEMBERS = 50;
const ANNOTATIONS_PER_MEMBER = 10;
const REVISIONS_PER_ANNOTATION = 10;
const EDITS_PER_MEMBER = ANNOTATIONS_PER_MEMBER * REVISIONS_PER_ANNOTATION;
const GROUP = 'load-test';
/** How long to wait, after the last edit, for every replica to hold everything. */
const CONVERGE_TIMEOUT_MS = 180_000;

function rssMiB(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status);
    return kb ? Number(kb[1]) / 1024 : null;
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A member's annotation `a` at revision `k` (1-based): same content, a note naming the edit. */
function edition(
  base: Annotation,
  member: number,
  a: number,
  k: number,
  created: string,
): Annotation {
  return {
    ...base,
    id: `urn:uuid:00000000-0000-4000-8000-${String(member * 1000 + a).padStart(12, '0')}` as AnnotationId,
    note: `member ${member}, annotation ${a}, edit ${k}`,
    created,
    modified: new Date().toISOString(),
  };
}

/** How many of the expected final documents `replica` holds (at revision 10 with the last note). */
async function complete(db: NodeReplica['local']): Promise<number> {
  const all = await db.allDocs({ include_docs: true });
  let n = 0;
  for (const row of all.rows) {
    if (row.id.startsWith('_design/')) continue;
    const doc = row.doc!;
    const generation = Number(String(doc['_rev']).split('-')[0]);
    const body = doc['body'] as { value?: string }[] | undefined;
    if (
      generation === REVISIONS_PER_ANNOTATION &&
      body?.[0]?.value?.endsWith(`edit ${REVISIONS_PER_ANNOTATION}`)
    )
      n++;
  }
  return n;
}

/** Runs the load and prints the section. */
export async function run(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const durationMs = (quick ? 20 : 120) * 1000;
  const samples = sampleAnnotations(builtinEditions());
  const server = await startServerProcess();
  const replicas: NodeReplica[] = [];
  const syncs: { cancel(): void }[] = [];
  let peak = 0;
  const sampler = setInterval(() => {
    const now = rssMiB(server.pid());
    if (now !== null) peak = Math.max(peak, now);
  }, 500);
  try {
    const admin = new CouchAdmin(server.couchUrl, TEST_ADMIN);
    const members = Array.from({ length: MEMBERS }, (_, i) => ({
      name: `member-${i}`,
      password: `pw-${i}`,
    }));
    for (const m of members) await admin.addUser(m.name, m.password);
    await admin.createGroup(
      GROUP,
      members[0]!.name,
      members.slice(1).map((m) => m.name),
    );
    const idleRss = rssMiB(server.pid());
    const db = groupDatabaseName(GROUP);
    for (const m of members) {
      const replica = openReplica(server.couchUrl, db, m);
      replicas.push(replica);
      syncs.push(replica.local.sync(replica.remote, { live: true, retry: true, batch_size: 100 }));
    }
    console.log(
      `${MEMBERS} members, ${EDITS_PER_MEMBER} edits each (${MEMBERS * EDITS_PER_MEMBER} in all) over ${durationMs / 1000} s${quick ? ' (--quick; the full run is 120 s)' : ''}; live PouchDB sync each`,
    );

    // Each member's edits at evenly spread times, with jitter, starting at a random offset.
    const start = performance.now();
    const interval = durationMs / EDITS_PER_MEMBER;
    const created = new Date().toISOString();
    await Promise.all(
      members.map(async (_m, i) => {
        const revs = new Map<number, string>();
        await sleep(Math.random() * interval);
        for (let e = 0; e < EDITS_PER_MEMBER; e++) {
          const a = e % ANNOTATIONS_PER_MEMBER;
          const k = Math.floor(e / ANNOTATIONS_PER_MEMBER) + 1;
          const doc = toAnnotationDoc(
            edition(samples[(i + a) % samples.length]!, i, a, k, created),
            members[i]!.name,
          );
          const rev = revs.get(a);
          const put = await replicas[i]!.local.put(rev ? { ...doc, _rev: rev } : doc);
          revs.set(a, put.rev);
          const due = start + (e + 1) * interval + (Math.random() - 0.5) * interval;
          const wait = due - performance.now();
          if (wait > 0) await sleep(wait);
        }
      }),
    );
    const editsDone = performance.now();

    // Until the server and every member hold all 500 annotations at their last edit.
    const expected = MEMBERS * ANNOTATIONS_PER_MEMBER;
    let serverDone = 0;
    let allDone = 0;
    let counts: number[] = [];
    while (performance.now() - editsDone < CONVERGE_TIMEOUT_MS) {
      if (!serverDone && (await complete(replicas[0]!.remote)) === expected)
        serverDone = performance.now();
      counts = await Promise.all(replicas.map((r) => complete(r.local)));
      if (serverDone && counts.every((c) => c === expected)) {
        allDone = performance.now();
        break;
      }
      await sleep(250);
    }
    const endRss = rssMiB(server.pid());
    if (!allDone) {
      const short = counts.filter((c) => c !== expected).length;
      throw new Error(
        `not converged ${CONVERGE_TIMEOUT_MS / 1000} s after the last edit: ${short} of ${MEMBERS} members lack edits${serverDone ? '' : ', and so does the server'}`,
      );
    }
    const conflicts = (
      await replicas[0]!.remote.allDocs({ include_docs: true, conflicts: true })
    ).rows.filter((r) => r.doc?.['_conflicts']).length;
    const totalEdits = MEMBERS * EDITS_PER_MEMBER;
    const serverSeconds = (serverDone - start) / 1000;
    console.log(
      `all ${totalEdits} edits present everywhere: the server and all ${MEMBERS} members hold ${expected} annotations at revision ${REVISIONS_PER_ANNOTATION} with the last edit's note; ${conflicts} conflicts`,
    );
    console.log(
      `throughput: ${(totalEdits / serverSeconds).toFixed(1)} edits/s accepted by the server (${totalEdits} in ${serverSeconds.toFixed(1)} s from the first edit; the members' pace was ${((MEMBERS * EDITS_PER_MEMBER) / (durationMs / 1000)).toFixed(1)} edits/s)`,
    );
    console.log(
      `last edit to the server: ${((serverDone - editsDone) / 1000).toFixed(2)} s; to every member: ${((allDone - editsDone) / 1000).toFixed(2)} s`,
    );
    console.log(
      `server memory (RSS): ${idleRss?.toFixed(0) ?? '?'} MiB before the load, peak ${peak.toFixed(0)} MiB, ${endRss?.toFixed(0) ?? '?'} MiB at the end`,
    );
  } finally {
    clearInterval(sampler);
    for (const s of syncs) s.cancel();
    await Promise.all(replicas.map((r) => r.dispose()));
    await server.dispose();
  }
}
