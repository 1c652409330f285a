/**
 * Merging two annotation sets: what one tab does when another tab saved
 * (`storage` event), and what every save does with what is already stored,
 * so that two tabs editing at once both keep their changes.
 *
 * The rule, per annotation id:
 * - present on one side only: kept, unless a tombstone says it was deleted
 *   at or after its `modified` time;
 * - present on both: the later `modified` wins; on a tie, the one whose JSON
 *   sorts first, so every tab picks the same one;
 * - tombstones: the union, keeping the later deletion time per id.
 * Edits to *different* annotations therefore never conflict. Two edits to
 * the *same* annotation keep the later one (last writer wins): merging a
 * note's text would need an edit history we do not keep.
 *
 * The merge is commutative, associative and idempotent, so tabs converge
 * whatever order their saves arrive in. `revision` is the larger of the two.
 *
 * What it is for: pure set logic. What it is not for: I/O or validation
 * (both sides come from `parseStored` or the store, already valid).
 */
import type { Annotation } from '../model/annotation.ts';

/** An annotation set as kept in storage and in the store. */
export interface AnnotationSet {
  /** The live annotations, in no particular order. */
  readonly annotations: readonly Annotation[];
  /** Tombstones: id → deletion time (ISO, UTC). */
  readonly deleted: Readonly<Record<string, string>>;
  /** The revision of the last save this set includes. */
  readonly revision: number;
}

/** An empty set. */
export const EMPTY_SET: AnnotationSet = Object.freeze({
  annotations: [],
  deleted: {},
  revision: 0,
});

/** The later of two versions of the same annotation (deterministic on ties). */
export function newer(a: Annotation, b: Annotation): Annotation {
  const ta = Date.parse(a.modified);
  const tb = Date.parse(b.modified);
  if (ta !== tb) return ta > tb ? a : b;
  const ja = JSON.stringify(a);
  const jb = JSON.stringify(b);
  return ja <= jb ? a : b;
}

/** True if the tombstone (if any) outlives the annotation's last change. */
function isDeleted(a: Annotation, deleted: Readonly<Record<string, string>>): boolean {
  const at = deleted[a.id];
  return at !== undefined && Date.parse(at) >= Date.parse(a.modified);
}

/** Merges tombstones, keeping the later time per id. */
function mergeTombstones(
  a: Readonly<Record<string, string>>,
  b: Readonly<Record<string, string>>,
): Record<string, string> {
  const out: Record<string, string> = { ...a };
  for (const [id, at] of Object.entries(b)) {
    const mine = out[id];
    out[id] = mine === undefined || Date.parse(at) > Date.parse(mine) ? at : mine;
  }
  return out;
}

/** Merges two sets by the rule above. Output annotations are sorted by id, so equal inputs give equal outputs. */
export function mergeSets(a: AnnotationSet, b: AnnotationSet): AnnotationSet {
  const deleted = mergeTombstones(a.deleted, b.deleted);
  const byId = new Map<string, Annotation>();
  for (const x of [...a.annotations, ...b.annotations]) {
    const seen = byId.get(x.id);
    byId.set(x.id, seen ? newer(seen, x) : x);
  }
  const annotations = [...byId.values()]
    .filter((x) => !isDeleted(x, deleted))
    .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return { annotations, deleted, revision: Math.max(a.revision, b.revision) };
}

/** True if the two sets hold the same annotations and tombstones (revision aside). */
export function sameSet(a: AnnotationSet, b: AnnotationSet): boolean {
  // Counts first: comparing two sets of thousands as JSON is what a sync batch must not pay for each time.
  if (
    a.annotations.length !== b.annotations.length ||
    Object.keys(a.deleted).length !== Object.keys(b.deleted).length
  )
    return false;
  const key = (s: AnnotationSet) =>
    JSON.stringify([
      [...s.annotations].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)),
      Object.entries(s.deleted).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)),
    ]);
  return key(a) === key(b);
}
