/**
 * What the citation dialogs share: the reader's record overrides (from
 * `record-override-store.ts`, live), the styles the reader added (live), and
 * `styleRef(id)`, what to send the citation worker for a style id (the
 * built-in id, or the added style itself).
 */
import { useSyncExternalStore } from 'react';
import type { CustomStyle } from '../../sources/citation/custom-style.ts';
import type { RecordOverrides } from '../../sources/citation/record-overrides.ts';
import { isStyleId, type StyleId } from '../../sources/citation/styles.ts';
import { loadCustomStyles, subscribeCustomStyles } from './custom-style-store.ts';
import { recordConflicts, subscribeRecordConflicts } from './record-conflicts.ts';
import { recordOverrideStore, type RecordOverrideStore } from './record-override-store.ts';

/** The shared citation state of the dialogs. */
export interface CitationLibrary {
  /** Every record override, keyed by source id. */
  readonly overrides: RecordOverrides;
  /** The store, to edit them. */
  readonly store: RecordOverrideStore;
  /** Sources whose record was edited on two devices (sync), waiting for the reader's choice. */
  readonly recordConflicts: ReadonlySet<string>;
  /** The styles the reader added. */
  readonly customStyles: readonly CustomStyle[];
  /** The worker's style for an id, or `undefined` for an added style that is gone. */
  readonly styleRef: (id: string) => StyleId | CustomStyle | undefined;
}

/** The hook. */
export function useCitationLibrary(): CitationLibrary {
  const store = recordOverrideStore();
  const overrides = useSyncExternalStore(store.subscribe, store.all, store.all);
  const customStyles = useSyncExternalStore(
    subscribeCustomStyles,
    () => loadCustomStyles(),
    () => loadCustomStyles(),
  );
  const conflicts = useSyncExternalStore(
    subscribeRecordConflicts,
    recordConflicts,
    recordConflicts,
  );
  const styleRef = (id: string) => (isStyleId(id) ? id : customStyles.find((s) => s.id === id));
  return { overrides, store, recordConflicts: conflicts, customStyles, styleRef };
}
