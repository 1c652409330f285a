/**
 * The layer and author filter (issue 13: "the sidebar and the Compare view
 * filter by layer and by author, and show who made each group annotation"):
 * what the replica knows of one annotation (its layer, its author, whether
 * it is the reader's, its conflict), and whether it passes a filter. One
 * home for the rule, used by the sidebar and the Compare view; rendering is
 * `layer-filter-controls.tsx`'s.
 *
 * Pure: no React, no DOM.
 */
import { groupOfDatabase } from '../../annotations/sync/database-names.ts';
import type {
  ConflictVersion,
  Layer,
  SyncSnapshot,
} from '../../annotations/replica/sync-engine.ts';

/** An annotation's sync facts, derived by `syncMetaOf`. */
export interface AnnotationSyncFacts {
  /** Its layer, or `null` when not synced yet. */
  readonly layer: Layer | null;
  /** Its author, when known. */
  readonly author: string | null;
  /** True when the signed-in reader wrote it (or it is not synced: it is theirs). */
  readonly mine: boolean;
  /** Every version, when it was edited in two places. */
  readonly conflict: readonly ConflictVersion[] | null;
  /** True while a change of the reader's to it is written here but not yet on the server. */
  readonly unsent: boolean;
  /**
   * True when its layer is a group the reader left on this device (`leaveGroup`): it stays
   * here, still the group's, and is no longer synced.
   */
  readonly left: boolean;
}

/** The facts for one annotation, or `null` when sync is not in use. */
export function syncMetaOf(snapshot: SyncSnapshot | null, id: string): AnnotationSyncFacts | null {
  if (!snapshot || (!snapshot.signedIn && Object.keys(snapshot.layerOf).length === 0)) return null;
  const db = snapshot.layerOf[id];
  const live = snapshot.layers.find((l) => l.db === db);
  // Signed in, a group database that is not live is one left on this device; signed out, no
  // layer is live and nothing is said to have been left.
  const leftGroup = !live && db !== undefined && snapshot.signedIn ? groupOfDatabase(db) : null;
  const layer: Layer | null =
    live ?? (leftGroup !== null && db ? { db, label: leftGroup, kind: 'group' } : null);
  const author = snapshot.authorOf[id] ?? null;
  return {
    left: leftGroup !== null,
    layer,
    author,
    mine: author === null || author === snapshot.user,
    conflict: snapshot.conflicts[id] ?? null,
    unsent: snapshot.unsent.has(id),
  };
}

/** A layer (its database) and an author to keep; `''` keeps all. */
export interface LayerFilter {
  readonly layer: string;
  readonly author: string;
}

/** Keeps everything. */
export const ALL_LAYERS: LayerFilter = { layer: '', author: '' };

/** True when the filter keeps everything. */
export function isOpenLayerFilter(filter: LayerFilter): boolean {
  return !filter.layer && !filter.author;
}

/**
 * Whether the reader's annotation `id` passes `filter`. One not synced yet
 * is in no layer and is the reader's own (what they make is theirs).
 */
export function passesLayerFilter(
  filter: LayerFilter,
  snapshot: SyncSnapshot | null,
  id: string,
): boolean {
  if (isOpenLayerFilter(filter)) return true;
  const facts = syncMetaOf(snapshot, id);
  if (filter.layer && (facts?.layer?.db ?? '') !== filter.layer) return false;
  if (filter.author && (facts?.author ?? snapshot?.user ?? '') !== filter.author) return false;
  return true;
}

/** The authors the author filter offers: every author the replica knows of, sorted. */
export function filterAuthors(snapshot: SyncSnapshot | null): string[] {
  return [...new Set(Object.values(snapshot?.authorOf ?? {}))].sort();
}
