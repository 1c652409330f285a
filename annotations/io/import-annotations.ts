/**
 * Import annotations from a file's text: W3C JSON-LD (ours or another
 * tool's: one Annotation, an array, an AnnotationPage or an
 * AnnotationCollection) or Hypothesis JSON (one API annotation, an array, a
 * search result `{ rows: [...] }`, or the file the Hypothesis client's Export
 * writes, `{ export_date, …, annotations: [...] }`).
 *
 * What it is for: checking a whole file before anything changes. It returns
 * a result per item (imported, duplicate, skipped or error, with the JSON path
 * of the problem) and one sentence summing up, after Hypothesis's
 * `ImportResult` and `importStatus` (src/sidebar/services/import-annotations.ts).
 * Unlike Hypothesis, it is all or nothing: if any item has an error,
 * `annotations` is empty and the caller adds nothing.
 *
 * Not for: adding to the store (the caller passes `outcome.annotations` to
 * the store in one change) or reading the file from disk (the app reads it
 * with `File.text()`). Pure and deterministic: existing ids, editions,
 * `locate` and the time are passed in. It never throws.
 *
 * Security: nothing read here is ever treated as markup. Notes stay plain
 * strings; the app renders them through `parseNoteMarkdown`.
 */
import type { Annotation, AnnotationId } from '../model/annotation.ts';
import {
  hasType,
  isRecord,
  type ItemRead,
  type JsonRecord,
  type ReadContext,
} from './read-item.ts';
import { looksLikeHypothesis, readHypothesisAnnotation } from './hypothesis-import.ts';
import { migrateDocument } from './migrations.ts';
import { sourceIdFromIri } from './format.ts';
import { readRecordEdits } from './record-edits.ts';
import type { RecordOverrides } from '../../sources/citation/record-overrides.ts';
import type { Locate } from './resolve-target.ts';
import { generatorName, readW3cAnnotation, type W3cFileInfo } from './w3c-import.ts';
import type { Edition } from '../../sources/edition.ts';
import { counted, plural } from '../../sources/util/plural.ts';
import { fileAdvice, itemAdvice, type FileProblem, type ItemProblem } from './import-advice.ts';

/**
 * The largest file we read, in UTF-16 code units of its text (32 MB of ASCII
 * JSON). One exported annotation with a short note takes about 1.4 KB
 * pretty-printed (the import test measures it), so our own export of
 * `MAX_IMPORT_ITEMS` such annotations fits. Larger files are refused before
 * parsing, so a wrong file (a video, a database dump) never freezes the tab.
 */
export const MAX_IMPORT_CHARS = 32 * 1024 * 1024;
/**
 * The largest file, in bytes, worth reading at all. A file within it has at
 * most `MAX_IMPORT_CHARS` characters; a larger one is refused unread by
 * `importFileSizeCheck`, so a wrong file is never loaded into memory.
 */
export const MAX_IMPORT_BYTES = MAX_IMPORT_CHARS;

/** The most annotations one file may hold (twice the 10,000 the bench loads). */
export const MAX_IMPORT_ITEMS = 20_000;

/** The formats `importAnnotations` reads. */
export type ImportFormat = 'diptych' | 'w3c' | 'hypothesis';

/** What happened to one item of the file. */
export type ImportItemResult =
  | {
      readonly status: 'imported';
      readonly path: string;
      readonly id: AnnotationId;
      /** Its target was placed where its quote is, not where the file's position or address said. */
      readonly rederived?: { readonly path: string; readonly reason: string };
      /** Kept unplaced: its quote is nowhere in its text (`ImportContext.keepUnplaced`). */
      readonly unplaced?: true;
    }
  | {
      readonly status: 'duplicate';
      readonly path: string;
      readonly id: AnnotationId;
      /** Set when an earlier item of the same file has this id but other content: its path. */
      readonly conflictsWith?: string;
    }
  | { readonly status: 'skipped'; readonly path: string; readonly reason: string }
  | {
      readonly status: 'error';
      readonly path: string;
      readonly message: string;
      /** Set when the file may be fine but this browser lacks the item's text or quote. */
      readonly cause?: ItemProblem;
    };

/** The outcome of an import. */
export interface ImportOutcome {
  /** True when the file is good: the caller adds `annotations` (possibly none, if all were duplicates). */
  readonly ok: boolean;
  /** What the file was, when we could tell. */
  readonly format: ImportFormat | null;
  /** The new annotations, in file order; empty unless `ok`. */
  readonly annotations: readonly Annotation[];
  /** One result per item, in file order; empty when the file itself is unreadable. */
  readonly results: readonly ImportItemResult[];
  /** What is wrong with the file as a whole (not JSON, too large, wrong shape…), if anything. */
  readonly fileError?: string;
  /** One sentence for the reader, with the technical detail (JSON paths, selectors) of a refusal. */
  readonly summary: string;
  /**
   * Set when the file is refused: what is wrong and what to do, in plain
   * words (`import-advice.ts`). Shown first; `summary` is the detail behind it.
   */
  readonly advice?: string;
  /** Texts the imported annotations wait for (empty unless `ok`). */
  readonly waiting?: readonly WaitingFor[];
  /**
   * The record edits the file carries (`diptych:records`, validated), when
   * `ok` and there are any: the caller merges them into the reader's own.
   */
  readonly records?: RecordOverrides;
}

/** What `importAnnotations` needs besides the file. */
export interface ImportContext {
  /** Ids of the annotations the reader already has: those are duplicates, not doubled. */
  readonly existing: Iterable<AnnotationId> | ReadonlySet<string>;
  /** The editions annotations may target. */
  readonly editions: readonly Edition[];
  /** Places quotes from other tools' files in our texts (see `Locate`). */
  readonly locate?: Locate;
  /** The time for annotations that carry none (default: now). */
  readonly now?: string;
  /** Source ids this browser lacks whose annotations are kept, waiting for the text (see `ResolveContext`). */
  readonly waitFor?: (sourceId: string) => boolean;
  /** Sources whose annotations are kept unplaced when their quote is nowhere in them (see `ResolveContext`). */
  readonly keepUnplaced?: (sourceId: string) => boolean;
}

/** A text the imported annotations name but this browser lacks. */
export interface WaitingFor {
  /** Its source id. */
  readonly source: string;
  /** Its title, when the file names it (our exports list them in `diptych:sources`). */
  readonly title?: string;
  /** How many of the imported annotations wait for it. */
  readonly count: number;
}

/** An item found in the file, with its path and how to read it. */
interface Found {
  readonly item: unknown;
  readonly path: string;
  readonly as: 'w3c' | 'hypothesis';
}

type Located =
  | {
      readonly ok: true;
      readonly format: ImportFormat;
      readonly items: readonly Found[];
      readonly info: W3cFileInfo;
    }
  | {
      readonly ok: false;
      readonly message: string;
      readonly problem: FileProblem;
      readonly format?: ImportFormat;
    };

const SHAPES =
  'expected a W3C Annotation, AnnotationPage or AnnotationCollection, or Hypothesis JSON (an annotation, a list, {"rows": [...]} or a Hypothesis export)';

const NOT_ANNOTATIONS: FileProblem = { kind: 'not-annotations' };

const notAnnotations: Located = {
  ok: false,
  message: `the file is JSON but not annotations: ${SHAPES}`,
  problem: NOT_ANNOTATIONS,
};

/** Finds the annotations in a parsed file. */
function locateItems(document: unknown): Located {
  if (Array.isArray(document)) {
    const items = document.map((item, i): Found => ({
      item,
      path: `[${i}]`,
      as: looksLikeHypothesis(item) ? 'hypothesis' : 'w3c',
    }));
    const format =
      items.length > 0 && items.every((f) => f.as === 'hypothesis') ? 'hypothesis' : 'w3c';
    return { ok: true, format, items, info: { ours: false } };
  }
  if (!isRecord(document)) return notAnnotations;
  // Hypothesis's search API answers `{ total, rows }`; its client's Export
  // writes `{ export_date, export_userid, client_version, annotations }`.
  for (const key of ['rows', 'annotations'] as const) {
    const list = document[key];
    if (Array.isArray(list) && document['type'] === undefined) {
      return {
        ok: true,
        format: 'hypothesis',
        items: list.map((item, i) => ({ item, path: `${key}[${i}]`, as: 'hypothesis' as const })),
        info: { ours: false },
      };
    }
  }
  if (looksLikeHypothesis(document)) {
    return {
      ok: true,
      format: 'hypothesis',
      items: [{ item: document, path: '', as: 'hypothesis' }],
      info: { ours: false },
    };
  }

  let doc: JsonRecord = document;
  const version = doc['diptych:formatVersion'];
  const ours = version !== undefined;
  if (ours) {
    const migrated = migrateDocument(doc, version);
    if (!migrated.ok) {
      const problem: FileProblem = { kind: migrated.newer ? 'newer-version' : 'damaged-version' };
      return { ok: false, message: migrated.message, problem, format: 'diptych' };
    }
    doc = migrated.document;
  }
  const generator = generatorName(doc['generator']);
  const info: W3cFileInfo = generator === undefined ? { ours } : { ours, generator };
  const format: ImportFormat = ours ? 'diptych' : 'w3c';

  if (hasType(doc['type'], 'Annotation'))
    return { ok: true, format, items: [{ item: doc, path: '', as: 'w3c' }], info };
  if (hasType(doc['type'], 'AnnotationPage')) return pageItems(doc, '', format, info);
  if (hasType(doc['type'], 'AnnotationCollection')) {
    const first = doc['first'];
    if (first === undefined) {
      return doc['total'] === 0 || doc['total'] === undefined
        ? { ok: true, format, items: [], info }
        : {
            ok: false,
            message: 'the collection has no "first" page',
            problem: NOT_ANNOTATIONS,
            format,
          };
    }
    if (typeof first === 'string') {
      return {
        ok: false,
        message: `the collection only links its first page (${first.slice(0, 200)}) instead of including it; Diptych does not fetch from the web, so save the pages themselves`,
        problem: { kind: 'linked-pages' },
        format,
      };
    }
    if (!isRecord(first))
      return {
        ok: false,
        message: 'the collection\'s "first" must be an AnnotationPage',
        problem: NOT_ANNOTATIONS,
        format,
      };
    return pageItems(first, 'first', format, info);
  }
  return notAnnotations;
}

/** The items of a page and of the pages embedded after it through `next`. */
function pageItems(
  page: JsonRecord,
  path: string,
  format: ImportFormat,
  info: W3cFileInfo,
): Located {
  const items: Found[] = [];
  let current: unknown = page;
  let here = path;
  for (let n = 0; isRecord(current); n += 1) {
    if (n > 10_000)
      return { ok: false, message: 'too many pages', problem: NOT_ANNOTATIONS, format };
    const list = current['items'];
    const itemsPath = here === '' ? 'items' : `${here}.items`;
    if (!Array.isArray(list))
      return {
        ok: false,
        message: `${itemsPath} must be a list of annotations`,
        problem: NOT_ANNOTATIONS,
        format,
      };
    list.forEach((item, i) => items.push({ item, path: `${itemsPath}[${i}]`, as: 'w3c' }));
    const next = current['next'];
    if (typeof next === 'string') {
      return {
        ok: false,
        message: `the file holds only part of the collection: its next page is linked (${next.slice(0, 200)}), not included, and Diptych does not fetch from the web`,
        problem: { kind: 'linked-pages' },
        format,
      };
    }
    current = next;
    here = here === '' ? 'next' : `${here}.next`;
  }
  return { ok: true, format, items, info };
}

/**
 * The one-sentence summary of a finished import; `check` words it for a dry
 * run that imports nothing ("Would import 2 annotations", `diptych annotations`).
 */
export function importStatus(
  outcome: Pick<ImportOutcome, 'ok' | 'results' | 'fileError'>,
  mode: 'import' | 'check' = 'import',
): string {
  if (outcome.fileError !== undefined) return `Nothing was imported: ${outcome.fileError}.`;
  const count = (s: ImportItemResult['status']): number =>
    outcome.results.filter((r) => r.status === s).length;
  const errors = outcome.results.filter(
    (r): r is Extract<ImportItemResult, { status: 'error' }> => r.status === 'error',
  );
  if (errors.length > 0) {
    const first = errors[0]!;
    const where = first.path === '' ? 'the annotation' : first.path;
    return `Nothing was imported: ${errors.length} of ${counted(outcome.results.length, 'item')} ${plural(errors.length, 'has a problem', 'have problems')}; the first, at ${where}: ${first.message}.`;
  }
  const imported = count('imported');
  const duplicates = outcome.results.filter(
    (r) => r.status === 'duplicate' && r.conflictsWith === undefined,
  ).length;
  const skipped = count('skipped');
  const check = mode === 'check';
  const parts = [
    imported === 0 && duplicates > 0
      ? 'Nothing new to import'
      : `${check ? 'Would import' : 'Imported'} ${counted(imported, 'annotation')}`,
  ];
  if (duplicates > 0)
    parts.push(
      `${counted(duplicates, 'annotation was', 'annotations were')} already here and ${check ? 'would not be' : 'not'} doubled`,
    );
  if (skipped > 0)
    parts.push(`${counted(skipped, 'item')} skipped (replies or notes on a whole page)`);
  const conflicting = outcome.results.filter(
    (r): r is Extract<ImportItemResult, { status: 'duplicate' }> =>
      r.status === 'duplicate' && r.conflictsWith !== undefined,
  );
  if (conflicting.length > 0) {
    const first = conflicting[0]!;
    parts.push(
      `${counted(conflicting.length, 'item')} ${check ? 'would not be' : 'not'} imported because an earlier item of the file has the same id with other content (${first.path} repeats the id ${first.id} of ${first.conflictsWith}; the first was kept)`,
    );
  }
  const moved = outcome.results.filter(
    (r): r is Extract<ImportItemResult, { status: 'imported' }> =>
      r.status === 'imported' && r.rederived !== undefined,
  );
  if (moved.length > 0) {
    const first = moved[0]!.rederived!;
    parts.push(
      `${counted(moved.length, 'annotation')} placed where ${plural(moved.length, 'its', 'their')} quote is, not where the file's position or address said (the first, at ${first.path}: ${first.reason})`,
    );
  }
  const unplaced = outcome.results.filter((r) => r.status === 'imported' && r.unplaced).length;
  if (unplaced > 0)
    parts.push(
      `${check ? counted(unplaced, 'annotation would be', 'annotations would be') : counted(unplaced, 'annotation was', 'annotations were')} kept unplaced: ${plural(unplaced, 'its', 'their')} quoted text is not in ${plural(unplaced, 'its', 'their')} text (listed under Unplaced in Annotations)`,
    );
  return `${parts.join('; ')}.`;
}

/** Characters that do not occur in a text file. */
function looksBinary(text: string): boolean {
  const head = text.slice(0, 8192);
  if (head.includes('\u0000')) return true;
  const replacement = head.split('\uFFFD').length - 1;
  return replacement > 8 && replacement > head.length / 100;
}

/** The first sentence of every refusal's advice; what to do follows it. */
export const REFUSAL_LEAD = 'Nothing was imported.';

/** "Nothing was imported." and what to do. */
const refusal = (advice: string): string => `${REFUSAL_LEAD} ${advice}`;

function failed(
  problem: FileProblem,
  fileError: string,
  format: ImportFormat | null = null,
): ImportOutcome {
  const outcome = { ok: false, format, annotations: [], results: [], fileError };
  return { ...outcome, summary: importStatus(outcome), advice: refusal(fileAdvice(problem)) };
}

const tooLarge = (size: number, unit: number): ImportOutcome => {
  const megabytes = size / 1024 / 1024;
  const limit = unit / 1024 / 1024;
  return failed(
    { kind: 'too-large', megabytes, limit },
    `the file is too large (${megabytes.toFixed(1)} MB; the limit is ${limit} MB)`,
  );
};

/**
 * Call with a file's size in bytes (`File.size`) before reading it: the
 * outcome to show if it is too large to import, else `null`. The same words
 * as `importAnnotations` uses for a too-long text.
 */
export function importFileSizeCheck(bytes: number): ImportOutcome | null {
  return bytes > MAX_IMPORT_BYTES ? tooLarge(bytes, MAX_IMPORT_BYTES) : null;
}

/**
 * Reads a file's text and says what importing it would do. Nothing is
 * changed: the caller adds `outcome.annotations` when `outcome.ok`.
 */
export function importAnnotations(text: string, ctx: ImportContext): ImportOutcome {
  try {
    return importUnchecked(text, ctx);
  } catch (error) {
    // Not expected (every item is checked); still, the reader's data is never at risk.
    return failed(
      { kind: 'internal' },
      `an internal error stopped the import (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

function importUnchecked(text: string, ctx: ImportContext): ImportOutcome {
  if (typeof text !== 'string')
    return failed({ kind: 'unreadable' }, 'the file could not be read as text');
  if (text.length > MAX_IMPORT_CHARS) return tooLarge(text.length, MAX_IMPORT_CHARS);
  if (text.trim() === '') return failed({ kind: 'empty' }, 'the file is empty');
  if (looksBinary(text))
    return failed({ kind: 'binary' }, 'the file is not a text file (it looks binary)');
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return failed(
      { kind: 'not-json' },
      // One line: JSON.parse quotes the file's start, raw newlines and all.
      `the file is not JSON (${error instanceof Error ? error.message.replace(/\s+/g, ' ') : 'cannot parse'})`,
    );
  }
  const located = locateItems(document);
  if (!located.ok) return failed(located.problem, located.message, located.format ?? null);
  const records = readRecordEdits(document);
  if (!records.ok) return failed({ kind: 'damaged-records' }, records.message, located.format);
  if (located.items.length > MAX_IMPORT_ITEMS) {
    return failed(
      { kind: 'too-many', limit: MAX_IMPORT_ITEMS },
      `the file holds ${located.items.length} items; the limit is ${MAX_IMPORT_ITEMS}`,
      located.format,
    );
  }

  const readCtx: ReadContext = {
    editions: ctx.editions,
    ...(ctx.locate === undefined ? {} : { locate: ctx.locate }),
    ...(ctx.waitFor === undefined ? {} : { waitFor: ctx.waitFor }),
    ...(ctx.keepUnplaced === undefined ? {} : { keepUnplaced: ctx.keepUnplaced }),
    now: ctx.now ?? new Date().toISOString(),
  };
  const seen = new Set<string>(ctx.existing as Iterable<string>);
  /** Annotations read from this file so far, by id, with their paths (duplicates within the file). */
  const inFile = new Map<string, { path: string; annotation: Annotation }>();
  const results: ImportItemResult[] = [];
  const annotations: Annotation[] = [];
  for (const found of located.items) {
    const read: ItemRead =
      found.as === 'hypothesis'
        ? readHypothesisAnnotation(found.item, found.path, readCtx)
        : readW3cAnnotation(found.item, found.path, readCtx, located.info);
    if (read.kind === 'error')
      results.push({
        status: 'error',
        path: read.path,
        message: read.message,
        ...(read.cause === undefined ? {} : { cause: read.cause }),
      });
    else if (read.kind === 'skipped')
      results.push({ status: 'skipped', path: found.path, reason: read.reason });
    else if (seen.has(read.annotation.id)) {
      const earlier = inFile.get(read.annotation.id);
      const conflicts =
        earlier !== undefined && !isDeepStrictEqualJson(earlier.annotation, read.annotation);
      results.push({
        status: 'duplicate',
        path: found.path,
        id: read.annotation.id,
        ...(conflicts ? { conflictsWith: earlier.path } : {}),
      });
    } else {
      seen.add(read.annotation.id);
      inFile.set(read.annotation.id, { path: found.path, annotation: read.annotation });
      annotations.push(read.annotation);
      results.push({
        status: 'imported',
        path: found.path,
        id: read.annotation.id,
        ...(read.rederived === undefined ? {} : { rederived: read.rederived }),
        ...(read.unplaced ? { unplaced: true as const } : {}),
      });
    }
  }
  const ok = results.every((r) => r.status !== 'error');
  const outcome = { ok, format: located.format, annotations: ok ? annotations : [], results };
  const waiting = ok ? waitingFor(annotations, ctx.editions, sourceTitles(document)) : [];
  const note = waiting.length
    ? ` ${waiting.map((w) => `${counted(w.count, 'annotation')} wait for “${w.title ?? w.source}”`).join('; ')} (not in this browser yet): ${plural(waiting.length, 'it is', 'they are')} kept and placed when you add the text.`
    : '';
  const problems = results.flatMap((r) => (r.status === 'error' ? [r.cause] : []));
  return {
    ...outcome,
    summary: `${importStatus(outcome)}${note}`,
    ...(ok ? {} : { advice: refusal(itemAdvice({ total: results.length, problems })) }),
    ...(waiting.length ? { waiting } : {}),
    ...(ok && Object.keys(records.records).length ? { records: records.records } : {}),
  };
}

/** Deep equality of two JSON-shaped values (annotations as read; key order ignored). */
function isDeepStrictEqualJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) =>
    isDeepStrictEqualJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

/** Titles of texts a file lists in `diptych:sources` (our exports do), by source id. */
function sourceTitles(document: unknown): Map<string, string> {
  const titles = new Map<string, string>();
  const list = isRecord(document) ? document['diptych:sources'] : undefined;
  if (!Array.isArray(list)) return titles;
  for (const item of list.slice(0, 10_000)) {
    if (!isRecord(item) || typeof item['id'] !== 'string' || typeof item['title'] !== 'string')
      continue;
    const id = sourceIdFromIri(item['id']);
    const title = item['title'].replace(/\s+/g, ' ').trim().slice(0, 1000);
    if (id !== null && title !== '') titles.set(id, title);
  }
  return titles;
}

/** The texts `annotations` name that are not among `editions`, with counts. */
function waitingFor(
  annotations: readonly Annotation[],
  editions: readonly Edition[],
  titles: ReadonlyMap<string, string>,
): WaitingFor[] {
  const have = new Set<string>(editions.map((e) => e.id));
  const counts = new Map<string, number>();
  for (const a of annotations) {
    for (const source of new Set(a.targets.map((t) => t.source as string))) {
      if (!have.has(source)) counts.set(source, (counts.get(source) ?? 0) + 1);
    }
  }
  return [...counts].map(([source, count]) => {
    const title = titles.get(source);
    return title === undefined ? { source, count } : { source, title, count };
  });
}
