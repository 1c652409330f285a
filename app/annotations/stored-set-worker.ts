/**
 * The stored-annotations worker: parses and validates the stored annotation
 * set (`parseStored`: `JSON.parse`, then every record against the model's
 * schema) off the page's thread. With 10,000 annotations that is a few
 * hundred milliseconds of work that would otherwise freeze the reader while
 * it starts (bench/annotations-sidebar.ts); here it runs on another core
 * while the page hydrates.
 *
 * Takes the string `localStorage` held (which a worker cannot read itself)
 * in slices, then answers with the valid records in batches of JSON
 * (`stored-set-protocol.ts` says why), then the rest of the parsed set.
 * What it is not for: deciding anything — backups and saving stay with the
 * store on the page.
 */
/// <reference lib="webworker" />
import { parseStored } from '../../annotations/store.ts';
import {
  STORED_SET_BATCH,
  type StoredSetReply,
  type StoredSetRequest,
} from './stored-set-protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const parts: string[] = [];
let failed = false;

const fail = (): void => {
  failed = true;
  scope.postMessage({ type: 'failed' } satisfies StoredSetReply);
};

scope.onmessage = (event: MessageEvent<unknown>) => {
  if (failed) return;
  const request = event.data as StoredSetRequest | null;
  if (request?.type === 'text' && typeof request.text === 'string') {
    parts.push(request.text);
    return;
  }
  if (request?.type !== 'end') return fail();
  const { set, problem, invalid } = parseStored(parts.join(''));
  parts.length = 0;
  const { annotations, deleted, revision } = set;
  for (let i = 0; i < annotations.length; i += STORED_SET_BATCH) {
    scope.postMessage({
      type: 'records',
      json: JSON.stringify(annotations.slice(i, i + STORED_SET_BATCH)),
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
