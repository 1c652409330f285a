/**
 * Adds the record edits an imported annotation or workspace file carries
 * (`ImportOutcome.records`) to the reader's store, keeping the reader's own
 * where they differ (`mergeRecordOverrides`), as one undoable change; returns
 * the sentence to append to the import's summary.
 */
import {
  describeRecordMerge,
  mergeRecordOverrides,
  type RecordOverrides,
} from '../../sources/citation/record-overrides.ts';
import { sourceMetadata } from '../../sources/metadata.ts';
import { recordOverrideStore, type RecordOverrideStore } from './record-override-store.ts';

/** Merges `records` into the store (default: the page's); `''` when there were none. */
export function importRecordEdits(
  records: RecordOverrides | undefined,
  store: RecordOverrideStore = recordOverrideStore(),
): string {
  if (!records || Object.keys(records).length === 0) return '';
  const merge = mergeRecordOverrides(store.all(), records);
  const label = (id: string) => sourceMetadata(id)?.label ?? id;
  if (merge.added.length) {
    const written = store.replaceAll(merge.merged);
    if (!written.ok) return ` The file’s record edits were not used: ${written.error}.`;
  }
  const problem = merge.added.length ? store.problem() : null;
  return `${describeRecordMerge(merge, label)}${problem ? ` ${problem}` : ''}`;
}
