/**
 * The text library: the texts a reader adds, kept across reloads. A plain
 * store with no React, like the annotation store: the app subscribes to it
 * and calls its commands; it saves through an injected `LibraryStorage`.
 *
 * Every command changes storage first and the state after, so the state
 * never shows what was not saved; a failed write leaves both as they were
 * and rejects with a `LibraryStorageError` whose message the app shows.
 * A text is stored once, by id, however many panes show it.
 *
 * Not for: parsing (the caller hands in `ImportedText`s from
 * `sources/import-text.ts`, and a `reparse` for rebuilding a lost edition
 * cache) or annotations (the app counts them from the annotation store).
 */
import type { Edition } from '../sources/edition.ts';
import type { ImportedText } from '../sources/import-text.ts';
import { LibraryStorageError, type LibraryStorage } from './idb-storage.ts';
import {
  clipFactName,
  recordFromFacts,
  TextRecordSchema,
  type TextEntry,
  type TextRecord,
  type WaitingText,
} from './model.ts';

/** What the app shows of the library. */
export interface LibraryState {
  /** False until the stored entries are read. */
  readonly loaded: boolean;
  /** Stored texts, most recently added first. */
  readonly entries: readonly TextEntry[];
  /** Texts that imported annotations wait for (not in this library). */
  readonly waiting: readonly WaitingText[];
  /** Stored entries that could not be read (left untouched in the database). */
  readonly unreadable: number;
  /** Why texts are kept in memory only, when IndexedDB is not available. */
  readonly problem?: string;
}

/** Re-parses stored content when the edition cache is missing (see `LibraryOptions`). */
export type Reparse = (content: string, entry: TextEntry) => Promise<Edition>;

/** Options of `createTextLibrary`. */
export interface LibraryOptions {
  /** Rebuilds an edition from stored content (the same pipeline that added it). */
  readonly reparse: Reparse;
  /** Shown while texts are kept in memory only. */
  readonly problem?: string;
  /** The clock (tests fix it). */
  readonly now?: () => string;
}

/** What `remove` returns: how to put the text back. */
export interface Removed {
  /** The removed entry. */
  readonly entry: TextEntry;
  /** Restores the text exactly as it was (same id, version, record). */
  readonly undo: () => Promise<void>;
}

/** The library store. */
export interface TextLibrary {
  /** The current state. */
  getState(): LibraryState;
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Reads the stored entries (once, at start). */
  load(): Promise<void>;
  /** Adds a new text. An id already stored (the same file added again) is reported, not doubled. */
  add(text: ImportedText): Promise<{ entry: TextEntry; existed: boolean }>;
  /**
   * Stores texts exactly as given (a workspace import: entry with its record,
   * content, edition), skipping ids already here; all or nothing — if one
   * write fails, those written are removed again. Returns the ids added.
   */
  restore(
    texts: readonly { entry: TextEntry; content: string; edition: Edition }[],
  ): Promise<string[]>;
  /** Stores a new version of text `id` (its id, title and record are kept). */
  replace(id: string, text: ImportedText): Promise<TextEntry>;
  /** Renames a text (the title shown; its id and record stay). */
  rename(id: string, title: string): Promise<void>;
  /**
   * Replaces a text's citation record (validated), marked as edited by the
   * reader unless `edited` is false (an undo back to the record from the file).
   */
  setRecord(id: string, record: TextRecord, edited?: boolean): Promise<void>;
  /** Deletes a text (entry, content, edition) and returns how to undo it. */
  remove(id: string): Promise<Removed>;
  /** The edition of a stored text (from the cache, or rebuilt from its content), titled as renamed. */
  edition(id: string): Promise<Edition | undefined>;
  /** A stored text's content (for export). */
  content(id: string): Promise<string | undefined>;
  /** Notes texts that annotations wait for (ids this library lacks). */
  markWaiting(list: readonly WaitingText[]): Promise<void>;
}

/** Creates the library store over `storage`. */
export function createTextLibrary(storage: LibraryStorage, options: LibraryOptions): TextLibrary {
  const now = options.now ?? (() => new Date().toISOString());
  let state: LibraryState = {
    loaded: false,
    entries: [],
    waiting: [],
    unreadable: 0,
    ...(options.problem !== undefined ? { problem: options.problem } : {}),
  };
  const listeners = new Set<() => void>();
  const set = (next: Partial<LibraryState>): void => {
    state = { ...state, ...next };
    for (const l of listeners) l();
  };
  const sorted = (entries: readonly TextEntry[]): TextEntry[] =>
    [...entries].sort((a, b) => b.added.localeCompare(a.added) || a.id.localeCompare(b.id));
  const upsert = (entry: TextEntry): void =>
    set({ entries: sorted([...state.entries.filter((e) => e.id !== entry.id), entry]) });
  const find = (id: string): TextEntry => {
    const entry = state.entries.find((e) => e.id === id);
    if (!entry) throw new LibraryStorageError('failed', `There is no text “${id}” in the library.`);
    return entry;
  };
  const editions = new Map<string, Edition>();
  const dropWaiting = async (id: string): Promise<void> => {
    if (!state.waiting.some((w) => w.id === id)) return;
    await storage.deleteWaiting([id]);
    set({ waiting: state.waiting.filter((w) => w.id !== id) });
  };

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async load() {
      const [{ entries, unreadable }, waiting] = await Promise.all([
        storage.listEntries(),
        storage.listWaiting(),
      ]);
      const have = new Set(entries.map((e) => e.id));
      set({
        loaded: true,
        entries: sorted(entries),
        unreadable,
        waiting: waiting.filter((w) => !have.has(w.id)),
      });
    },
    async add(text) {
      const existing = state.entries.find((e) => e.id === text.id);
      if (existing) return { entry: existing, existed: true };
      const time = now();
      const entry: TextEntry = {
        id: text.id,
        name: text.name.slice(0, 500) || 'Untitled',
        title: text.edition.title.slice(0, 1000) || text.name,
        format: text.format,
        version: 1,
        size: text.content.length,
        added: time,
        modified: time,
        facts: {
          ...text.facts,
          title: text.facts.title.slice(0, 1000),
          authors: text.facts.authors.slice(0, 100).map(clipFactName),
        },
        record: recordFromFacts({ ...text.facts, authors: [...text.facts.authors] }, text.format),
        recordEdited: false,
      };
      await storage.putText(
        entry,
        text.blobs?.content ?? text.content,
        text.blobs?.edition ?? text.edition,
      );
      editions.set(entry.id, text.edition);
      upsert(entry);
      await dropWaiting(entry.id);
      return { entry, existed: false };
    },
    async restore(texts) {
      const added: TextEntry[] = [];
      try {
        for (const t of texts) {
          if (state.entries.some((e) => e.id === t.entry.id)) continue;
          await storage.putText(t.entry, t.content, t.edition);
          added.push(t.entry);
          editions.set(t.entry.id, t.edition);
        }
      } catch (error) {
        for (const entry of added) {
          await storage.deleteText(entry.id).catch(() => undefined);
          editions.delete(entry.id);
        }
        throw error;
      }
      set({ entries: sorted([...state.entries, ...added]) });
      const ids = new Set(added.map((e) => e.id));
      if (state.waiting.some((w) => ids.has(w.id))) {
        await storage.deleteWaiting([...ids]).catch(() => undefined);
        set({ waiting: state.waiting.filter((w) => !ids.has(w.id)) });
      }
      return [...ids];
    },
    async replace(id, text) {
      const old = find(id);
      if (text.id !== id) {
        throw new LibraryStorageError('failed', 'A new version must keep the text’s id.');
      }
      const entry: TextEntry = {
        ...old,
        format: text.format,
        version: old.version + 1,
        size: text.content.length,
        modified: now(),
        facts: { ...text.facts, authors: text.facts.authors.slice(0, 100).map(clipFactName) },
      };
      await storage.putText(
        entry,
        text.blobs?.content ?? text.content,
        text.blobs?.edition ?? text.edition,
      );
      editions.set(id, text.edition);
      upsert(entry);
      return entry;
    },
    async rename(id, title) {
      const clean = title.replace(/\s+/g, ' ').trim();
      if (clean === '') throw new LibraryStorageError('failed', 'A title cannot be empty.');
      const entry = { ...find(id), title: clean.slice(0, 1000), modified: now() };
      await storage.putEntry(entry);
      upsert(entry);
    },
    async setRecord(id, record, edited = true) {
      const checked = TextRecordSchema.parse(record);
      const entry = { ...find(id), record: checked, recordEdited: edited, modified: now() };
      await storage.putEntry(entry);
      upsert(entry);
    },
    async remove(id) {
      const entry = find(id);
      const [content, edition] = await Promise.all([storage.getContent(id), this.edition(id)]);
      await storage.deleteText(id);
      editions.delete(id);
      set({ entries: state.entries.filter((e) => e.id !== id) });
      return {
        entry,
        undo: async () => {
          if (content === undefined || edition === undefined) {
            throw new LibraryStorageError('failed', 'This text can no longer be restored.');
          }
          await storage.putText(entry, content, edition);
          editions.set(id, edition);
          upsert(entry);
        },
      };
    },
    async edition(id) {
      const entry = state.entries.find((e) => e.id === id);
      if (!entry) return undefined;
      let edition = editions.get(id) ?? (await storage.getEdition(id, entry.version));
      if (!edition) {
        const content = await storage.getContent(id);
        if (content === undefined) return undefined;
        edition = await options.reparse(content, entry);
        // A cache write: if it fails (full disk), the edition is rebuilt next time.
        await storage.putEdition(id, entry.version, edition).catch(() => undefined);
      }
      editions.set(id, edition);
      return edition.title === entry.title ? edition : { ...edition, title: entry.title };
    },
    content: (id) => storage.getContent(id),
    async markWaiting(list) {
      const have = new Set(state.entries.map((e) => e.id));
      const missing = list.filter((w) => !have.has(w.id));
      if (!missing.length) return;
      await storage.putWaiting(missing);
      set({ waiting: await storage.listWaiting() });
    },
  };
}
