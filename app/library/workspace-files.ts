/**
 * Workspace export and import in the reader: the library's texts and the
 * annotation store's annotations and comparisons in one file
 * (`library/workspace.ts`). Import is all or nothing: the file is read and
 * checked, every text parsed, every annotation checked against the texts
 * (the workspace's and this browser's), and only then written — texts first
 * (removed again if the annotations cannot be saved). An annotation on a
 * reader's text whose quote is not in it (a new version left it unplaced) is
 * kept unplaced, as it was where the workspace was exported.
 */
import type { AnnotationId } from '../../annotations/model/annotation.ts';
import { readWorkspace, serializeWorkspace, type TextLibrary } from '../../library/index.ts';
import { MAX_WORKSPACE_CHARS } from '../../library/workspace.ts';
import type { Edition } from '../../sources/edition.ts';
import { dateStamp, downloadFile } from '../views/download-file.ts';
import { importRecordEdits } from '../citations/import-record-edits.ts';
import { loadRecordOverrides } from '../citations/record-override-store.ts';
import { loadAnnotationRuntime } from '../annotations/use-annotations.ts';
import { libraryTitles, mayWaitFor } from './library-bridge.ts';
import { parseTextString, storedTextName } from './parse-text.ts';
import { counted } from '../../sources/util/plural.ts';
import { annotationsRefused } from './workspace-refusal.ts';

/** Downloads the workspace file. */
export async function exportWorkspace(library: TextLibrary): Promise<string> {
  const runtime = await loadAnnotationRuntime();
  const { entries } = library.getState();
  const texts = [];
  for (const entry of entries) {
    const content = await library.content(entry.id);
    if (content !== undefined) texts.push({ entry, content });
  }
  const annotations = runtime.store.getSnapshot().annotations;
  const named = annotations.flatMap((a) => a.targets.map((t) => t.source as string));
  const collection = JSON.parse(
    runtime.serializeW3cCollection(annotations, {
      sources: libraryTitles(named),
      records: loadRecordOverrides(),
    }),
  ) as Record<string, unknown>;
  downloadFile({
    name: `diptych-workspace-${dateStamp()}.json`,
    mime: 'application/json',
    text: serializeWorkspace(texts, collection),
  });
  return `Exported ${counted(texts.length, 'text')} and ${counted(annotations.length, 'annotation')}.`;
}

/** Reads a workspace file into the library and the annotation store; returns one sentence. */
export async function importWorkspace(
  file: File,
  library: TextLibrary,
  builtins: readonly Edition[],
): Promise<string> {
  const fail = (why: string): string => `Nothing was imported from “${file.name}”: ${why}.`;
  // Checked before reading (issue 12, item 6): a 1 GB file is refused without being loaded.
  if (file.size > MAX_WORKSPACE_CHARS)
    return fail(
      `the file is larger than a workspace can be (${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is 128 MB)`,
    );
  let text: string;
  try {
    text = await file.text();
  } catch {
    return fail('it could not be read');
  }
  const read = readWorkspace(text);
  if (!read.ok) return fail(read.reason);
  const have = new Set(library.getState().entries.map((e) => e.id));
  const parsed: {
    entry: (typeof read.file.texts)[number]['entry'];
    content: string;
    edition: Edition;
  }[] = [];
  for (const t of read.file.texts) {
    if (have.has(t.entry.id)) continue;
    const result = await parseTextString(t.content, storedTextName(t.entry), { id: t.entry.id });
    if (!result.ok) return fail(`the text “${t.entry.title}” cannot be read (${result.reason})`);
    parsed.push({ entry: t.entry, content: t.content, edition: result.text.edition });
  }
  const runtime = await loadAnnotationRuntime();
  const stored = await Promise.all(
    library.getState().entries.map(async (e) => library.edition(e.id)),
  );
  const editions = [
    ...builtins,
    ...stored.filter((e): e is Edition => e !== undefined),
    ...parsed.map((p) => p.edition),
  ];
  const outcome = runtime.importAnnotations(JSON.stringify(read.file.annotations), {
    existing: new Set<string>(
      runtime.store.getSnapshot().annotations.map((a) => a.id as AnnotationId),
    ),
    editions,
    locate: runtime.locateInEditions(editions),
    waitFor: mayWaitFor,
    // A reader's text keeps the annotations a new version of it left unplaced: the workspace
    // carries them as they were (listed under Unplaced), and moving them must not refuse them.
    keepUnplaced: (id) => have.has(id) || read.file.texts.some((t) => t.entry.id === id),
  });
  if (!outcome.ok) {
    // The technical summary (JSON paths, selectors) is for whoever repairs the file.
    console.warn(`Workspace “${file.name}”: ${outcome.summary}`);
    return annotationsRefused(file.name, outcome.advice);
  }
  let added: string[];
  try {
    added = await library.restore(parsed);
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  const saved = runtime.store.addMany(outcome.annotations);
  if (!saved.ok) {
    for (const id of added) await library.remove(id).catch(() => undefined);
    return fail('its annotations could not be saved');
  }
  if (outcome.waiting?.length) {
    const since = new Date().toISOString();
    await library.markWaiting(
      outcome.waiting.map((w) => ({
        id: w.source,
        since,
        ...(w.title !== undefined ? { title: w.title } : {}),
      })),
    );
  }
  const records = importRecordEdits(outcome.records);
  return `Imported “${file.name}”: ${counted(added.length, 'new text')}; ${outcome.summary}${records}`;
}
