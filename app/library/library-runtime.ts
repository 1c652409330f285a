/**
 * The library, opened once per page after the first paint (a dynamic import
 * keeps idb and zod's library schemas out of the entry chunk).
 */
import { createTextLibrary, openLibraryStorage, type TextLibrary } from '../../library/index.ts';
import { parseTextString, storedTextName } from './parse-text.ts';

/** The opened library. */
export interface LibraryRuntime {
  readonly library: TextLibrary;
  /** `indexeddb`, or `memory` when texts last only as long as the tab. */
  readonly kind: 'indexeddb' | 'memory';
}

/** Opens the browser's library and reads its entries. */
export async function openLibraryRuntime(): Promise<LibraryRuntime> {
  const { storage, problem } = await openLibraryStorage();
  const library = createTextLibrary(storage, {
    ...(problem !== undefined ? { problem } : {}),
    reparse: async (content, entry) => {
      const result = await parseTextString(content, storedTextName(entry), { id: entry.id });
      if (!result.ok) throw new Error(result.reason);
      return result.text.edition;
    },
  });
  await library.load();
  return { library, kind: storage.kind };
}
