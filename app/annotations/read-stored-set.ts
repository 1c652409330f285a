/**
 * Parses and validates the stored annotation set in a worker
 * (`stored-set-worker.ts`), for `openBrowserAnnotationStoreAsync`: the page
 * stays free to hydrate and paint meanwhile. The stored string goes to the
 * worker in slices, one short task each; the records come back as
 * batches of JSON, each parsed in one short task (`stored-set-protocol.ts`
 * says why). Resolves to `null` when the worker cannot be started or answers
 * unexpectedly; the store then reads storage itself.
 *
 * What it is for: moving the cost of reading 10,000 annotations off the
 * page's thread (bench/annotations-sidebar.ts). What it is not for: any
 * rule about stored data — the worker runs `parseStored` itself.
 */
import type { Annotation } from '../../annotations/model/annotation.ts';
import type { ParsedStore, StoredSetParser } from '../../annotations/store.ts';
import {
  STORED_SET_SLICE,
  type StoredSetReply,
  type StoredSetRequest,
} from './stored-set-protocol.ts';
import { pauseForPage } from '../../annotations/pause-for-page.ts';

/** See the module comment. */
export const readStoredSetInWorker: StoredSetParser = (raw) => {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./stored-set-worker.ts', import.meta.url), {
      type: 'module',
      name: 'diptych-stored-annotations',
    });
  } catch {
    return Promise.resolve(null);
  }
  return new Promise<ParsedStore | null>((resolve) => {
    const annotations: Annotation[] = [];
    let finished = false;
    const finish = (result: ParsedStore | null): void => {
      if (finished) return;
      finished = true;
      worker.terminate();
      resolve(result);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish(null);
    };
    worker.onmessageerror = () => finish(null);
    worker.onmessage = (event: MessageEvent<StoredSetReply>) => {
      // Not trusted blindly: a malformed reply means "read it yourself", never a partial set.
      const reply = event.data as StoredSetReply | null;
      if (reply?.type === 'records' && typeof reply.json === 'string') {
        let records: unknown;
        try {
          records = JSON.parse(reply.json);
        } catch {
          return finish(null);
        }
        if (!Array.isArray(records)) return finish(null);
        for (const record of records as Annotation[]) annotations.push(record);
      } else if (
        reply?.type === 'done' &&
        reply.count === annotations.length &&
        typeof reply.revision === 'number' &&
        typeof reply.deleted === 'object' &&
        reply.deleted !== null &&
        Array.isArray(reply.invalid)
      ) {
        finish({
          set: { annotations, deleted: reply.deleted, revision: reply.revision },
          problem: reply.problem,
          invalid: reply.invalid,
        });
      } else {
        finish(null);
      }
    };
    const send = async (): Promise<void> => {
      for (let from = 0; from < raw.length && !finished; from += STORED_SET_SLICE) {
        const text = raw.slice(from, from + STORED_SET_SLICE);
        worker.postMessage({ type: 'text', text } satisfies StoredSetRequest);
        await pauseForPage();
      }
      if (!finished) worker.postMessage({ type: 'end' } satisfies StoredSetRequest);
    };
    send().catch(() => finish(null));
  });
};
