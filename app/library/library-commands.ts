/**
 * The library's commands that add or replace a text — a file, a paste, a new
 * version — from the size check to the notice that reports the result. They
 * run only after a reader picks a file or pastes, so they are a chunk of
 * their own (`use-library.ts` loads it, ahead of use once the library has
 * opened), not part of the reader's initial JavaScript (issue 15's budget,
 * bench/reader.ts).
 *
 * What it is not for: parsing (`parse-text.ts`, in a worker), storage
 * (`library/`) or the progress state (`use-library.ts` owns it and passes
 * `parseWithProgress` in).
 */
import { MAX_TEXT_BYTES } from '../../sources/read-text.ts';
import { loadAnnotationRuntime } from '../annotations/use-annotations.ts';
import type { LibraryRuntime } from './library-runtime.ts';
import type { ParseTextResult } from './parse-text.ts';
import { versionReport } from './version-report.ts';

type Library = LibraryRuntime['library'];

/** What the commands need from the hook. */
export interface LibraryCommandContext {
  /** Shows one sentence to the reader. */
  readonly notify: (message: string) => void;
  /** Runs a parse with the progress bar and Cancel (the hook's state). */
  readonly parseWithProgress: (
    name: string,
    parse: (options: {
      readonly signal: AbortSignal;
      readonly onProgress: (fraction: number) => void;
    }) => Promise<ParseTextResult>,
  ) => Promise<ParseTextResult>;
}

/** The parse client, loaded on first use: its reply schema is zod (see use-library.ts). */
const parseText = (): Promise<typeof import('./parse-text.ts')> => import('./parse-text.ts');

/** Stores a parsed text and says so; the new (or existing) entry's id, or `null`. */
async function addParsed(
  lib: Library,
  result: ParseTextResult,
  { notify }: LibraryCommandContext,
): Promise<string | null> {
  if (!result.ok) {
    notify(result.reason);
    return null;
  }
  const { entry, existed } = await lib.add(result.text);
  notify(
    existed
      ? `“${entry.title}” is already in your library.`
      : `Added “${entry.title}” to your library.`,
  );
  return entry.id;
}

/** Adds files, one after another; the ids of those added (or already there). */
export async function addFiles(
  lib: Library,
  files: readonly File[],
  context: LibraryCommandContext,
): Promise<string[]> {
  const { notify, parseWithProgress } = context;
  const ids: string[] = [];
  for (const file of files) {
    // Check the size before reading: a huge file is never loaded into memory.
    if (file.size > MAX_TEXT_BYTES) {
      notify(
        `“${file.name}” is too large (${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_TEXT_BYTES / 1024 / 1024} MB).`,
      );
      continue;
    }
    const result = await parseWithProgress(file.name, async (options) =>
      (await parseText()).parseTextBytes(
        new Uint8Array(await file.arrayBuffer()),
        file.name,
        options,
      ),
    );
    const id = await addParsed(lib, result, context);
    if (id) ids.push(id);
    // Cancel stops this file and those after it.
    if (!result.ok && result.cancelled) break;
  }
  return ids;
}

/** Adds pasted text; its entry's id, or `null`. */
export async function addPaste(
  lib: Library,
  text: string,
  name: string,
  context: LibraryCommandContext,
): Promise<string | null> {
  return addParsed(
    lib,
    await context.parseWithProgress(name, async (options) =>
      (await parseText()).parseTextString(text, name, options),
    ),
    context,
  );
}

/** Replaces text `id` with a new version from `file`; whether it was replaced. */
export async function reimport(
  lib: Library,
  id: string,
  file: File,
  { notify, parseWithProgress }: LibraryCommandContext,
): Promise<boolean> {
  if (file.size > MAX_TEXT_BYTES) {
    notify(`“${file.name}” is too large; the text was not changed.`);
    return false;
  }
  const result = await parseWithProgress(file.name, async (options) =>
    (await parseText()).parseTextBytes(new Uint8Array(await file.arrayBuffer()), file.name, {
      ...options,
      id,
    }),
  );
  if (!result.ok) {
    notify(`${result.reason} The text was not changed.`);
    return false;
  }
  const entry = await lib.replace(id, result.text);
  // How many of its annotations the new version leaves unplaced (the sidebar lists them).
  const annotations = await loadAnnotationRuntime().then(
    (rt) => ({ list: rt.store.getSnapshot().annotations, anchor: rt.anchor }),
    () => undefined,
  );
  notify(versionReport(entry.title, entry.version, result.text.edition, annotations));
  return true;
}
