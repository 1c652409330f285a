/** The text library over IndexedDB (fake-indexeddb in Node: the same `idb` code path as a browser). */
// The globals idb checks against (IDBRequest…); each test still opens its own factory.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { wrap, type IDBPDatabase } from 'idb';
import { describe, expect, it } from 'vitest';
import { importDecodedText, type ImportedText } from '../../sources/import-text.ts';
import {
  createTextLibrary,
  DB_NAME,
  memoryLibraryStorage,
  openLibraryStorage,
  type LibraryStorage,
} from '../../library/index.ts';

async function imported(text: string, name: string, id?: string): Promise<ImportedText> {
  const r = await importDecodedText(text, name, id === undefined ? {} : { id });
  if (!r.ok) throw new Error(r.reason);
  return r.text;
}

const NOTES =
  '---\nauthor: Jane Roe\ndate: 2024-03-05\n---\n\n# My notes\n\nA paragraph.[^1]\n\n[^1]: A note.\n';

/** The library's database on `factory`, raw (to damage it as a test needs). */
async function openDBOn(factory: IDBFactory): Promise<IDBPDatabase> {
  return (await wrap(factory.open(DB_NAME, 1))) as unknown as IDBPDatabase;
}

async function openLibrary(factory: IDBFactory) {
  const { storage, problem } = await openLibraryStorage(factory);
  expect(problem).toBeUndefined();
  const library = createTextLibrary(storage, {
    reparse: async (content, entry) => {
      const r = await importDecodedText(content, entry.name, { id: entry.id });
      if (!r.ok) throw new Error(r.reason);
      return r.text.edition;
    },
  });
  await library.load();
  return { library, storage };
}

describe('text library', () => {
  it('keeps a text across a reopen, with its record pre-filled from the file', async () => {
    const factory = new IDBFactory();
    const first = await openLibrary(factory);
    const text = await imported(NOTES, 'notes.md');
    const { entry, existed } = await first.library.add(text);
    expect(existed).toBe(false);
    expect(entry).toMatchObject({
      title: 'My notes',
      version: 1,
      record: {
        type: 'manuscript',
        title: 'My notes',
        authors: [{ family: 'Roe', given: 'Jane' }],
        issued: '2024-03-05',
      },
    });
    const again = await first.library.add(text);
    expect(again.existed).toBe(true);

    const second = await openLibrary(factory);
    expect(second.library.getState().entries.map((e) => e.id)).toEqual([text.id]);
    const edition = await second.library.edition(text.id);
    expect(edition?.footnotes[0]?.referencedFrom).toEqual([`${text.id}:1`]);
  });

  it('stores the content and edition given as Blobs (made off the page) as Blobs, and reads them back', async () => {
    const factory = new IDBFactory();
    const first = await openLibrary(factory);
    const text = await imported(NOTES, 'notes.md');
    const blobs = {
      content: new Blob([text.content]),
      edition: new Blob([JSON.stringify(text.edition)]),
    };
    await first.library.add({ ...text, blobs });
    const db = await openDBOn(factory);
    expect((await db.get('editions', text.id)).edition).toBeInstanceOf(Blob);
    expect((await db.get('contents', text.id)).content).toBeInstanceOf(Blob);
    const second = await openLibrary(factory);
    expect(await second.library.edition(text.id)).toEqual(text.edition);
    expect(await second.library.content(text.id)).toBe(text.content);
  });

  it('reads an edition stored as a JSON string (by earlier versions), and rebuilds a damaged one', async () => {
    const factory = new IDBFactory();
    const first = await openLibrary(factory);
    const text = await imported(NOTES, 'notes.md');
    await first.library.add(text);
    const db = await openDBOn(factory);
    await db.put('editions', { id: text.id, version: 1, edition: JSON.stringify(text.edition) });
    expect(await (await openLibrary(factory)).library.edition(text.id)).toEqual(text.edition);
    await db.put('editions', { id: text.id, version: 1, edition: new Blob(['{"broken']) });
    expect(await (await openLibrary(factory)).library.edition(text.id)).toEqual(text.edition);
  });

  it('renames, edits the record (validated), and keeps a new version under the same id', async () => {
    const { library } = await openLibrary(new IDBFactory());
    const text = await imported(NOTES, 'notes.md');
    await library.add(text);
    await library.rename(text.id, '  Renamed   notes ');
    expect((await library.edition(text.id))?.title).toBe('Renamed notes');
    await expect(
      library.setRecord(text.id, {
        ...library.getState().entries[0]!.record,
        issued: '2024-02-30',
      }),
    ).rejects.toThrow(/real calendar date/);
    await library.setRecord(text.id, {
      ...library.getState().entries[0]!.record,
      url: 'https://example.org/n',
    });
    expect(library.getState().entries[0]).toMatchObject({ recordEdited: true });
    const v2 = await imported(`${NOTES}\nAnother paragraph.\n`, 'notes.md', text.id);
    const entry = await library.replace(text.id, v2);
    expect(entry).toMatchObject({ id: text.id, version: 2, title: 'Renamed notes' });
    expect((await library.edition(text.id))?.blocks.filter((b) => b.n).length).toBe(2);
  });

  it('keeps the fields of a journal article or chapter, checking pages and DOI', async () => {
    const { library } = await openLibrary(new IDBFactory());
    const text = await imported(NOTES, 'notes.md');
    await library.add(text);
    const base = library.getState().entries[0]!.record;
    await expect(
      library.setRecord(text.id, { ...base, type: 'article-journal', page: '45 to 67' }),
    ).rejects.toThrow(/page or a range/);
    await expect(
      library.setRecord(text.id, { ...base, doi: 'https://doi.org/10.1/x' }),
    ).rejects.toThrow(/10\.1234\/abc/);
    const chapter = {
      ...base,
      type: 'chapter' as const,
      containerTitle: 'Korea and Its Neighbours',
      editors: [{ family: 'Kim', given: 'Suk-Young' }],
      page: '45–67',
      publisher: 'Routledge',
      place: 'London',
      doi: '10.4324/9781315000000',
    };
    await library.setRecord(text.id, chapter);
    expect(library.getState().entries[0]!.record).toEqual(chapter);
  });

  it('deletes with undo', async () => {
    const factory = new IDBFactory();
    const { library } = await openLibrary(factory);
    const text = await imported(NOTES, 'notes.md');
    await library.add(text);
    const removed = await library.remove(text.id);
    expect(library.getState().entries).toEqual([]);
    expect((await openLibrary(factory)).library.getState().entries).toEqual([]);
    await removed.undo();
    expect((await openLibrary(factory)).library.getState().entries.map((e) => e.id)).toEqual([
      text.id,
    ]);
  });

  it('rebuilds a lost edition cache from the content', async () => {
    const factory = new IDBFactory();
    const { library } = await openLibrary(factory);
    const text = await imported(NOTES, 'notes.md');
    await library.add(text);
    const db = await openDBOn(factory);
    await db.put('editions', { id: text.id, version: 1, edition: { broken: true } });
    db.close();
    const reopened = await openLibrary(factory);
    expect((await reopened.library.edition(text.id))?.text).toBe(text.edition.text);
  });

  describe('when storage fails', () => {
    it('a full disk: the add is refused in plain words and nothing changes', async () => {
      const base = memoryLibraryStorage();
      const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
      const full: LibraryStorage = {
        ...base,
        putText: async () => {
          const { storageError } = await import('../../library/idb-storage.ts');
          throw storageError(quota);
        },
      };
      const library = createTextLibrary(full, { reparse: async () => Promise.reject(new Error()) });
      await library.load();
      await expect(library.add(await imported(NOTES, 'notes.md'))).rejects.toThrow(
        /storage is full.*nothing was lost/,
      );
      expect(library.getState().entries).toEqual([]);
    });

    it('an unreadable stored entry is counted and left untouched', async () => {
      const factory = new IDBFactory();
      const { library } = await openLibrary(factory);
      await library.add(await imported(NOTES, 'notes.md'));
      const db = await openDBOn(factory);
      await db.put('texts', { id: 'broken-entry', title: 42 });
      db.close();
      const reopened = await openLibrary(factory);
      expect(reopened.library.getState()).toMatchObject({ unreadable: 1 });
      expect(reopened.library.getState().entries).toHaveLength(1);
      const db2 = await openDBOn(factory);
      expect(await db2.get('texts', 'broken-entry')).toEqual({ id: 'broken-entry', title: 42 });
      db2.close();
    });

    it('a blocked IndexedDB (refused by the browser): memory, said in plain words', async () => {
      const refusing = {
        open: () => {
          throw Object.assign(new Error('The operation is insecure.'), { name: 'SecurityError' });
        },
      } as unknown as IDBFactory;
      const { storage, problem } = await openLibraryStorage(refusing);
      expect(storage.kind).toBe('memory');
      expect(problem).toMatch(/IndexedDB is blocked.*kept only until you close this tab/);
      expect(problem).not.toMatch(/insecure|SecurityError/);
    });

    it('no IndexedDB: memory, with the reason', async () => {
      const { storage, problem } = await openLibraryStorage(null);
      expect(storage.kind).toBe('memory');
      expect(problem).toMatch(/kept only until you close this tab/);
    });
  });

  it('texts that annotations wait for, until the text arrives', async () => {
    const { library } = await openLibrary(new IDBFactory());
    const text = await imported(NOTES, 'notes.md');
    await library.markWaiting([
      { id: text.id, title: 'My notes', since: '2026-01-01T00:00:00.000Z' },
    ]);
    expect(library.getState().waiting.map((w) => w.title)).toEqual(['My notes']);
    await library.add(text);
    expect(library.getState().waiting).toEqual([]);
  });
});
