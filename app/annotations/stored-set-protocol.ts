/**
 * The messages of the stored-annotations worker (`stored-set-worker.ts`) to
 * the page (`read-stored-set.ts`).
 *
 * Why the replies are not checked with a schema, unlike the other workers'
 * (`citer-protocol.ts`, `library/parse-protocol.ts`): what the worker sends
 * is the output of `parseStored`, which has just checked every record with
 * the model's schema; checking 10,000 records again on the page would undo
 * the point of the worker. The page checks the envelope of each message (its
 * type, that records come as a list, that the count adds up) and falls back
 * to reading storage itself on anything unexpected.
 */
import type { Annotation } from '../../annotations/model/annotation.ts';
import type { ParsedStore } from '../../annotations/store.ts';

/** Records per message: each batch is taken in by the page in one short task. */
export const STORED_SET_BATCH = 1000;

/** A message from the worker. */
export type StoredSetReply =
  /** A batch of valid records, in stored order. */
  | { readonly type: 'records'; readonly records: readonly Annotation[] }
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
