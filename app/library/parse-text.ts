/**
 * The one seam through which the app parses a text a reader adds: a file, a
 * paste, a drop, a re-import, a stored text whose edition cache was lost, a
 * workspace file.
 *
 * The parse runs in a Web Worker (`parse-worker.ts`, which runs
 * `sources/import-text.ts`), so the page stays responsive however hostile
 * the text (issue 12, item 3: crafted Markdown froze the tab for minutes).
 * Budgets, the same as the CLI's `diptych parse`: the caller checks a
 * file's size before reading it (`MAX_TEXT_BYTES`); nesting is checked
 * before parsing (`checkNesting`, in the worker); and the worker is stopped
 * when `PARSE_TIME_LIMIT_MS` passes. Aborting `signal` stops it at once
 * (the reader's Cancel). Each call has its own worker, terminated when it
 * ends.
 *
 * Never rejects: every outcome is a result, with a reason in words that
 * names the text.
 */
import { PARSE_TIME_LIMIT_MS } from '../../sources/check-nesting.ts';
import type { Block, Edition } from '../../sources/edition.ts';
import type { ImportedText } from '../../sources/import-text.ts';
import { MAX_TEXT_BYTES } from '../../sources/read-text.ts';
import {
  BlockBatchSchema,
  ParseReplySchema,
  type ParseRequest,
  type TextWithoutParts,
} from './parse-protocol.ts';

/** A parsed text, or why there is none (`cancelled` when the caller aborted). */
export type ParseTextResult =
  | { readonly ok: true; readonly text: ImportedText }
  | { readonly ok: false; readonly reason: string; readonly cancelled?: true };

/** Options of `parseTextBytes` and `parseTextString`. */
export interface ParseTextOptions {
  /** Keep this id (a new version of a stored text) instead of deriving one. */
  readonly id?: string;
  /** Aborting it stops the worker; the result is `cancelled`. */
  readonly signal?: AbortSignal;
  /** Told, a few times a second at most, how far the parse is: 0 to 1. */
  readonly onProgress?: (fraction: number) => void;
  /** Overrides `PARSE_TIME_LIMIT_MS` (tests). */
  readonly timeLimitMs?: number;
}

/** Where the Markdown parse starts and ends on the 0–1 progress scale (the rest: sentences, receiving). */
const MARKDOWN_SPAN = [0.02, 0.7] as const;

/**
 * The name to parse a stored text's content under, so that it parses as it did when added:
 * HTML was stored as the Markdown extracted from it (so `.md`), and a `.txt` file whose first
 * line was not taken as its title (added before `firstLineTitle`, or not standing alone) is
 * read without that rule, so its addresses stay as they were.
 */
export function storedTextName(
  entry: Readonly<{ name: string; format: string; facts: { titleFrom: string } }>,
): string {
  const plainTextTitled = /\.txt$/i.test(entry.name) && entry.facts.titleFrom === 'first line';
  return entry.format === 'html' || (/\.txt$/i.test(entry.name) && !plainTextTitled)
    ? `${entry.name}.md`
    : entry.name;
}

/** Checks and parses a file's bytes into a text (see `sources/import-text.ts`). */
export function parseTextBytes(
  bytes: Uint8Array<ArrayBuffer>,
  name: string,
  options: ParseTextOptions = {},
): Promise<ParseTextResult> {
  return parseInWorker(bytes, name, options);
}

/** The same for text already decoded (a paste, stored content), with the same size limit. */
export function parseTextString(
  text: string,
  name: string,
  options: ParseTextOptions = {},
): Promise<ParseTextResult> {
  // UTF-8 takes at least a byte per UTF-16 unit, so only a long text needs encoding to be measured.
  const bytes = text.length > MAX_TEXT_BYTES / 3 ? new Blob([text]).size : 0;
  if (bytes > MAX_TEXT_BYTES)
    return Promise.resolve({
      ok: false,
      reason: `“${name}” is too large (${(bytes / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_TEXT_BYTES / 1024 / 1024} MB).`,
    });
  return parseInWorker(text, name, options);
}

function parseInWorker(
  input: Uint8Array<ArrayBuffer> | string,
  name: string,
  options: ParseTextOptions,
): Promise<ParseTextResult> {
  const quoted = `“${name}”`;
  const { signal, onProgress } = options;
  const cancelled: ParseTextResult = {
    ok: false,
    cancelled: true,
    reason: `Cancelled: ${quoted} was not read.`,
  };
  if (signal?.aborted) return Promise.resolve(cancelled);
  let worker: Worker;
  try {
    worker = new Worker(new URL('./parse-worker.ts', import.meta.url), {
      type: 'module',
      name: 'diptych-parse',
    });
  } catch {
    return Promise.resolve({
      ok: false,
      reason: `${quoted} could not be read: this browser cannot start a worker.`,
    });
  }
  const limit = options.timeLimitMs ?? PARSE_TIME_LIMIT_MS;
  onProgress?.(0);
  return new Promise<ParseTextResult>((resolve) => {
    const blocks: Block[] = [];
    // The content and the edition's text so far. Concatenated slice by slice, not joined at
    // the end: V8 keeps a concatenation as a rope, flattened in a copy of a few ms when first
    // read, where joining the 3.3 MB of a 100,000-paragraph text's slices took 30–190 ms.
    const texts = { content: '', text: '' };
    const finish = (result: ParseTextResult): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      worker.terminate();
      resolve(result);
    };
    const onAbort = (): void => finish(cancelled);
    signal?.addEventListener('abort', onAbort);
    const timer = setTimeout(
      () =>
        finish({
          ok: false,
          reason: `${quoted} took longer than ${Math.round(limit / 1000)} s to parse and was stopped.`,
        }),
      limit,
    );
    const failed = (): void => finish({ ok: false, reason: `${quoted} could not be parsed.` });
    worker.onerror = (event) => {
      event.preventDefault();
      failed();
    };
    worker.onmessageerror = failed;
    worker.onmessage = (event: MessageEvent<unknown>) => {
      const reply = ParseReplySchema.safeParse(event.data);
      if (!reply.success) return failed();
      const data = reply.data;
      switch (data.type) {
        case 'progress': {
          const [from, to] = MARKDOWN_SPAN;
          return onProgress?.(from + ((to - from) * data.done) / data.total);
        }
        case 'blocks': {
          let batch: unknown;
          try {
            batch = JSON.parse(data.json);
          } catch {
            return failed();
          }
          const checked = BlockBatchSchema.safeParse(batch);
          if (!checked.success) return failed();
          for (const block of checked.data) blocks.push(block as unknown as Block);
          return onProgress?.(0.9);
        }
        case 'slice':
          texts[data.field] += data.text;
          return;
        case 'refused':
          return finish({ ok: false, reason: data.reason });
        case 'done': {
          onProgress?.(1);
          const text = data.text as unknown as TextWithoutParts;
          return finish({
            ok: true,
            text: {
              ...text,
              content: texts.content,
              edition: { ...text.edition, blocks, text: texts.text } as Edition,
            },
          });
        }
      }
    };
    const request: ParseRequest = {
      type: 'parse',
      input,
      name,
      ...(options.id ? { id: options.id } : {}),
    };
    worker.postMessage(request, typeof input === 'string' ? [] : [input.buffer]);
  });
}
