/**
 * The stored-annotations worker: parses and validates the stored annotation
 * set (`parseStored`: `JSON.parse`, then every record against the model's
 * schema) off the page's thread. With 10,000 annotations that is a few
 * hundred milliseconds of work that would otherwise freeze the reader while
 * it starts (bench/annotations-sidebar.ts); here it runs on another core
 * while the page hydrates.
 *
 * Answers one request, `{ raw }` (the string `localStorage` held, which a
 * worker cannot read itself), with the protocol of `read-stored-set.ts`:
 * the valid records in batches (so the page takes them in small tasks), then
 * the rest of the parsed set. What it is not for: deciding anything —
 * backups and saving stay with the store on the page.
 */
/// <reference lib="webworker" />
import { parseStored } from '../../annotations/store.ts';
import { STORED_SET_BATCH, type StoredSetReply } from './stored-set-protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<unknown>) => {
  const raw = (event.data as { raw?: unknown } | null)?.raw;
  if (typeof raw !== 'string') {
    scope.postMessage({ type: 'failed' } satisfies StoredSetReply);
    return;
  }
  const { set, problem, invalid } = parseStored(raw);
  const { annotations, deleted, revision } = set;
  for (let i = 0; i < annotations.length; i += STORED_SET_BATCH) {
    scope.postMessage({
      type: 'records',
      records: annotations.slice(i, i + STORED_SET_BATCH),
    } satisfies StoredSetReply);
  }
  scope.postMessage({
    type: 'done',
    count: annotations.length,
    deleted,
    revision,
    problem,
    invalid,
  } satisfies StoredSetReply);
};
