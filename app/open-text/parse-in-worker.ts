/**
 * `parseInWorker(file | text, { signal, onProgress })`: a text a reader
 * opens, parsed into an edition in a Web Worker (`parse-worker.ts`), so the
 * page stays responsive however hostile the file (issue 12, item 3).
 *
 * Budgets, the same as the CLI's `diptych parse`: the size is checked
 * before the file is read (`MAX_TEXT_BYTES`); nesting is checked before
 * parsing (`checkNesting`, in the worker); and the worker is stopped when
 * `PARSE_TIME_LIMIT_MS` passes. Aborting `signal` stops it at once (the
 * reader's Cancel). Each call has its own worker, terminated when it ends.
 *
 * What it is for: "Open a text" and anything else that turns a reader's
 * file into an edition (a library of texts). What it is not for: the
 * built-in editions, parsed at build time.
 *
 * Never rejects: every outcome is an `OpenedText`, with a reason in words
 * that names the file.
 */
import { PARSE_TIME_LIMIT_MS } from '../../sources/check-nesting.ts';
import type { Block, Edition } from '../../sources/edition.ts';
import { MAX_TEXT_BYTES } from '../../sources/read-text.ts';
import { sourceIdFromFileName, uniqueSourceId } from '../../sources/source-id.ts';
import { ParseReplySchema, type ParseRequest } from './parse-protocol.ts';

/** An edition, or why there is none (`cancelled` when the caller aborted). */
export type OpenedText =
  | { readonly ok: true; readonly edition: Edition }
  | { readonly ok: false; readonly reason: string; readonly cancelled?: true };

/** How far a parse is; `fraction` runs from 0 to 1 over the whole job. */
export interface OpenProgress {
  /** `reading` the file, parsing its `markdown`, finding `sentences`, `receiving` the edition. */
  readonly stage: 'reading' | 'markdown' | 'sentences' | 'receiving';
  readonly fraction: number;
}

/** Options of `parseInWorker`. */
export interface ParseInWorkerOptions {
  /** Aborting it stops the worker; the result is `cancelled`. */
  readonly signal?: AbortSignal;
  /** Told as the parse advances (a few times a second at most on long texts). */
  readonly onProgress?: (progress: OpenProgress) => void;
  /** Ids already in use: the edition gets one that is not among them. */
  readonly taken?: ReadonlySet<string>;
  /** The name to show and derive the id from (default: the file's name, or `text`). */
  readonly name?: string;
  /** Overrides `PARSE_TIME_LIMIT_MS` (tests). */
  readonly timeLimitMs?: number;
}

/** Where each stage starts and ends on the 0–1 progress scale. */
const STAGE_SPAN = {
  reading: [0, 0.05],
  markdown: [0.05, 0.4],
  sentences: [0.4, 0.95],
  receiving: [0.95, 1],
} as const;

const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);

/** Parses a file or a string into an edition, off the page's thread. */
export async function parseInWorker(
  input: File | string,
  options: ParseInWorkerOptions = {},
): Promise<OpenedText> {
  const name = options.name ?? (typeof input === 'string' ? 'text' : input.name);
  const quoted = `“${name}”`;
  const { signal, onProgress } = options;
  const cancelled = (): OpenedText => ({
    ok: false,
    cancelled: true,
    reason: `Opening ${quoted} was cancelled.`,
  });
  if (signal?.aborted) return cancelled();
  const size = typeof input === 'string' ? input.length : input.size;
  // Checked before reading: a 1 GB file is refused without being loaded (issue 12, item 6).
  if (size > MAX_TEXT_BYTES)
    return {
      ok: false,
      reason: `${quoted} is too large (${mb(size)} MB; the limit is ${mb(MAX_TEXT_BYTES)} MB).`,
    };
  onProgress?.({ stage: 'reading', fraction: 0 });
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes =
      typeof input === 'string'
        ? new TextEncoder().encode(input)
        : new Uint8Array(await input.arrayBuffer());
  } catch {
    return { ok: false, reason: `${quoted} could not be read.` };
  }
  if (signal?.aborted) return cancelled();
  const id = uniqueSourceId(sourceIdFromFileName(name), options.taken ?? new Set());
  let worker: Worker;
  try {
    worker = new Worker(new URL('./parse-worker.ts', import.meta.url), {
      type: 'module',
      name: 'diptych-parse',
    });
  } catch {
    return {
      ok: false,
      reason: `${quoted} could not be opened: this browser cannot start a worker.`,
    };
  }
  const limit = options.timeLimitMs ?? PARSE_TIME_LIMIT_MS;
  return new Promise<OpenedText>((resolve) => {
    const blocks: Block[] = [];
    let lastReport = 0;
    const finish = (result: OpenedText): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      worker.terminate();
      resolve(result);
    };
    const onAbort = (): void => finish(cancelled());
    signal?.addEventListener('abort', onAbort);
    const timer = setTimeout(
      () =>
        finish({
          ok: false,
          reason: `${quoted} took longer than ${Math.round(limit / 1000)} s to parse and was stopped; nothing was opened.`,
        }),
      limit,
    );
    const report = (stage: OpenProgress['stage'], done: number, total: number): void => {
      const now = performance.now();
      if (!onProgress || (now - lastReport < 100 && done < total)) return;
      lastReport = now;
      const [from, to] = STAGE_SPAN[stage];
      onProgress({ stage, fraction: from + ((to - from) * done) / Math.max(total, 1) });
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish({ ok: false, reason: `${quoted} could not be parsed.` });
    };
    worker.onmessageerror = () => finish({ ok: false, reason: `${quoted} could not be parsed.` });
    worker.onmessage = (event: MessageEvent<unknown>) => {
      const reply = ParseReplySchema.safeParse(event.data);
      if (!reply.success) return finish({ ok: false, reason: `${quoted} could not be parsed.` });
      const data = reply.data;
      switch (data.type) {
        case 'progress':
          return report(data.stage, data.done, data.total);
        case 'blocks':
          for (const block of data.blocks) blocks.push(block as unknown as Block);
          return report('receiving', 0, 1);
        case 'refused':
          return finish({ ok: false, reason: `${quoted} ${data.reason}.` });
        case 'done':
          report('receiving', 1, 1);
          return finish({
            ok: true,
            edition: { ...(data.edition as unknown as Omit<Edition, 'blocks'>), blocks },
          });
      }
    };
    const request = { type: 'parse', bytes, id, title: name } satisfies ParseRequest;
    worker.postMessage(request, [bytes.buffer]);
  });
}
