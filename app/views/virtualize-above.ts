/**
 * Editions with more blocks than this are virtualised (`virtual-blocks.tsx`). A module of its
 * own so that the pane can decide without loading the virtualiser, which only a reader's long
 * text needs: it loads on demand (`pane.tsx`), out of the initial bundle.
 */
export const VIRTUALIZE_ABOVE = 1_000;
