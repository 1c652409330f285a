/**
 * The replica's local databases in a browser: PouchDB's `indexeddb`
 * adapter, and the replicas Diptych's first sync format kept with the
 * older `idb` adapter, found so the engine can take them over
 * (`annotations/replica/local-databases.ts` says why and how).
 *
 * The two adapters would both open the IndexedDB database `_pouch_<name>`
 * and cannot share it, so the new format's databases carry a suffix
 * (`<name>:ix`) and the old ones keep their name until they are deleted.
 */
import type { LocalDatabases } from '../../annotations/replica/local-databases.ts';
import type { PouchConstructor } from '../../annotations/replica/pouch-types.ts';

/** The suffix of the new format's database names. */
export const REPLICA_SUFFIX = ':ix';

/** The IndexedDB database PouchDB's `idb` adapter keeps `name` in. */
const legacyDatabaseName = (name: string): string => `_pouch_${name}`;

/**
 * Whether this browser holds an IndexedDB database called `name`, without
 * creating one. Browsers that cannot list their databases
 * (`indexedDB.databases`, missing before Firefox 126) answer `true`: the
 * caller then opens it and looks (`legacy` below).
 */
async function mayExist(name: string): Promise<boolean> {
  if (typeof indexedDB === 'undefined') return false;
  if (typeof indexedDB.databases !== 'function') return true;
  try {
    return (await indexedDB.databases()).some((d) => d.name === name);
  } catch {
    return true;
  }
}

/** The browser's local databases for the sync engine (`PouchDB` must have the `indexeddb` adapter). */
export function browserDatabases(PouchDB: PouchConstructor): LocalDatabases {
  return {
    open: (name) => new PouchDB(`${name}${REPLICA_SUFFIX}`, { adapter: 'indexeddb' }),
    async legacy(name) {
      if (!(await mayExist(legacyDatabaseName(name)))) return null;
      const old = new PouchDB(name, { adapter: 'idb' });
      try {
        const info = await old.info();
        if (info.doc_count > 0 || Number(info.update_seq) > 0) return old;
        // Nothing in it (or only opened to look, just now): nothing to take over.
        await old.destroy();
      } catch (error) {
        console.error('The older replica could not be read', error);
        await old.close().catch(() => undefined);
      }
      return null;
    },
  };
}
