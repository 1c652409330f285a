/**
 * A persistence that lets a second party — the sync replica — watch and feed
 * the store without the store knowing (issue 13). It wraps another
 * persistence (localStorage's, `port-persistence.ts`), which stays the
 * store of record for what the reader sees:
 *
 * - every set the store saves, or takes in from another tab, is announced
 *   to the watchers with where it came from (`local`: a change made in this
 *   tab; `tab`: merged from another tab), so the replica can write the
 *   reader's changes to its layer databases;
 * - `receive` lets the replica change the store's set (documents that came
 *   from the server, already validated): the result is saved through the
 *   wrapped persistence, handed to the store, and announced as `replica`,
 *   which the replica does not write back;
 * - a replica catching up with thousands of documents may hand them over
 *   unsaved (`receive(…, { save: 'later' })`) and save once when it goes
 *   quiet (`saveReceived`): saving writes the whole set (5 MB for 10,000
 *   annotations, hundreds of milliseconds in one `setItem`), so saving each
 *   batch froze the page for most of a replication. Nothing is lost
 *   meanwhile: the documents are in the replica's own database, which the
 *   replica reads again from its start on the next visit; and any change
 *   saved here before then (the reader's, another tab's) saves the whole
 *   set, received documents included.
 *
 * Without a replica attached it behaves exactly like the persistence it
 * wraps: no server, today's behaviour.
 */
import { sameSet, type AnnotationSet } from './merge.ts';
import type { Persisted, Persistence } from './persistence.ts';

/** Where a set announced to the watchers came from. */
export type SetOrigin = 'local' | 'tab' | 'replica';

/** What a replica gets: the store's set, its changes, and a way to change it. */
export interface PersistenceHub {
  /** The store's current set (empty until the store has connected). */
  current(): AnnotationSet;
  /** Calls `listener` after every set the store holds; returns the unsubscribe function. */
  watch(listener: (set: AnnotationSet, origin: SetOrigin) => void): () => void;
  /**
   * Changes the store's set with `update` (given the current set). A result
   * equal to the current set changes nothing. Returns the set held after.
   */
  receive(
    update: (set: AnnotationSet) => AnnotationSet,
    options?: { readonly save?: 'now' | 'later' },
  ): AnnotationSet;
  /** Whether a set received with `save: 'later'` has not been saved yet. */
  unsaved(): boolean;
  /** Saves what was received with `save: 'later'` (no-op when nothing waits); the outcome is the store's `save`. */
  saveReceived(): void;
  /**
   * `saveReceived` over short tasks (`pause()` between them; see
   * `Persistence.persistInSlices`): the serializing and hashing sliced, the
   * `setItem` alone in its task, the store told in the next, so its
   * re-render is not part of the save's task. Gives way, saving nothing,
   * when anything changes the store or saves meanwhile: a save of the
   * whole set (`saveReceived`, a change of the reader's) has saved it then;
   * a newer set received leaves `unsaved()` true, for the caller to try again.
   */
  saveReceivedInSlices(pause: () => Promise<void>): Promise<void>;
}

/** `base` with a hub for a replica (see the module comment). */
export function hubPersistence(base: Persistence): Persistence & { readonly hub: PersistenceHub } {
  const listeners = new Set<(set: AnnotationSet, origin: SetOrigin) => void>();
  let current: () => AnnotationSet = () => base.loaded.set;
  let apply: ((next: Persisted) => void) | null = null;
  /** True while the store holds a received set that was not saved (`save: 'later'`). */
  let unsaved = false;

  function announce(set: AnnotationSet, origin: SetOrigin): void {
    for (const listener of [...listeners]) {
      try {
        listener(set, origin);
      } catch (error) {
        // A watcher's failure must never undo or block the reader's change.
        console.error('A sync watcher failed', error);
      }
    }
  }

  /** A set saved through `base` (the store's whole set): nothing received waits any more. */
  function announced(persisted: Persisted, origin: SetOrigin): Persisted {
    if (persisted.save.kind === 'saved') unsaved = false;
    announce(persisted.set, origin);
    return persisted;
  }

  /** Gives the store a save of what was received, and tells the watchers. */
  function handOverSaved(persisted: Persisted): void {
    apply?.(persisted);
    // As a change made here: what the save merged in from another tab is the replica's to write.
    announce(persisted.set, 'local');
  }

  const hub: PersistenceHub = {
    current: () => current(),
    watch(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    receive(update, options) {
      const before = current();
      const next = update(before);
      if (next === before || sameSet(next, before)) return before;
      if (options?.save === 'later' && apply) {
        unsaved = true;
        apply({ set: next, save: base.save });
        announce(next, 'replica');
        return next;
      }
      const persisted = base.persist(next);
      if (persisted.save.kind === 'saved') unsaved = false;
      apply?.(persisted);
      announce(persisted.set, 'replica');
      return persisted.set;
    },
    unsaved: () => unsaved,
    saveReceived() {
      if (!unsaved) return;
      const persisted = base.persist(current());
      if (persisted.save.kind === 'saved') unsaved = false;
      handOverSaved(persisted);
    },
    async saveReceivedInSlices(pause) {
      if (!unsaved) return;
      if (!base.persistInSlices || !apply) {
        hub.saveReceived();
        return;
      }
      const set = current();
      const persisted = await base.persistInSlices(set, pause, () => unsaved && current() === set);
      if (persisted === null) return;
      if (persisted.save.kind === 'saved') unsaved = false;
      // The store takes the saved set (its new revision, or the save's failure) in a task of its
      // own: taking it re-renders the reader, which is not the save's task to pay for.
      await pause();
      // Changed meanwhile: by a save of the whole set (this one's revision was counted), or by a
      // newer set received (unsaved again, and held with its save state): nothing to hand over.
      if (current() !== set) return;
      handOverSaved(persisted);
    },
  };

  return {
    hub,
    get kind() {
      return base.kind;
    },
    get loaded() {
      return base.loaded;
    },
    get save() {
      return base.save;
    },
    persist: (set) => announced(base.persist(set), 'local'),
    persistIfFits(set) {
      const result = base.persistIfFits(set);
      return 'refused' in result ? result : announced(result, 'local');
    },
    retry: (set) => announced(base.retry(set), 'local'),
    connect(read, applyNext) {
      current = read;
      apply = applyNext;
      const stop = base.connect(read, (next) => {
        applyNext(next);
        announce(next.set, 'tab');
      });
      return () => {
        stop();
        apply = null;
      };
    },
  };
}
