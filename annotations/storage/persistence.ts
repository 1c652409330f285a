/**
 * The persistence seam: how the annotation store's state machine
 * (`annotations/state/apply-change.ts`) meets wherever sets are kept.
 *
 * Two directions cross it. Out: every change the reader makes here is handed
 * over as the store's new set (`persist`); the persistence saves it merged
 * with whatever else was saved meanwhile, and hands back the set the store
 * should now hold. In: changes made elsewhere — another tab today, a sync
 * replica later — arrive through `connect` as the merge of the store's set
 * with theirs. The store never reads storage, parses envelopes or merges;
 * a persistence never checks a change's rules.
 *
 * What it is for: the contract. `portPersistence` (`port-persistence.ts`)
 * implements it on a `StoragePort` (localStorage or memory).
 */
import type { AnnotationSet } from './merge.ts';
import type { StoragePort } from './storage-port.ts';

/** Whether the last change reached storage. */
export type SaveState =
  | { readonly kind: 'saved' }
  | {
      readonly kind: 'unsaved';
      /** `quota`: storage full; `error`: another write failure; `read-only`: unreadable stored data could not be backed up, so the store will not write over it. */
      readonly reason: 'quota' | 'error' | 'read-only';
      /** What to tell the reader, with the export button at hand. */
      readonly message: string;
    };

/** What opening found. */
export interface LoadedSet {
  /** The set to start from (already rewritten to storage when unreadable data was backed up). */
  readonly set: AnnotationSet;
  /** What loading found wrong (corrupt data moved to a backup key…), or `null`. */
  readonly message: string | null;
  /** The backup key made at load, if one was. */
  readonly backupKey: string | null;
}

/** The set the store should hold after a persistence step. */
export interface Persisted {
  /** The store's set merged with what was stored; saved unless `save` says otherwise. */
  readonly set: AnnotationSet;
  /** Whether it was saved. */
  readonly save: SaveState;
}

/** A persistence refused to write: the change would not fit, and nothing was changed. */
export interface Refused {
  /** Why, with the numbers (`wouldUse`, from the serialized size). */
  readonly message: string;
  /** The size the stored set would have had, in bytes (UTF-16, as browsers count `localStorage`). */
  readonly wouldUse: number;
  /** The size of what is stored now, in bytes. */
  readonly inUse: number;
}

/** Where the store's sets are kept. */
export interface Persistence {
  /** `memory` when the annotations are not kept beyond this tab. */
  readonly kind: StoragePort['kind'];
  /** What opening found. */
  readonly loaded: LoadedSet;
  /** The outcome of the last write. */
  readonly save: SaveState;
  /**
   * Saves a change made here. A failed write keeps the change in memory (the
   * returned set) and says why in `save`.
   */
  persist(set: AnnotationSet): Persisted;
  /**
   * `persist` spread over short tasks (`pause()` between them), for a large
   * set saved when nothing is waiting on it. Resolves to `null`, having
   * written nothing, when something else saved meanwhile or `stillCurrent()`
   * turns false (the set is no longer the store's). Optional: a persistence
   * without it is saved with `persist`.
   */
  persistInSlices?(
    set: AnnotationSet,
    pause: () => Promise<void>,
    stillCurrent: () => boolean,
  ): Promise<Persisted | null>;
  /**
   * Saves a change only if it fits: when the write fails because storage is
   * full, nothing changes and the refusal says by how much (an import must
   * not be shown as done when it cannot be kept).
   */
  persistIfFits(set: AnnotationSet): Persisted | { readonly refused: Refused };
  /** Tries again to save (after the reader freed space, or to back up unreadable data first). */
  retry(set: AnnotationSet): Persisted;
  /**
   * Starts receiving changes made elsewhere. `current` reads the store's
   * set; `apply` gets the merge to hold (already written back where the
   * other side lacked something). Returns the function that stops it.
   */
  connect(current: () => AnnotationSet, apply: (next: Persisted) => void): () => void;
}
