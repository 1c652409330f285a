/**
 * What the annotation files need from the library, without the annotations
 * UI depending on the library's React state: the titles of the reader's texts
 * (written into an export so another browser can name what its annotations
 * wait for), which ids may wait (a reader's text, by its content-derived id),
 * and where to record waiting texts. `use-library.ts` keeps it current.
 */
import type { WaitingText } from '../../library/index.ts';

let titles: ReadonlyMap<string, string> = new Map();
let record: (list: readonly WaitingText[]) => Promise<void> = async () => undefined;

/** Called by the library hook whenever its texts change. */
export function connectLibrary(
  currentTitles: ReadonlyMap<string, string>,
  markWaiting: (list: readonly WaitingText[]) => Promise<void>,
): void {
  titles = currentTitles;
  record = markWaiting;
}

/** Titles of the reader's texts among `sourceIds`. */
export function libraryTitles(sourceIds: Iterable<string>): { id: string; title: string }[] {
  return [...new Set(sourceIds)].flatMap((id) => {
    const title = titles.get(id);
    return title === undefined ? [] : [{ id, title }];
  });
}

/** True for an id shaped like a reader's text (`slug-<10 hex>`, `sources/text-id.ts`). */
export function mayWaitFor(sourceId: string): boolean {
  return /^[a-z0-9][a-z0-9-]*-[0-9a-f]{10}$/.test(sourceId);
}

/** Records texts that imported annotations wait for. */
export function recordWaiting(list: readonly WaitingText[]): Promise<void> {
  return record(list);
}
