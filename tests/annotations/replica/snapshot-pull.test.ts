// The snapshot first pull (snapshot-pull.ts) on Node's PouchDB (LevelDB in a temporary folder),
// followed by the pull from the sequence read before it, as the engine runs them: the replica
// ends with the server's leaves (a conflict's two branches, a tombstone), a change made between
// the update sequence and the snapshot or during it merges instead of standing as a false
// conflict, and the push may still start after what was written.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  pushStartAfterFirstPull,
  updateSeq,
} from '../../../annotations/replica/first-pull-push.ts';
import type {
  PouchConstructor,
  PouchDatabase,
  PouchDoc,
} from '../../../annotations/replica/pouch-types.ts';
import {
  feedStartAfterSnapshot,
  handedState,
  snapshotPull,
  takeSnapshot,
} from '../../../annotations/replica/snapshot-pull.ts';
import { tempDirForFile } from '../../helpers/temp-dir.ts';

const PouchDB = createRequire(import.meta.url)('pouchdb') as PouchConstructor;
const dir = tempDirForFile('diptych-snapshot-pull-');
let made = 0;
const open = (): PouchDatabase => new PouchDB(join(dir, `db${made++}`));

type Raw = {
  bulkDocs(docs: object[], options: object): Promise<unknown>;
  changes(options: object): PromiseLike<{
    results: { id: string; changes: { rev: string }[]; deleted?: boolean }[];
  }>;
  info(): Promise<{ update_seq: number | string }>;
};
const raw = (db: PouchDatabase): Raw => db as unknown as Raw;

/** `n` documents; doc-0 on two conflicting branches; doc-1 deleted; doc-2 deleted on one branch. */
async function serverWith(n: number): Promise<PouchDatabase> {
  const server = open();
  await server.bulkDocs(Array.from({ length: n }, (_, i) => ({ _id: `doc-${i}`, n: i })));
  await raw(server).bulkDocs(
    [
      { _id: 'doc-0', _rev: '1-bbbb', n: -1 },
      { _id: 'doc-2', _rev: '2-dddd', _deleted: true, _revisions: { start: 2, ids: ['dddd'] } },
    ],
    { new_edits: false },
  );
  const one = await server.get('doc-1');
  await server.put({ ...one, _deleted: true });
  return server;
}

/** Every document's leaves (all_docs style), deleted or not, by id. */
async function leaves(db: PouchDatabase): Promise<Record<string, string[]>> {
  const feed = await raw(db).changes({ style: 'all_docs' });
  return Object.fromEntries(
    feed.results.map((r) => [r.id, r.changes.map((c) => c.rev).sort()] as const),
  );
}

/** The winners with their conflicts, by id. */
async function winners(db: PouchDatabase): Promise<Record<string, unknown>> {
  const all = await db.allDocs({ include_docs: true, conflicts: true });
  return Object.fromEntries(all.rows.map((r) => [r.id, r.doc]));
}

/** The engine's first pull: the snapshot, then PouchDB's pull from the sequence read before it. */
async function firstPull(local: PouchDatabase, server: PouchDatabase, pageSize: number) {
  const before = await updateSeq(local);
  const snapshot = await snapshotPull(local, server, pageSize);
  expect(snapshot).not.toBeNull();
  const pull = (await local.replicate.from(server, {
    since: snapshot!.since,
    batch_size: pageSize,
  })) as unknown as { docs_written: number };
  return {
    snapshot: snapshot!,
    pushAfter: pushStartAfterFirstPull(
      before,
      await updateSeq(local),
      snapshot!.written + pull.docs_written,
    ),
  };
}

describe('snapshotPull', () => {
  it('leaves the replica with the server’s leaves, conflicts and tombstones', async () => {
    const server = await serverWith(30);
    const local = open();
    const { snapshot, pushAfter } = await firstPull(local, server, 7);
    expect(await leaves(local)).toEqual(await leaves(server));
    expect(await winners(local)).toEqual(await winners(server));
    // The conflict is kept as a conflict, and the tombstones came.
    expect((await local.get('doc-0', { conflicts: true }))._conflicts).toHaveLength(1);
    await expect(local.get('doc-1')).rejects.toMatchObject({ status: 404 });
    // 30 documents, a second branch of doc-0 and of doc-2 (with its history), doc-1's deletion as its only revision.
    expect(snapshot.written).toBe(32);
    // Nothing but the snapshot wrote: the push may start after it, and then sends only what is made here.
    expect(pushAfter).toBe(32);
    const here = await local.put({ _id: 'made-here', n: 1 });
    const push = (await (
      local as unknown as {
        replicate: { to(t: PouchDatabase, o: object): Promise<{ docs_written: number }> };
      }
    ).replicate.to(server, { since: pushAfter })) as { docs_written: number };
    expect(push.docs_written).toBe(1);
    expect((await server.get('made-here'))._rev).toBe(here.rev);
  });

  it('merges a change made between the update sequence and the snapshot, and one made during it', async () => {
    const server = await serverWith(30);
    const local = open();
    const s = raw(server);
    const info = s.info.bind(server);
    // After the update sequence is read: doc-5 edited (the snapshot has it, the pull brings it again).
    let infos = 0;
    s.info = async () => {
      const seq = await info();
      if ((infos += 1) !== 1) return seq;
      const doc = await server.get('doc-5');
      await server.put({ ...doc, n: 500 });
      return seq;
    };
    const changes = s.changes.bind(server);
    let pages = 0;
    // After the first page: doc-3 (already written) edited, so it comes again in a later page.
    s.changes = (options: object) => {
      pages += 1;
      const page = changes(options);
      if (pages !== 1) return page;
      return Promise.resolve(page).then(async (got) => {
        const doc = await server.get('doc-3');
        await server.put({ ...doc, n: 300 });
        return got;
      });
    };
    await firstPull(local, server, 7);
    expect(await leaves(local)).toEqual(await leaves(server));
    // No false conflict: each edit is the child of the revision written before it.
    const three = await local.get('doc-3', { conflicts: true });
    expect(three['n']).toBe(300);
    expect(three._conflicts).toBeUndefined();
    const five = await local.get('doc-5', { conflicts: true });
    expect(five['n']).toBe(500);
    expect(five._conflicts).toBeUndefined();
    // An edit made here on top of the snapshot's revision reaches the server as its child, no conflict there.
    const edited = await local.put({ ...three, n: 301 });
    await (
      local as unknown as { replicate: { to(t: PouchDatabase): Promise<unknown> } }
    ).replicate.to(server);
    const there = await server.get('doc-3', { conflicts: true });
    expect(there._rev).toBe(edited.rev);
    expect(there._conflicts).toBeUndefined();
  });

  it('answers null for a replica that holds anything, and writes nothing', async () => {
    const server = await serverWith(3);
    const local = open();
    await local.put({ _id: 'made-before', n: 1 });
    expect(await takeSnapshot(local, server)).toBeNull();
    expect((await local.info()).doc_count).toBe(1);
  });
});

/** Every state (`handedState`) of each document the page was given, in order. */
type Given = Map<string, string[]>;
const give = (given: Given, doc: PouchDoc): void => {
  given.set(doc._id, [...(given.get(doc._id) ?? []), handedState(doc)]);
};

/** The replica's state of every document, tombstones included, as its changes feed gives it. */
async function finalStates(db: PouchDatabase): Promise<Record<string, string>> {
  const feed = (await raw(db).changes({
    include_docs: true,
    conflicts: true,
  } as object)) as unknown as { results: { id: string; doc: PouchDoc }[] };
  return Object.fromEntries(feed.results.map((r) => [r.id, handedState(r.doc)]));
}

/**
 * The engine's hand-over (sync-engine.ts `snapshotFirst`, `startFeed`): the snapshot gives the
 * page its documents; the layer's feed starts after it (`feedStartAfterSnapshot`), skipping a
 * state the snapshot gave; the pull goes on; then `after` runs and the feed is followed until
 * the replica's sequence. Answers what the page was given, per document.
 */
async function handOver(
  local: PouchDatabase,
  server: PouchDatabase,
  after: () => Promise<void>,
): Promise<{ given: Given; from: number; written: number }> {
  const given: Given = new Map();
  const handed = new Map<string, string>();
  const snapshot = await snapshotPull(local, server, 7, (docs) => {
    for (const doc of docs) {
      handed.set(doc._id, handedState(doc));
      give(given, doc);
    }
  });
  const from = feedStartAfterSnapshot(snapshot);
  let seq = from;
  const feed = local
    .changes({ since: from, live: true, include_docs: true, conflicts: true })
    .on('change', (change: { seq: number; doc: PouchDoc }) => {
      seq = Math.max(seq, change.seq);
      if (handed.get(change.doc._id) !== handedState(change.doc)) give(given, change.doc);
    });
  try {
    await local.replicate.from(server, { since: snapshot!.since, batch_size: 7 });
    await after();
    const end = (await local.info()).update_seq as number;
    await expect.poll(() => seq, { timeout: 10_000 }).toBe(end);
  } finally {
    feed.cancel();
  }
  return { given, from, written: snapshot!.written };
}

describe('the hand-over of a snapshot first pull to the page', () => {
  /** After the snapshot's first page: `onServer` on the server and `onLocal` on the replica. */
  function duringSnapshot(
    server: PouchDatabase,
    onServer: () => Promise<void>,
    onLocal: () => Promise<void> = async () => undefined,
  ): void {
    const s = raw(server);
    const changes = s.changes.bind(server);
    let pages = 0;
    s.changes = (options: object) => {
      const page = changes(options);
      if ((pages += 1) !== 1) return page;
      return Promise.resolve(page).then(async (got) => {
        await onServer();
        await onLocal();
        return got;
      });
    };
  }

  /** Each document reached the page, last in the state the replica holds; no state twice in a row. */
  async function expectEachOnce(local: PouchDatabase, given: Given): Promise<void> {
    const states = await finalStates(local);
    expect([...given.keys()].sort()).toEqual(Object.keys(states).sort());
    for (const [id, seen] of given) {
      expect(seen.at(-1), id).toBe(states[id]);
      expect(new Set(seen).size, `${id}: ${seen.join(' | ')}`).toBe(seen.length);
    }
  }

  it('gives every document once, and the feed from where the snapshot ended brings what came after', async () => {
    const server = await serverWith(30);
    const local = open();
    const edit = async (db: PouchDatabase, id: string, n: number): Promise<void> => {
      const doc = await db.get(id);
      await db.put({ ...doc, n });
    };
    // doc-3 edited on the server after the first page: it comes again, fetched with its history.
    duringSnapshot(server, () => edit(server, 'doc-3', 300));
    const { given, from, written } = await handOver(local, server, async () => {
      // After the pull: the server's edit of doc-7 comes through the sync, the reader's through the store.
      await edit(server, 'doc-7', 700);
      await local.replicate.from(server, {});
      await local.put({ _id: 'made-here', n: 1 });
      await edit(local, 'doc-9', 900);
    });
    // Nothing else wrote during the snapshot: the feed started where it ended.
    expect(from).toBe(written);
    expect(from).toBeGreaterThan(0);
    await expectEachOnce(local, given);
    // The conflict reached the page as a conflict; the tombstone as a deletion.
    const zero = (await local.get('doc-0', { conflicts: true }))._conflicts;
    expect(given.get('doc-0')).toEqual([
      handedState({ ...(await local.get('doc-0')), _conflicts: zero } as PouchDoc),
    ]);
    expect(given.get('doc-1')).toHaveLength(1);
    expect(given.get('doc-3')).toHaveLength(2);
    expect(given.get('doc-7')).toHaveLength(2);
    expect(given.get('doc-9')).toHaveLength(2);
    expect(given.get('made-here')).toHaveLength(1);
  });

  it('starts the feed from the beginning when something else wrote during the snapshot, and still gives each state once', async () => {
    const server = await serverWith(30);
    const local = open();
    // The reader annotates while the snapshot runs: written to the replica between two pages.
    duringSnapshot(
      server,
      async () => undefined,
      async () => void (await local.put({ _id: 'made-during', n: 1 })),
    );
    const { given, from } = await handOver(local, server, async () => {
      await local.put({ _id: 'made-after', n: 2 });
    });
    expect(from).toBe(0);
    await expectEachOnce(local, given);
    // Given by the snapshot and not again by the feed; the reader's documents by the feed.
    for (const id of ['doc-0', 'doc-1', 'doc-20', 'made-during', 'made-after'])
      expect(given.get(id), id).toHaveLength(1);
  });
});
