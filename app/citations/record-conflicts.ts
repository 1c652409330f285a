/**
 * Which sources' records were edited on two devices and wait for the reader
 * to choose a version (issue 14, through sync): the sync replica publishes
 * them (`app/sync-panel/use-sync.ts`, from the engine's snapshot), and the
 * citation dialogs mark those records where they say "edited by you", so a
 * conflict is seen where the record is used, not only in the Sync panel.
 *
 * A page-wide value with a subscribe, for `useSyncExternalStore`; empty
 * without a server.
 */

let current: ReadonlySet<string> = new Set();
const listeners = new Set<() => void>();

/** Sets the sources in conflict (a new set only when it differs). */
export function publishRecordConflicts(sources: readonly string[]): void {
  if (sources.length === current.size && sources.every((s) => current.has(s))) return;
  current = new Set(sources);
  for (const l of [...listeners]) l();
}

/** The sources whose record was edited on two devices. */
export function recordConflicts(): ReadonlySet<string> {
  return current;
}

/** Calls `listener` after each change; returns the unsubscribe function. */
export function subscribeRecordConflicts(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
