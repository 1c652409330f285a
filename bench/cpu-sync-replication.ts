/**
 * Where the CPU goes in one initial replication of 10,000 annotations
 * (issue 13), as core-seconds per process and per thread, read from /proc
 * (no tracer, which slows the page): the sync server (`diptych serve`), and
 * each Chromium process of this run (browser, GPU, network/utility,
 * renderers), the renderer's main thread and its sync worker by thread
 * name. From the click on **Sign in** until the quiet save was tried.
 *
 *   npx tsx bench/cpu-sync-replication.ts [--dist DIR] [--b DIR] [--runs 1]
 *   npx tsx bench/cpu-sync-replication.ts --floor [--runs 1] [--batch 2000] [--batched-revs-diff]
 *   npx tsx bench/cpu-sync-replication.ts --floor --snapshot changes:2000:idb,changes:2000:indexeddb [--no-replicate]
 *
 * `--b DIR`: a second build, alternating with the first (A B B A …), and
 * each one's core-seconds per run at the end. `--floor`: PouchDB alone, the
 * floor under the replication — its browser build in a worker of a bare
 * page pulls the same set into an empty IndexedDB (`replicate.from`), no
 * app, no checks; `--batched-revs-diff` answers its local `revsDiff` in one
 * read, as the app's worker does (local-revs-diff.ts). `--snapshot
 * source:batch[:adapter]` adds snapshot writes (alternating with the rest),
 * into a replica of PouchDB's `idb` adapter (the default) or its newer
 * `indexeddb` one (`pouchdb/dist/pouchdb.indexeddb.min.js`);
 * `--no-replicate` leaves `replicate.from` out of the alternation.
 *
 * Not part of `npm run bench`: it says where the time goes, not the figures.
 */
import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { privateDatabaseName } from '../annotations/sync/index.ts';
import { CouchAdmin } from '../server/couch-admin.ts';
import { buildApp } from '../tests/e2e/helpers/build-app.ts';
import { launchChromium } from '../tests/e2e/helpers/chromium.ts';
import { serveStatic } from '../tests/e2e/helpers/static-server.ts';
import { startServerProcess, TEST_ADMIN } from '../tests/server/helpers/server-process.ts';
import { argValue } from './helpers/arg-value.ts';
import { loadAverages } from './helpers/load-average.ts';
import { seedPrivateLayer } from './helpers/seed-private-layer.ts';
import { spreadAnnotations } from './helpers/spread-annotations.ts';
import {
  clickSignIn,
  fillSignIn,
  newDevice,
  openReader,
  waitForSaveTried,
  waitForStatus,
  BENCH_READER as READER,
} from './helpers/sync-rig.ts';
import { allShown } from './sync-replication.ts';

const COUNT = 10_000;
const TICK_MS = 1000 / 100;

/** utime + stime of a /proc stat line, ms. */
function statCpu(text: string): number {
  const f = text.slice(text.lastIndexOf(') ') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) * TICK_MS;
}

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** Every process descended from `root`, pid → parent. */
function descendants(root: number): number[] {
  const parent = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const s = read(`/proc/${d}/stat`);
    if (!s) continue;
    const f = s.slice(s.lastIndexOf(') ') + 2).split(' ');
    parent.set(Number(d), Number(f[1]));
  }
  const out: number[] = [];
  const stack = [root];
  while (stack.length) {
    const p = stack.pop()!;
    for (const [c, pp] of parent)
      if (pp === p) {
        out.push(c);
        stack.push(c);
      }
  }
  return out;
}

/** A name for a process: the server, or Chromium's --type. */
function kind(pid: number, serverPid: number | undefined): string {
  if (pid === serverPid) return 'server';
  const cmd = (read(`/proc/${pid}/cmdline`) ?? '').split(/[\0 ]/); // Chromium rewrites its title: spaces, not NULs
  if (!/chrom/.test(cmd[0] ?? '')) return `other:${cmd[0]?.split('/').pop()}`;
  const type = cmd.find((a) => a.startsWith('--type='))?.slice(7);
  const sub = cmd.find((a) => a.startsWith('--utility-sub-type='))?.slice(19);
  return `chromium ${type ?? 'browser'}${sub ? ` (${sub})` : ''}`;
}

/** CPU ms per `process|thread name` key for the processes under us. */
function snapshot(serverPid: number | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const pid of descendants(process.pid)) {
    const k = kind(pid, serverPid);
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      const s = read(`/proc/${pid}/task/${tid}/stat`);
      if (!s) continue;
      const name = s.slice(s.indexOf('(') + 1, s.lastIndexOf(')'));
      const key =
        k.startsWith('chromium renderer') || k === 'server' ? `${k} ${pid}|${name}` : `${k}|*`;
      out.set(key, (out.get(key) ?? 0) + statCpu(s));
    }
  }
  return out;
}

/** The floor's bare page: PouchDB's browser build, a page that signs in and a worker that pulls. */
function floorPage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'diptych-bench-floor-'));
  for (const file of ['pouchdb.min.js', 'pouchdb.indexeddb.min.js'])
    copyFileSync(createRequire(import.meta.url).resolve(`pouchdb/dist/${file}`), join(dir, file));
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><meta charset="utf-8"><title>floor</title>
<script>
window.runFloor = async (couch, db, user, password, batch, batched, snapshot) => {
  const r = await fetch(couch + '_session', { method: 'POST', credentials: 'include',
    headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: user, password }) });
  if (!r.ok) throw new Error('session ' + r.status);
  const w = new Worker('worker.js');
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    w.onmessage = (e) => resolve({ ms: performance.now() - t0, ...e.data });
    w.onerror = (e) => reject(new Error(e.message));
    w.postMessage({ url: couch + db, batch, batched, snapshot });
  });
};
</script>`,
  );
  writeFileSync(
    join(dir, 'worker.js'),
    `importScripts('pouchdb.min.js', 'pouchdb.indexeddb.min.js');
async function takeSnapshot(local, url, source, batch) {
  const get = async (path) => {
    const r = await fetch(url + path, { credentials: 'include' });
    if (!r.ok) throw new Error(path + ' ' + r.status);
    return r.json();
  };
  const t0 = performance.now();
  const seq = (await get('/')).update_seq;
  const body = await get(source === 'changes'
    ? '/_changes?include_docs=true&style=all_docs&conflicts=true'
    : '/_all_docs?include_docs=true&conflicts=true');
  const fetched = performance.now() - t0;
  const docs = source === 'changes' ? body.results.map((r) => r.doc) : body.rows.map((r) => r.doc);
  for (const d of docs) delete d._conflicts;
  const step = batch > 0 ? batch : docs.length;
  for (let i = 0; i < docs.length; i += step)
    await local.bulkDocs(docs.slice(i, i + step), { new_edits: false });
  return { seq, fetched, docs_written: docs.length };
}
onmessage = async (e) => {
  const { url, batch, batched, snapshot } = e.data;
  const local = new PouchDB('floor-' + Math.random(), snapshot?.adapter ? { adapter: snapshot.adapter } : {});
  if (snapshot) {
    const t0 = performance.now();
    const got = await takeSnapshot(local, url, snapshot.source, snapshot.batch);
    const pulled = performance.now() - t0;
    postMessage({ pulled, count: (await local.info()).doc_count, adapter: local.adapter, ...got });
    return;
  }
  if (batched) {
    // As annotations/replica/local-revs-diff.ts: the documents an empty replica lacks, in one read.
    const original = local.revsDiff.bind(local);
    local.revsDiff = async (req, ...rest) => {
      if (rest.length) return original(req, ...rest);
      const ids = Object.keys(req);
      const found = await local.allDocs({ keys: ids });
      const answer = {};
      const known = {};
      ids.forEach((id, i) => {
        const row = found.rows[i];
        if (row && row.error === 'not_found') answer[id] = { missing: req[id] };
        else known[id] = req[id];
      });
      return Object.keys(known).length === 0 ? answer : { ...answer, ...(await original(known)) };
    };
  }
  const remote = new PouchDB(url, { skip_setup: true,
    fetch: (u, o) => PouchDB.fetch(u, { ...o, credentials: 'include' }) });
  const t0 = performance.now();
  const info = await local.replicate.from(remote, { batch_size: batch });
  const pulled = performance.now() - t0;
  postMessage({ pulled, count: (await local.info()).doc_count, docs_written: info.docs_written });
};
`,
  );
  return dir;
}

/** Prints each process's (and the renderers' threads') CPU between the snapshots. */
function report(
  before: Map<string, number>,
  afterShown: Map<string, number>,
  after: Map<string, number>,
  spanMs: number,
): number {
  const rows: [string, number, number][] = [];
  for (const [k, v] of after) {
    const d = v - (before.get(k) ?? 0);
    const ds = (afterShown.get(k) ?? v) - (before.get(k) ?? 0);
    if (d >= 20) rows.push([k, ds, d]);
  }
  rows.sort((a, b) => b[2] - a[2]);
  let total = 0;
  for (const [k, ds, d] of rows) {
    total += d;
    console.log(
      `  ${(d / 1000).toFixed(2).padStart(6)} s  (${(ds / 1000).toFixed(2)} s until shown)  ${k}`,
    );
  }
  console.log(`  total ${(total / 1000).toFixed(2)} core-s over ${(spanMs / 1000).toFixed(2)} s`);
  return total;
}

async function main(): Promise<void> {
  const floor = process.argv.includes('--floor') ? floorPage() : undefined;
  const given = floor ? undefined : argValue('--dist');
  const dist = floor ?? given ?? (await buildApp('diptych-bench-cpu-'));
  const runs = Number(argValue('--runs') ?? 1);
  const app = await serveStatic(dist);
  const otherDist = argValue('--b');
  const other = otherDist ? await serveStatic(otherDist) : null;
  const server = await startServerProcess({
    cors: [app, other].flatMap((a) => (a ? [new URL(a.url).origin] : [])).join(','),
  });
  const sums = new Map<string, number[]>();
  const browser = await launchChromium();
  try {
    await new CouchAdmin(server.couchUrl, TEST_ADMIN).addUser(READER.name, READER.password);
    await seedPrivateLayer(server.couchUrl, READER, spreadAnnotations(COUNT));
    // --snapshot source:batch[:adapter][,…] (source alldocs|changes, batch 0 = one bulkDocs): alternates with replicate.from.
    const modes: ({ source: string; batch: number; adapter?: string } | null)[] = [
      ...(process.argv.includes('--no-replicate') ? [] : [null]),
      ...(argValue('--snapshot')?.split(',') ?? []).map((m) => {
        const [source, batch, adapter] = m.split(':');
        return { source: source!, batch: Number(batch ?? 0), ...(adapter ? { adapter } : {}) };
      }),
    ];
    for (let r = 0; floor && r < runs * modes.length; r++) {
      // PouchDB alone: a bare page whose worker replicates the layer into an empty IndexedDB.
      const cycle = Math.floor(r / modes.length);
      const i = r % modes.length;
      const mode = modes[cycle % 2 === 0 ? i : modes.length - 1 - i]!;
      const context = await newDevice(browser);
      const page = await context.newPage();
      await page.goto(app.url);
      const batched = process.argv.includes('--batched-revs-diff');
      const load0 = loadAverages();
      const before = snapshot(server.pid());
      const got = await page.evaluate(
        ([couch, db, name, password, batch, b, m]) =>
          (window as unknown as { runFloor: (...a: unknown[]) => Promise<object> }).runFloor(
            couch,
            db,
            name,
            password,
            batch,
            b,
            m,
          ),
        [
          server.couchUrl,
          privateDatabaseName(READER.name),
          READER.name,
          READER.password,
          Number(argValue('--batch') ?? 2000),
          batched,
          mode,
        ] as const,
      );
      const after = snapshot(server.pid());
      const label = mode
        ? `snapshot ${mode.source}:${mode.batch}${mode.adapter ? `:${mode.adapter}` : ''}`
        : 'replicate.from';
      console.log(
        `floor run ${r + 1} (${label}): ${JSON.stringify(got)}; load ${load0} -> ${loadAverages()}`,
      );
      const total = report(before, after, after, Number((got as { ms: number }).ms));
      sums.set(label, [...(sums.get(label) ?? []), total]);
      await context.close();
    }
    for (let r = 0; !floor && r < runs * (other ? 2 : 1); r++) {
      // With --b, the two builds alternate A B B A …, as the A/B benches do.
      const which = other && (r % 4 === 1 || r % 4 === 2) ? 'B' : 'A';
      const context = await newDevice(browser);
      const page = await context.newPage();
      await openReader(page, (which === 'B' ? other! : app).url);
      await fillSignIn(page, server.url, READER);
      await new Promise((res) => setTimeout(res, 500));
      const load0 = loadAverages();
      const before = snapshot(server.pid());
      const self0 = process.cpuUsage();
      const clicked = await clickSignIn(page);
      const shown = await allShown(page, COUNT);
      const afterShown = snapshot(server.pid());
      await waitForStatus(page, /^Synced\.$/);
      await waitForSaveTried(page);
      const saved = await page.evaluate(() => performance.now());
      const after = snapshot(server.pid());
      const self = process.cpuUsage(self0);
      console.log(
        `run ${r + 1} (${which}): replication ${(shown - clicked).toFixed(0)} ms, saved ${(saved - clicked).toFixed(0)} ms; load ${load0} -> ${loadAverages()}`,
      );
      const total = report(before, afterShown, after, saved - clicked);
      sums.set(which, [...(sums.get(which) ?? []), total]);
      console.log(`  this bench process ${((self.user + self.system) / 1e6).toFixed(2)} s`);
      await context.close();
    }
    for (const [k, v] of sums)
      console.log(`${k}: core-seconds per run ${v.map((x) => (x / 1000).toFixed(1)).join(', ')}`);
  } finally {
    await other?.close();
    await browser.close();
    await server.dispose();
    await app.close();
    if (!given) rmSync(dist, { recursive: true, force: true });
  }
}

await main();
