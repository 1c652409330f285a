/**
 * The annotation state machine: add, update, delete, undo and import, as a
 * pure function from a state and a change to the next state and a result.
 *
 * What it is for: the rules of a change — each is checked against the
 * model's schema, nothing changes unless it is valid, and every change but
 * an undo can be undone. Pure: the clock reading and the new id come in with
 * the change, so the same state and change always give the same result
 * (Excalidraw's actions return the next state in the same way,
 * `packages/excalidraw/actions/`). What it is not for: saving, or merging
 * what other tabs (or, later, a sync replica) saved — the store
 * (`annotations/store.ts`) hands every new set to a `Persistence`
 * (`annotations/storage/persistence.ts`) and takes back what it holds.
 *
 * Undo steps are data (what to put back or take away), not closures, so a
 * state can be inspected and compared.
 */
import { z } from 'zod';
import {
  AnnotationSchema,
  completeAnnotation,
  type Annotation,
  type AnnotationId,
  type NewAnnotation,
} from '../model/annotation.ts';
import type { AnnotationSet } from '../storage/merge.ts';
import { nextStamp, stampAfter } from './stamps.ts';
import { issuesOf } from '../../sources/util/zod-issue.ts';
import { counted } from '../../sources/util/plural.ts';

/** One problem with a change, by field. */
export interface FieldError {
  /** The field, as a dotted path (`note`, `targets.0.selectors.quote.exact`); empty for the whole annotation. */
  readonly path: string;
  /** What is wrong. */
  readonly message: string;
}

/** The result of a change. Nothing is changed unless `ok`. */
export type ChangeResult =
  | { readonly ok: true; readonly annotation: Annotation }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

/** What `update` may change. `null` removes an optional field. */
export interface AnnotationPatch {
  readonly motivation?: Annotation['motivation'];
  readonly color?: NonNullable<Annotation['color']> | null;
  readonly note?: string | null;
  readonly tags?: readonly string[];
  readonly targets?: Annotation['targets'];
  readonly link?: NonNullable<Annotation['link']> | null;
}

/** Why an import that was valid was not made: it would not fit in storage. */
export interface ImportRefusal {
  /** What to tell the reader, with the numbers. */
  readonly message: string;
  /** The size the stored annotations would have had with the import, in bytes. */
  readonly wouldUse: number;
  /** The size they take now, in bytes. */
  readonly inUse: number;
}

/** The result of an import: all added, or nothing changed. */
export type AddManyResult =
  | {
      readonly ok: true;
      readonly added: number;
      readonly duplicates: number;
      /** Set (to why) when the added annotations are only in this tab: the write failed. Absent when they were saved. */
      readonly notSaved?: string;
    }
  | {
      readonly ok: false;
      /** The invalid records (empty when the import was refused for its size). */
      readonly errors: readonly (FieldError & { readonly index: number })[];
      /** Set when every record was valid but the import would not fit in storage. */
      readonly refused?: ImportRefusal;
    };

/** How to reverse one change. */
export type UndoStep =
  /** Put this version back (reverses an edit or a delete). */
  | { readonly label: string; readonly kind: 'restore'; readonly previous: Annotation }
  /** Delete these (reverses an add or an import); `first` is what the undo reports. An import's undo tombstones every id it added, present here or not, so no tab keeps one. */
  | {
      readonly label: string;
      readonly kind: 'remove';
      readonly ids: readonly string[];
      readonly first: Annotation;
      readonly import: boolean;
    };

/** The state machine's state. */
export interface EditState {
  /** The annotations and tombstones. */
  readonly set: AnnotationSet;
  /** What `undo` steps back through, oldest first. */
  readonly undo: readonly UndoStep[];
  /** The last stamp this state machine made (ms): own stamps strictly increase within what the clock gives. */
  readonly lastStamp: number;
}

/** A change, as data. */
export type Change =
  /** A new annotation; `id` is the one it gets. */
  | { readonly kind: 'add'; readonly input: NewAnnotation; readonly id: AnnotationId }
  | { readonly kind: 'update'; readonly id: string; readonly patch: AnnotationPatch }
  | { readonly kind: 'delete'; readonly id: string }
  | { readonly kind: 'undo' }
  /** Complete records (an import), all or nothing; ids already present are duplicates. */
  | { readonly kind: 'import'; readonly records: readonly unknown[] };

/** What the change needs from outside. */
export interface ChangeContext {
  /** The clock reading for this change (ms since the epoch). */
  readonly now: number;
  /** How many steps `undo` keeps. */
  readonly undoLimit: number;
}

/** The next state (the same object when nothing changed) and what to report. */
export interface Applied<R> {
  readonly state: EditState;
  readonly result: R;
}

/** The result type of each change kind. */
export type ResultOf<C extends Change> = C extends { kind: 'undo' }
  ? ChangeResult | null
  : C extends { kind: 'import' }
    ? AddManyResult
    : ChangeResult;

/** A state holding `set`, with nothing to undo. */
export function initialState(set: AnnotationSet): EditState {
  return { set, undo: [], lastStamp: 0 };
}

const fieldErrors = (error: z.ZodError): FieldError[] => issuesOf(error);

const notFound = (id: string): ChangeResult => ({
  ok: false,
  errors: [{ path: 'id', message: `no annotation with id "${id}"` }],
});

const find = (set: AnnotationSet, id: string): Annotation | undefined =>
  set.annotations.find((a) => a.id === id);
const without = (set: AnnotationSet, id: string): Annotation[] =>
  set.annotations.filter((a) => a.id !== id);

/** Sets `set`, takes one own stamp, and pushes `step` (dropping the oldest past the limit). */
function next(
  state: EditState,
  set: AnnotationSet,
  stamp: number,
  ctx: ChangeContext,
  step?: UndoStep,
): EditState {
  const undo = step ? [...state.undo, step].slice(-ctx.undoLimit) : state.undo;
  return { set, undo, lastStamp: stamp };
}

/** Puts a version of an annotation back (an undone edit or delete), stamped to win over what it reverses. */
function restore(
  state: EditState,
  previous: Annotation,
  ctx: ChangeContext,
): Applied<ChangeResult> {
  const own = nextStamp(state.lastStamp, ctx.now);
  const back = {
    ...previous,
    modified: stampAfter(
      own,
      [find(state.set, previous.id)?.modified, state.set.deleted[previous.id]],
      [previous.created],
    ),
  };
  const deleted = { ...state.set.deleted };
  delete deleted[back.id];
  const set = { ...state.set, annotations: [...without(state.set, back.id), back], deleted };
  return { state: next(state, set, own, ctx), result: { ok: true, annotation: back } };
}

/** Deletes `ids`, each with a tombstone at or after its last change (so a merge keeps it deleted). */
function remove(
  state: EditState,
  ids: readonly string[],
  ctx: ChangeContext,
  step?: (current: Annotation) => UndoStep,
): Applied<ChangeResult> {
  const present = ids.map((id) => find(state.set, id)).filter((a) => a !== undefined);
  const first = present[0];
  if (!first) return { state, result: notFound(ids[0] ?? '') };
  return removeAll(state, ids, first, ctx, step?.(first));
}

/** Tombstones every id in `ids` (present or not) and takes the present ones away. */
function removeAll(
  state: EditState,
  ids: readonly string[],
  first: Annotation,
  ctx: ChangeContext,
  step?: UndoStep,
): Applied<ChangeResult> {
  const own = nextStamp(state.lastStamp, ctx.now);
  const deleted = { ...state.set.deleted };
  for (const id of ids)
    deleted[id] = stampAfter(own, [], [find(state.set, id)?.modified, deleted[id]]);
  const gone = new Set(ids);
  const set = {
    ...state.set,
    annotations: state.set.annotations.filter((a) => !gone.has(a.id)),
    deleted,
  };
  return { state: next(state, set, own, ctx, step), result: { ok: true, annotation: first } };
}

function add(
  state: EditState,
  input: NewAnnotation,
  id: AnnotationId,
  ctx: ChangeContext,
): Applied<ChangeResult> {
  const own = nextStamp(state.lastStamp, ctx.now);
  let created: Annotation;
  try {
    created = completeAnnotation(input, id, new Date(own).toISOString());
  } catch (error) {
    if (error instanceof z.ZodError)
      return { state, result: { ok: false, errors: fieldErrors(error) } };
    throw error;
  }
  if (find(state.set, created.id))
    return {
      state,
      result: {
        ok: false,
        errors: [{ path: 'id', message: `an annotation with id "${created.id}" already exists` }],
      },
    };
  const set = { ...state.set, annotations: [...state.set.annotations, created] };
  const step: UndoStep = {
    label: 'Undo add',
    kind: 'remove',
    ids: [created.id],
    first: created,
    import: false,
  };
  return { state: next(state, set, own, ctx, step), result: { ok: true, annotation: created } };
}

function update(
  state: EditState,
  id: string,
  patch: AnnotationPatch,
  ctx: ChangeContext,
): Applied<ChangeResult> {
  const current = find(state.set, id);
  if (!current) return { state, result: notFound(id) };
  const draft: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete draft[key];
    else if (value !== undefined) draft[key] = value;
  }
  const own = nextStamp(state.lastStamp, ctx.now);
  draft.modified = stampAfter(own, [current.modified], [current.created]);
  const parsed = AnnotationSchema.safeParse(draft);
  if (!parsed.success) return { state, result: { ok: false, errors: fieldErrors(parsed.error) } };
  const set = { ...state.set, annotations: [...without(state.set, id), parsed.data] };
  const step: UndoStep = { label: 'Undo edit', kind: 'restore', previous: current };
  return { state: next(state, set, own, ctx, step), result: { ok: true, annotation: parsed.data } };
}

function importRecords(
  state: EditState,
  records: readonly unknown[],
  ctx: ChangeContext,
): Applied<AddManyResult> {
  const errors: (FieldError & { index: number })[] = [];
  const parsed: Annotation[] = [];
  records.forEach((record, index) => {
    const r = AnnotationSchema.safeParse(record);
    if (r.success) parsed.push(r.data);
    else for (const e of fieldErrors(r.error)) errors.push({ index, ...e });
  });
  if (errors.length) return { state, result: { ok: false, errors } };
  const present = new Set(state.set.annotations.map((a) => a.id));
  const own = nextStamp(state.lastStamp, ctx.now);
  const fresh: Annotation[] = [];
  for (const a of parsed) {
    if (present.has(a.id)) continue;
    present.add(a.id);
    // A re-imported annotation that was deleted here comes back: its
    // `modified` moves past the tombstone, or the merge would drop it.
    const tomb = state.set.deleted[a.id];
    fresh.push(tomb !== undefined ? { ...a, modified: stampAfter(own, [tomb], [a.created]) } : a);
  }
  const result = {
    ok: true as const,
    added: fresh.length,
    duplicates: parsed.length - fresh.length,
  };
  if (!fresh.length) return { state, result };
  const deleted = { ...state.set.deleted };
  for (const a of fresh) delete deleted[a.id];
  const set = { ...state.set, annotations: [...state.set.annotations, ...fresh], deleted };
  const step: UndoStep = {
    label: `Undo import of ${counted(fresh.length, 'annotation')}`,
    kind: 'remove',
    ids: fresh.map((a) => a.id),
    first: fresh[0]!,
    import: true,
  };
  return { state: next(state, set, own, ctx, step), result };
}

function undo(state: EditState, ctx: ChangeContext): Applied<ChangeResult | null> {
  const step = state.undo.at(-1);
  if (!step) return { state, result: null };
  const popped: EditState = { ...state, undo: state.undo.slice(0, -1) };
  if (step.kind === 'restore') return restore(popped, step.previous, ctx);
  if (step.import) return removeAll(popped, step.ids, step.first, ctx);
  const applied = remove(popped, step.ids, ctx);
  // The step is used up even when nothing was left to remove.
  return applied.result.ok ? applied : { state: popped, result: applied.result };
}

/**
 * Applies one change. Returns the next state — the same object when nothing
 * changed, except that a failed undo still uses up its step — and the result.
 */
export function applyChange<C extends Change>(
  state: EditState,
  change: C,
  ctx: ChangeContext,
): Applied<ResultOf<C>>;
export function applyChange(
  state: EditState,
  change: Change,
  ctx: ChangeContext,
): Applied<ChangeResult | AddManyResult | null> {
  switch (change.kind) {
    case 'add':
      return add(state, change.input, change.id, ctx);
    case 'update':
      return update(state, change.id, change.patch, ctx);
    case 'delete':
      return remove(state, [change.id], ctx, (current) => ({
        label: 'Undo delete',
        kind: 'restore',
        previous: current,
      }));
    case 'undo':
      return undo(state, ctx);
    case 'import':
      return importRecords(state, change.records, ctx);
  }
}
