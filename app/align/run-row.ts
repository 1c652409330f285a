/**
 * The height of the Aligned view's row for a run of paragraphs with no
 * counterpart, shared by the layout (`aligned-gaps.ts`, loaded on demand)
 * and the row itself (`views/aligned-gap-view.tsx`, in the initial bundle),
 * in a module of its own so that the row does not pull the layout into the
 * initial bundle. Not for anything else.
 */

/** Height of a run's row, in pixels (one line; the row's CSS line height fits in it). */
export const RUN_ROW = 32;
