import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  openBrowserAnnotationStoreAsync,
  parseStored,
  type StoredSetParser,
} from '../../annotations/store.ts';
import { saveAnnotations } from '../../annotations/storage/annotation-storage.ts';
import { ANNOTATIONS_KEY, BACKUP_PREFIX } from '../../annotations/storage/envelope.ts';
import { memoryArea, memoryStorage } from '../../annotations/storage/memory-storage.ts';
import { annotation } from './storage/helpers.ts';
import { mapWebStorage } from '../helpers/map-web-storage.ts';

/** The stored string of a set holding `ids`. */
function storedSet(...ids: number[]): string {
  const area = memoryArea();
  saveAnnotations(memoryStorage(area), {
    annotations: ids.map((i) => annotation(i)),
    deleted: {},
    revision: 1,
  });
  return area.values.get(ANNOTATIONS_KEY)!;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('openBrowserAnnotationStoreAsync', () => {
  it('opens with the set the parser read from storage, without parsing it again', async () => {
    const raw = storedSet(1, 2);
    vi.stubGlobal('localStorage', mapWebStorage({ [ANNOTATIONS_KEY]: raw }));
    const parse = vi.fn<StoredSetParser>(async (r) => parseStored(r));
    const { store } = await openBrowserAnnotationStoreAsync(parse);
    expect(parse).toHaveBeenCalledTimes(1);
    expect(parse).toHaveBeenCalledWith(raw);
    expect(store.getSnapshot().annotations.map((a) => a.id)).toEqual([
      annotation(1).id,
      annotation(2).id,
    ]);
    expect(store.getSnapshot().storageKind).toBe('local');
    store.dispose();
    // What the store holds is the parser's result: storage is not parsed a second time
    // (a parser that broke its contract shows it).
    const other = await openBrowserAnnotationStoreAsync(async () => parseStored(storedSet(7)));
    expect(other.store.getSnapshot().annotations.map((a) => a.id)).toEqual([annotation(7).id]);
    other.store.dispose();
  });

  it('reads storage itself when the parser gives up (no worker) or fails', async () => {
    const raw = storedSet(3);
    vi.stubGlobal('localStorage', mapWebStorage({ [ANNOTATIONS_KEY]: raw }));
    for (const parse of [async () => null, () => Promise.reject(new Error('no worker'))]) {
      const { store } = await openBrowserAnnotationStoreAsync(parse);
      expect(store.getSnapshot().annotations.map((a) => a.id)).toEqual([annotation(3).id]);
      store.dispose();
    }
  });

  it('reads storage afresh when another tab saved while the parser ran', async () => {
    const storage = mapWebStorage({ [ANNOTATIONS_KEY]: storedSet(1) });
    vi.stubGlobal('localStorage', storage);
    const { store } = await openBrowserAnnotationStoreAsync(async (r) => {
      storage.setItem(ANNOTATIONS_KEY, storedSet(1, 2));
      return parseStored(r);
    });
    expect(store.getSnapshot().annotations).toHaveLength(2);
    store.dispose();
  });

  it('reads the string it wrote itself (its digest matches) without the parser, in slices', async () => {
    const area = memoryArea();
    saveAnnotations(memoryStorage(area), {
      annotations: [annotation(1), annotation(2)],
      deleted: {},
      revision: 1,
    });
    vi.stubGlobal('localStorage', mapWebStorage(Object.fromEntries(area.values)));
    const parse = vi.fn<StoredSetParser>(async (r) => parseStored(r));
    const pause = vi.fn(() => Promise.resolve());
    const { store } = await openBrowserAnnotationStoreAsync(parse, {}, pause);
    expect(parse).not.toHaveBeenCalled();
    expect(store.getSnapshot().annotations.map((a) => a.id)).toEqual([
      annotation(1).id,
      annotation(2).id,
    ]);
    store.dispose();
    // One character changed (the digest no longer matches): the parser validates it.
    const changed = area.values.get(ANNOTATIONS_KEY)!.replace('"Note 1."', '"Note 9."');
    vi.stubGlobal(
      'localStorage',
      mapWebStorage({ ...Object.fromEntries(area.values), [ANNOTATIONS_KEY]: changed }),
    );
    const again = await openBrowserAnnotationStoreAsync(parse, {}, pause);
    expect(parse).toHaveBeenCalledWith(changed);
    expect(again.store.getSnapshot().annotations[0]!.note).toBe('Note 9.');
    again.store.dispose();
  });

  it('does not call the parser when nothing is stored', async () => {
    vi.stubGlobal('localStorage', mapWebStorage());
    const parse = vi.fn<StoredSetParser>(async () => null);
    const { store } = await openBrowserAnnotationStoreAsync(parse);
    expect(parse).not.toHaveBeenCalled();
    expect(store.getSnapshot().annotations).toEqual([]);
    store.dispose();
  });

  describe('when stored data is damaged', () => {
    it('backs it up before anything can overwrite it, as the synchronous open does', async () => {
      const raw = storedSet(1).replace('"annotations":[', '"annotations":[{"id":42},');
      const storage = mapWebStorage({ [ANNOTATIONS_KEY]: raw });
      vi.stubGlobal('localStorage', storage);
      const { store } = await openBrowserAnnotationStoreAsync(async (r) => parseStored(r));
      const snapshot = store.getSnapshot();
      expect(snapshot.annotations.map((a) => a.id)).toEqual([annotation(1).id]);
      expect(snapshot.backupKey).toMatch(new RegExp(`^${BACKUP_PREFIX}`));
      expect(storage.getItem(snapshot.backupKey!)).toBe(raw);
      expect(snapshot.loadMessage).toMatch(/1 of 2 stored annotations could not be read/);
      // The damage is replaced by what could be read, so the next load finds it whole.
      expect(parseStored(storage.getItem(ANNOTATIONS_KEY)).problem).toBeNull();
      store.dispose();
    });
  });
});
