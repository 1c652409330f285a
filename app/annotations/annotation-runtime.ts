/**
 * Everything the annotations UI needs from `annotations/`, gathered in one
 * module that the app loads with a dynamic `import()` after the first paint:
 * the store (with zod), anchoring, describing a selection, safe note
 * Markdown (remark), import and export. Keeping them out of the entry chunk
 * keeps the reader's initial JavaScript under budget (bench/reader.ts).
 *
 * What it is for: one lazy boundary and the store's single opening. What it
 * is not for: logic of its own — every function here is `annotations/`'s.
 */
import { anchor } from '../../annotations/anchoring/anchor.ts';
import { describe } from '../../annotations/anchoring/describe.ts';
import { rangeFromOffsets } from '../../annotations/anchoring/dom-range.ts';
import { importAnnotations, importFileSizeCheck } from '../../annotations/io/import-annotations.ts';
import { locateInEditions } from '../../annotations/io/locate-in-editions.ts';
import { markdownDigest } from '../../annotations/io/markdown-digest.ts';
import { serializeW3cCollection } from '../../annotations/io/w3c-export.ts';
import { COLORS } from '../../annotations/model/annotation.ts';
import { parseNoteMarkdown } from '../../annotations/model/note-markdown.ts';
import { openBrowserAnnotationStoreAsync, type OpenedStore } from '../../annotations/store.ts';
import { readStoredSetInWorker } from './read-stored-set.ts';

/** The lazily loaded functions, plus the opened store. */
export interface AnnotationRuntime extends OpenedStore {
  readonly anchor: typeof anchor;
  readonly describe: typeof describe;
  readonly rangeFromOffsets: typeof rangeFromOffsets;
  readonly importAnnotations: typeof importAnnotations;
  readonly importFileSizeCheck: typeof importFileSizeCheck;
  readonly locateInEditions: typeof locateInEditions;
  readonly markdownDigest: typeof markdownDigest;
  readonly serializeW3cCollection: typeof serializeW3cCollection;
  readonly parseNoteMarkdown: typeof parseNoteMarkdown;
  /** The model's palette (the app's copy in `palette.ts` is checked against it by a unit test). */
  readonly colors: typeof COLORS;
}

/**
 * Opens the browser store and returns the runtime. Call once per page
 * (`use-annotations.ts` does). The stored set is parsed and validated in a
 * worker (`read-stored-set.ts`), so the page hydrates and paints meanwhile.
 */
export async function openRuntime(): Promise<AnnotationRuntime> {
  const opened = await openBrowserAnnotationStoreAsync(readStoredSetInWorker);
  return {
    ...opened,
    anchor,
    describe,
    rangeFromOffsets,
    importAnnotations,
    importFileSizeCheck,
    locateInEditions,
    markdownDigest,
    serializeW3cCollection,
    parseNoteMarkdown,
    colors: COLORS,
  };
}
