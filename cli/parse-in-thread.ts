/**
 * Runs a `diptych parse` job (`parse-job.ts`) in a worker thread and stops
 * it when the time limit passes — the same budget the reader's "Open a
 * text" has (`PARSE_TIME_LIMIT_MS`, issue 12): a parse that runs away ends
 * with a one-line error instead of hanging the command.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ParseJob, ParseJobResult } from './parse-job.ts';

/**
 * The thread's script. Built, this module runs in `dist-cli/`, beside the compiled thread
 * (`parse-thread-compiled.ts`); from source (the tests, tsx) it is in `cli/`, where
 * `parse-thread.js` registers tsx first. (`import.meta.dirname`, not `import.meta.url`: the build
 * rewrites the latter to each module's source file.)
 */
function threadScript(): string {
  const compiled = join(import.meta.dirname, 'parse-thread.mjs');
  return existsSync(compiled) ? compiled : join(import.meta.dirname, 'parse-thread.js');
}

/** The job's result, or `timedOut` when the limit passed first. */
export type ThreadResult = ParseJobResult | { readonly ok: false; readonly timedOut: true };

/** Runs `job` in a worker thread, for at most `limitMs`. */
export function parseInThread(job: ParseJob, limitMs: number): Promise<ThreadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(threadScript(), { workerData: job });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ ok: false, timedOut: true });
    }, limitMs);
    worker.once('message', (result: ParseJobResult) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
