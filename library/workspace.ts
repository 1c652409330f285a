/**
 * The workspace file: everything a reader made, in one JSON file, for moving
 * to another browser or archiving a project — their texts (entry with its
 * record, and content), and their annotations and comparisons (a W3C
 * AnnotationCollection, exactly as **Export annotations** writes it).
 *
 * Envelope: `type` (`DiptychWorkspace`), `version` (1), `generated`. What we
 * write is checked with the same schema we read with. Reading checks the whole
 * file before anything changes (the app then parses every text and checks
 * every annotation, and writes only if all pass: all or nothing).
 */
import { z } from 'zod';
import { TextEntrySchema, type TextEntry } from './model.ts';
import { firstIssue } from '../sources/util/zod-issue.ts';

/** The largest workspace file read (texts are ≤ 8 MB each; a project holds a handful). */
export const MAX_WORKSPACE_CHARS = 128 * 1024 * 1024;

/** The current workspace format version. */
export const WORKSPACE_VERSION = 1;

/** One text in a workspace file. */
export const WorkspaceTextSchema = z
  .object({ entry: TextEntrySchema, content: z.string().min(1) })
  .strict();

/** The workspace file. */
export const WorkspaceFileSchema = z
  .object({
    type: z.literal('DiptychWorkspace'),
    version: z.literal(WORKSPACE_VERSION),
    generated: z.iso.datetime(),
    texts: z.array(WorkspaceTextSchema).max(10_000),
    /** A W3C AnnotationCollection (Diptych's annotation export), read by the annotation importer. */
    annotations: z.record(z.string(), z.unknown()),
  })
  .strict();

/** A workspace file's content. */
export type WorkspaceFile = z.infer<typeof WorkspaceFileSchema>;

/** The workspace as the text of a `.json` file. Throws if a part is invalid (never writes a file we would refuse). */
export function serializeWorkspace(
  texts: readonly { entry: TextEntry; content: string }[],
  annotations: Record<string, unknown>,
  now = new Date().toISOString(),
): string {
  const file = WorkspaceFileSchema.parse({
    type: 'DiptychWorkspace',
    version: WORKSPACE_VERSION,
    generated: now,
    texts,
    annotations,
  });
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Reads a workspace file's text; a reason in plain words when it is not one. */
export function readWorkspace(
  text: string,
): { ok: true; file: WorkspaceFile } | { ok: false; reason: string } {
  if (text.length > MAX_WORKSPACE_CHARS) {
    return { ok: false, reason: 'the file is larger than a workspace can be (128 MB)' };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, reason: 'the file is not JSON' };
  }
  if ((json as { type?: unknown } | null)?.type !== 'DiptychWorkspace') {
    return { ok: false, reason: 'the file is not a Diptych workspace' };
  }
  const version = (json as { version?: unknown }).version;
  if (typeof version === 'number' && version > WORKSPACE_VERSION) {
    return {
      ok: false,
      reason: `the workspace was written by a newer Diptych (format ${version}; this one reads ${WORKSPACE_VERSION})`,
    };
  }
  const parsed = WorkspaceFileSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      reason: `the workspace is damaged at ${firstIssue(parsed.error, 'its top level')}`,
    };
  }
  const ids = parsed.data.texts.map((t) => t.entry.id);
  if (new Set(ids).size !== ids.length) {
    return { ok: false, reason: 'the workspace holds the same text twice' };
  }
  return { ok: true, file: parsed.data };
}
