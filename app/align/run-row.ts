/**
 * The heights of the Aligned view's one-line rows — a run of paragraphs with
 * no counterpart, and the label under a held part of a row — shared by the layout (`aligned-gaps.ts`, loaded on demand)
 * and the row itself (`views/aligned-gap-view.tsx`, in the initial bundle),
 * in a module of its own so that the rows do not pull the layout into the
 * initial bundle. Not for anything else.
 */

/** Height of a run's row, in pixels (one line; the row's CSS line height fits in it). */
export const RUN_ROW = 32;

/** Height of the label under a held part of a row ("faces Lankov (2007) ¶25–38"), in pixels. */
export const FACE_ROW = 28;
