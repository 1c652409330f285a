/**
 * The messages between the page (`read-stored-set.ts`) and the
 * stored-annotations worker (`stored-set-worker.ts`).
 *
 * Both directions are shaped by what the page's thread pays for them, not
 * the worker's (bench/annotations-sidebar.ts, issue 15: no task over 100 ms
 * while 10,000 annotations load):
 * - to the worker, the stored string goes in slices, one short task each:
 *   posting the whole 5 MB string copied it in one task of 50–240 ms.
 *   (Encoding it to UTF-8 to transfer the bytes was slower still: the text's
 *   few Korean and Russian characters make it a two-byte string, which
 *   `TextEncoder` takes 30–50 ms a megabyte for.)
 * - to the page, the valid records come as JSON text in batches: the page's
 *   `JSON.parse` of a batch costs a fraction of what structured-clone
 *   deserialization of the same objects cost (60–165 ms per 1,000 records).
 *
 * Why the replies are not checked with a schema, unlike the other workers'
 * (`citer-protocol.ts`, `library/parse-protocol.ts`): what the worker sends
 * is the output of `parseStored`, which has just checked every record with
 * the model's schema; checking 10,000 records again on the page would undo
 * the point of the worker. The page checks the envelope of each message (its
 * type, that records come as a list, that the count adds up) and falls back
 * to reading storage itself on anything unexpected.
 */
import type { ParsedStore } from '../../annotations/store.ts';

/** Records per reply: each batch is taken in by the page in one short task. */
export const STORED_SET_BATCH = 250;

/** UTF-16 code units of the stored string per message to the worker (a few ms to copy). */
export const STORED_SET_SLICE = 512 * 1024;

/** A message from the page. */
export type StoredSetRequest =
  /** The next slice of the stored string. */
  | { readonly type: 'text'; readonly text: string }
  /** The string is complete: parse it. */
  | { readonly type: 'end' };

/** A message from the worker. */
export type StoredSetReply =
  /** A batch of valid records, in stored order, as a JSON array. */
  | { readonly type: 'records'; readonly json: string }
  /** The end: the rest of `ParsedStore`, and how many records were sent. */
  | {
      readonly type: 'done';
      readonly count: number;
      readonly deleted: ParsedStore['set']['deleted'];
      readonly revision: number;
      readonly problem: ParsedStore['problem'];
      readonly invalid: ParsedStore['invalid'];
    }
  /** The request was not understood. */
  | { readonly type: 'failed' };
