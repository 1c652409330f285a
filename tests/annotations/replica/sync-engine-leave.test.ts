/**
 * Leaving a group with removal (`leaveGroup(group, { removeFromThisBrowser: true })` in
 * annotations/replica/sync-engine.ts): the group's annotations, everyone's, leave the store with
 * what the engine knew of them, and its local replica is destroyed; the private layer stays.
 * The engine runs on Node's PouchDB (LevelDB in a temporary folder), signed in from stored
 * settings, against a server address that does not answer (nothing here needs one).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Annotation } from '../../../annotations/model/annotation.ts';
import type { PouchConstructor } from '../../../annotations/replica/pouch-types.ts';
import { createSyncEngine, type SyncEngine } from '../../../annotations/replica/sync-engine.ts';
import { saveSyncSettings } from '../../../annotations/replica/sync-settings.ts';
import { saveUnsent } from '../../../annotations/replica/unsent-changes.ts';
import { createAnnotationStore, type AnnotationStore } from '../../../annotations/store.ts';
import { hubPersistence } from '../../../annotations/storage/hub-persistence.ts';
import { memoryStorage } from '../../../annotations/storage/memory-storage.ts';
import { portPersistence } from '../../../annotations/storage/port-persistence.ts';
import { groupDatabaseName, privateDatabaseName } from '../../../annotations/sync/index.ts';
import { builtinEditions } from '../../../sources/builtin.ts';
import { mapWebStorage } from '../../helpers/map-web-storage.ts';
import { sampleAnnotations } from '../helpers/samples.ts';

const NodePouch = createRequire(import.meta.url)('pouchdb') as PouchConstructor & {
  defaults(options: { prefix: string }): PouchConstructor;
};

/** Port 9 (discard): nothing listens, so every request fails at once. */
const API = 'http://127.0.0.1:9/';
const USER = 'ana';
const GROUP = 'seminar';
const groupDb = groupDatabaseName(GROUP);
const privateDb = privateDatabaseName(USER);
const clock = () => new Date('2026-12-03T10:00:00.000Z');
const [hers, bens, mine, other] = sampleAnnotations(builtinEditions()) as [
  Annotation,
  Annotation,
  Annotation,
  Annotation,
];

/** The LevelDB folder of a layer's local replica (the engine's `localName`, under the prefix). */
const replicaDir = (db: string) =>
  join(dir, `diptych:${encodeURIComponent(API)}:${encodeURIComponent(USER)}:${db}`);

let dir: string;
let web: Storage;
let store: AnnotationStore;
let engine: SyncEngine;
let hub: ReturnType<typeof hubPersistence>['hub'];

/** Starts an engine signed in as Ana, with two of the group's annotations (hers and Ben's), one private, one of another group. */
async function start(PouchDB: PouchConstructor): Promise<void> {
  web = mapWebStorage();
  saveSyncSettings(web, {
    server: API,
    api: API,
    user: USER,
    signedIn: true,
    groups: [GROUP, 'other'],
    defaultLayer: groupDb,
    layerOf: {
      [hers.id]: groupDb,
      [bens.id]: groupDb,
      [mine.id]: privateDb,
      [other.id]: groupDatabaseName('other'),
    },
    authorOf: { [hers.id]: USER, [bens.id]: 'ben', [mine.id]: USER, [other.id]: 'cy' },
    lastSync: null,
  });
  // A change of hers to the group and one to her private layer, not yet on the server.
  saveUnsent(web, API, USER, { [groupDb]: { [hers.id]: 2 }, [privateDb]: { [mine.id]: 2 } });
  const storage = memoryStorage();
  const persistence = hubPersistence(portPersistence(storage, clock));
  hub = persistence.hub;
  store = createAnnotationStore({ storage, persistence, now: clock });
  hub.receive((set) => ({ ...set, annotations: [hers, bens, mine, other] }));
  engine = createSyncEngine({
    hub,
    PouchDB,
    editions: builtinEditions,
    storage: web,
    defaultServer: API,
    now: clock,
  });
  await engine.resume();
  // The layers' replicas exist once the engine has written to them (it pushes the set at start).
  await expect.poll(() => existsSync(replicaDir(groupDb)), { timeout: 10_000 }).toBe(true);
}

beforeEach(() => {
  dir = `${mkdtempSync(join(tmpdir(), 'diptych-leave-remove-'))}/`;
});

afterEach(async () => {
  await engine?.dispose();
  store?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const ids = () => hub.current().annotations.map((a) => a.id as string);

describe('leaveGroup with removeFromThisBrowser', () => {
  it('takes the group’s annotations, everyone’s, and its replica off this browser; the rest stays', async () => {
    await start(NodePouch.defaults({ prefix: dir }));
    expect(engine.getSnapshot().unsent.has(hers.id)).toBe(true);

    const result = await engine.leaveGroup(GROUP, { removeFromThisBrowser: true });

    expect(result).toEqual({ removed: 2, problem: null });
    expect(ids()).toEqual([mine.id, other.id]);
    const snapshot = engine.getSnapshot();
    expect(snapshot.layers.map((l) => l.db)).toEqual([privateDb, groupDatabaseName('other')]);
    expect(snapshot.layerOf).toEqual({
      [mine.id]: privateDb,
      [other.id]: groupDatabaseName('other'),
    });
    expect(Object.keys(snapshot.authorOf).sort()).toEqual([mine.id, other.id].sort());
    expect([...snapshot.unsent]).toEqual([mine.id]);
    expect(snapshot.defaultLayer).toBe(privateDb);
    // Nothing of the group is kept, in the settings or on disk; the private replica is.
    expect(web.getItem('diptych:sync:v1')).not.toContain(groupDb);
    expect(web.getItem('diptych:sync:unsent:v1')).not.toContain(groupDb);
    expect(existsSync(replicaDir(groupDb))).toBe(false);
    expect(existsSync(replicaDir(privateDb))).toBe(true);
  });

  it('without it, keeps everything here, as before', async () => {
    await start(NodePouch.defaults({ prefix: dir }));
    expect(await engine.leaveGroup(GROUP)).toEqual({ removed: 0, problem: null });
    expect(ids()).toEqual([hers.id, bens.id, mine.id, other.id]);
    expect(engine.getSnapshot().layerOf[bens.id]).toBe(groupDb);
    expect(existsSync(replicaDir(groupDb))).toBe(true);
  });

  it('removes a group left earlier (its replica kept), and a tombstone of it', async () => {
    await start(NodePouch.defaults({ prefix: dir }));
    await engine.leaveGroup(GROUP);
    // She deleted hers while left: the tombstone would hold it back when she joins again.
    store.delete(hers.id);
    expect(hub.current().deleted[hers.id]).toBeDefined();
    const result = await engine.leaveGroup(GROUP, { removeFromThisBrowser: true });
    expect(result).toEqual({ removed: 1, problem: null });
    expect(ids()).toEqual([mine.id, other.id]);
    expect(hub.current().deleted[hers.id]).toBeUndefined();
    expect(existsSync(replicaDir(groupDb))).toBe(false);
  });

  it('when the replica cannot be deleted: says so in words, throws nothing, the annotations still gone', async () => {
    const Base = NodePouch.defaults({ prefix: dir });
    const Failing = function (this: unknown, name: string, options?: object) {
      const db = new Base(name, options);
      if (name.endsWith(groupDb))
        db.destroy = () => Promise.reject(new Error('the database is blocked'));
      return db;
    } as unknown as PouchConstructor;
    await start(Failing);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const result = await engine.leaveGroup(GROUP, { removeFromThisBrowser: true });
    expect(result.removed).toBe(2);
    expect(result.problem).toBe(
      `${GROUP}’s annotations are gone from this page, but this browser could not delete its stored copy of them (the database is blocked). To try again, join ${GROUP} again and leave it with removal; clearing this site’s data in the browser’s settings deletes it too, with everything else Diptych keeps in this browser.`,
    );
    expect(ids()).toEqual([mine.id, other.id]);
    expect(logged).toHaveBeenCalledWith(
      'Deleting a group’s local replica failed',
      expect.any(Error),
    );
    logged.mockRestore();
  });
});
