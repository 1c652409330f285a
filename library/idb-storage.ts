/**
 * The library in IndexedDB, through `idb` (a maintained promise wrapper), and
 * an in-memory stand-in with the same interface for when IndexedDB is
 * blocked or missing.
 *
 * Database `diptych-library`, versioned: `MIGRATIONS[v]` upgrades a database
 * at version `v` to `v + 1` inside IndexedDB's own upgrade transaction, so a
 * failed upgrade leaves the old data as it was. Object stores (version 1):
 * `texts` (entries, listed), `contents` (one string per text), `editions`
 * (the parsed cache, keyed by text id and tagged with its version) and
 * `waiting` (texts that imported annotations wait for). A content may be
 * stored as a Blob and an edition as a Blob or string of its JSON (made off
 * the page's thread by the parse worker): both are read back the same.
 *
 * Every record read is checked with its zod schema: an entry that fails is
 * left in the database untouched (never overwritten or deleted here) and
 * counted, so the library can say "1 stored text could not be read"; a bad
 * cached edition is simply rebuilt from the content.
 *
 * Writes that belong together (an entry with its content and edition) go in
 * one transaction: all or nothing. A full disk rejects with a
 * `LibraryStorageError` of kind `quota` (detected by name,
 * `QuotaExceededError`, as browsers report it from IndexedDB), a blocked
 * database with kind `blocked`.
 *
 * Not for: deciding what to store (`text-library.ts`).
 */
import { wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { z } from 'zod';
import type { Edition } from '../sources/edition.ts';
import { TextEntrySchema, WaitingTextSchema, type TextEntry, type WaitingText } from './model.ts';

/** The database's name. */
export const DB_NAME = 'diptych-library';
/** The current schema version (the number of migrations). */
export const DB_VERSION = 1;

interface LibrarySchema extends DBSchema {
  texts: { key: string; value: TextEntry };
  /** The content, or a Blob of it (made by the parse worker). */
  contents: { key: string; value: { id: string; content: string | Blob } };
  /** The edition, or its JSON in a Blob (the parse worker's) or a string (stored by earlier versions). */
  editions: {
    key: string;
    value: { id: string; version: number; edition: Edition | Blob | string };
  };
  waiting: { key: string; value: WaitingText };
}

type UpgradeTx = IDBPTransaction<
  LibrarySchema,
  ('texts' | 'contents' | 'editions' | 'waiting')[],
  'versionchange'
>;

/** `MIGRATIONS[v]` takes the database from version `v` to `v + 1`. */
export const MIGRATIONS: ReadonlyArray<(db: IDBPDatabase<LibrarySchema>, tx: UpgradeTx) => void> = [
  // 0 → 1: the first layout.
  (db) => {
    db.createObjectStore('texts', { keyPath: 'id' });
    db.createObjectStore('contents', { keyPath: 'id' });
    db.createObjectStore('editions', { keyPath: 'id' });
    db.createObjectStore('waiting', { keyPath: 'id' });
  },
];

/** Why a storage operation failed, in plain words. */
export class LibraryStorageError extends Error {
  /** `quota`: the disk (or the browser's share of it) is full; `blocked`: IndexedDB refused; `failed`: anything else. */
  readonly kind: 'quota' | 'blocked' | 'failed';
  constructor(kind: 'quota' | 'blocked' | 'failed', message: string) {
    super(message);
    this.kind = kind;
    this.name = 'LibraryStorageError';
  }
}

/** The library's storage port. */
export interface LibraryStorage {
  /** Where texts are kept: `indexeddb`, or `memory` (this tab only). */
  readonly kind: 'indexeddb' | 'memory';
  /** Every readable entry, and how many stored entries could not be read. */
  listEntries(): Promise<{ entries: TextEntry[]; unreadable: number }>;
  /** A text's content. */
  getContent(id: string): Promise<string | undefined>;
  /** The cached edition of a text at `version`, if it is there and sound. */
  getEdition(id: string, version: number): Promise<Edition | undefined>;
  /**
   * Stores an entry with its content and edition, in one transaction. Either may be given as a
   * Blob (`ImportedText.blobs`, the edition as JSON): IndexedDB stores a Blob by reference,
   * without serialising its data on the page's thread.
   */
  putText(entry: TextEntry, content: string | Blob, edition: Edition | Blob): Promise<void>;
  /** Stores an entry alone (rename, record edit). */
  putEntry(entry: TextEntry): Promise<void>;
  /** Stores a rebuilt edition (a cache write: failures are ignored by callers). */
  putEdition(id: string, version: number, edition: Edition): Promise<void>;
  /** Removes a text: entry, content and edition, in one transaction. */
  deleteText(id: string): Promise<void>;
  /** Texts that imported annotations wait for. */
  listWaiting(): Promise<WaitingText[]>;
  /** Records waiting texts (merging with those already there). */
  putWaiting(list: readonly WaitingText[]): Promise<void>;
  /** Forgets waiting texts (their text arrived). */
  deleteWaiting(ids: readonly string[]): Promise<void>;
}

/** A sound-looking edition: the fields every reader of it relies on. */
const EditionShape = z
  .object({
    id: z.string(),
    title: z.string(),
    lang: z.string(),
    blocks: z.array(z.object({ address: z.string(), text: z.string() }).loose()),
    footnotes: z.array(z.object({ address: z.string(), text: z.string() }).loose()),
    text: z.string(),
    messages: z.array(z.unknown()),
  })
  .loose();

/** Content as stored: a string, or a Blob of it. */
async function contentOf(value: unknown): Promise<string | undefined> {
  if (typeof value === 'string') return value;
  if (value instanceof Blob) return value.text();
  return undefined;
}

/** An edition as stored (an object, or its JSON in a Blob or string), checked; undefined when damaged. */
async function editionOf(stored: unknown, id: string): Promise<Edition | undefined> {
  let edition = stored;
  if (stored instanceof Blob) edition = await stored.text();
  if (typeof edition === 'string') {
    try {
      edition = JSON.parse(edition);
    } catch {
      return undefined; // a damaged cache entry: the edition is rebuilt from the content
    }
  }
  const parsed = EditionShape.safeParse(edition);
  return parsed.success && (edition as Edition).id === id ? (edition as Edition) : undefined;
}

function isQuota(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

/** Turns an IndexedDB failure into a `LibraryStorageError`. */
export function storageError(error: unknown): LibraryStorageError {
  if (error instanceof LibraryStorageError) return error;
  if (isQuota(error)) {
    return new LibraryStorageError(
      'quota',
      "Your browser's storage is full, so the library could not save this change; nothing was lost. Free some space (or delete a text you no longer need) and try again.",
    );
  }
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'SecurityError' || name === 'InvalidStateError') {
    return new LibraryStorageError(
      'blocked',
      'This browser does not let Diptych store texts (IndexedDB is blocked, e.g. in a private window).',
    );
  }
  return new LibraryStorageError(
    'failed',
    `The library could not save this change (${String((error as Error)?.message ?? error)}); nothing was lost.`,
  );
}

async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw storageError(error);
  }
}

/** A storage over an open database. */
function idbStorage(db: IDBPDatabase<LibrarySchema>): LibraryStorage {
  return {
    kind: 'indexeddb',
    listEntries: () =>
      guard(async () => {
        const raw = await db.getAll('texts');
        const entries: TextEntry[] = [];
        let unreadable = 0;
        for (const value of raw) {
          const parsed = TextEntrySchema.safeParse(value);
          if (parsed.success) entries.push(parsed.data);
          else unreadable++;
        }
        return { entries, unreadable };
      }),
    getContent: (id) =>
      guard(async () => {
        const value = await db.get('contents', id);
        return contentOf(value?.content);
      }),
    getEdition: (id, version) =>
      guard(async () => {
        const value = await db.get('editions', id);
        if (!value || value.version !== version) return undefined;
        return editionOf(value.edition, id);
      }),
    putText: (entry, content, edition) =>
      guard(async () => {
        const tx = db.transaction(['texts', 'contents', 'editions'], 'readwrite');
        await Promise.all([
          tx.objectStore('texts').put(TextEntrySchema.parse(entry)),
          tx.objectStore('contents').put({ id: entry.id, content }),
          tx.objectStore('editions').put({ id: entry.id, version: entry.version, edition }),
          tx.done,
        ]);
      }),
    putEntry: (entry) =>
      guard(async () => {
        await db.put('texts', TextEntrySchema.parse(entry));
      }),
    putEdition: (id, version, edition) =>
      guard(async () => {
        await db.put('editions', { id, version, edition });
      }),
    deleteText: (id) =>
      guard(async () => {
        const tx = db.transaction(['texts', 'contents', 'editions'], 'readwrite');
        await Promise.all([
          tx.objectStore('texts').delete(id),
          tx.objectStore('contents').delete(id),
          tx.objectStore('editions').delete(id),
          tx.done,
        ]);
      }),
    listWaiting: () =>
      guard(async () =>
        (await db.getAll('waiting')).flatMap((w) => {
          const parsed = WaitingTextSchema.safeParse(w);
          return parsed.success ? [parsed.data] : [];
        }),
      ),
    putWaiting: (list) =>
      guard(async () => {
        const tx = db.transaction('waiting', 'readwrite');
        for (const w of list) {
          const old = await tx.store.get(w.id);
          await tx.store.put(old ? { ...w, since: old.since, title: w.title ?? old.title } : w);
        }
        await tx.done;
      }),
    deleteWaiting: (ids) =>
      guard(async () => {
        const tx = db.transaction('waiting', 'readwrite');
        await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
      }),
  };
}

/** The same interface in memory: for a blocked IndexedDB (texts last as long as the tab) and for tests. */
export function memoryLibraryStorage(): LibraryStorage {
  const texts = new Map<string, TextEntry>();
  const contents = new Map<string, string | Blob>();
  const editions = new Map<string, { version: number; edition: Edition | Blob }>();
  const waiting = new Map<string, WaitingText>();
  return {
    kind: 'memory',
    listEntries: async () => ({ entries: [...texts.values()], unreadable: 0 }),
    getContent: async (id) => contentOf(contents.get(id)),
    getEdition: async (id, version) => {
      const e = editions.get(id);
      if (!e || e.version !== version) return undefined;
      return e.edition instanceof Blob ? editionOf(e.edition, id) : e.edition;
    },
    putText: async (entry, content, edition) => {
      texts.set(entry.id, TextEntrySchema.parse(entry));
      contents.set(entry.id, content);
      editions.set(entry.id, { version: entry.version, edition });
    },
    putEntry: async (entry) => {
      texts.set(entry.id, TextEntrySchema.parse(entry));
    },
    putEdition: async (id, version, edition) => {
      editions.set(id, { version, edition });
    },
    deleteText: async (id) => {
      texts.delete(id);
      contents.delete(id);
      editions.delete(id);
    },
    listWaiting: async () => [...waiting.values()],
    putWaiting: async (list) => {
      for (const w of list) {
        const old = waiting.get(w.id);
        waiting.set(w.id, old ? { ...w, since: old.since, title: w.title ?? old.title } : w);
      }
    },
    deleteWaiting: async (ids) => {
      for (const id of ids) waiting.delete(id);
    },
  };
}

/** How the library opened: its storage, and a reason when it fell back to memory. */
export interface OpenedLibraryStorage {
  readonly storage: LibraryStorage;
  /** Why texts are kept in memory only, in plain words; absent when IndexedDB works. */
  readonly problem?: string;
}

/** How long to wait for another tab to let go of an older database version. */
const BLOCKED_WAIT_MS = 3000;

/**
 * Opens the library database (running migrations), or falls back to memory
 * with a reason when IndexedDB is missing, refused or blocked by another tab.
 */
export async function openLibraryStorage(
  factory: IDBFactory | null = globalThis.indexedDB ?? null,
): Promise<OpenedLibraryStorage> {
  const fallback = (problem: string): OpenedLibraryStorage => ({
    storage: memoryLibraryStorage(),
    problem,
  });
  if (!factory) {
    return fallback(
      'This browser does not let Diptych store texts (no IndexedDB): texts you add are kept only until you close this tab. Export them from the Library to keep them.',
    );
  }
  try {
    // idb's `openDB` always uses the global factory; this is the same, over `factory`.
    const request = factory.open(DB_NAME, DB_VERSION);
    request.addEventListener('upgradeneeded', (event) => {
      const db = wrap(request.result) as unknown as IDBPDatabase<LibrarySchema>;
      const tx = wrap(request.transaction!) as unknown as UpgradeTx;
      for (let v = event.oldVersion; v < DB_VERSION; v++) MIGRATIONS[v]!(db, tx);
    });
    const opening = (wrap(request) as unknown as Promise<IDBPDatabase<LibrarySchema>>).then(
      (db) => {
        // A newer tab wants to upgrade: step aside (this tab's later writes fail plainly).
        db.addEventListener('versionchange', () => db.close());
        return db;
      },
    );
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(
        () => reject(new LibraryStorageError('blocked', 'blocked by another tab')),
        BLOCKED_WAIT_MS,
      ),
    );
    const db = await Promise.race([opening, timeout]);
    return { storage: idbStorage(db) };
  } catch (error) {
    const e = storageError(error);
    return fallback(
      e.kind === 'blocked'
        ? 'The library could not open its storage (IndexedDB is blocked — by the browser’s settings, a private window, or another Diptych tab being upgraded): texts you add are kept only until you close this tab. Your stored texts are untouched.'
        : `The library could not open its storage (${String((error as Error)?.message ?? error)}): texts you add are kept only until you close this tab. Your stored texts are untouched.`,
    );
  }
}
