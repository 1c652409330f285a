/**
 * Typed changes set aside when an annotation's editor closed without Save or Cancel (Escape, the
 * sidebar closed, another annotation opened), by annotation id: the editor opens with them again
 * and the card says they wait (`annotation-editor.tsx`, `annotation-item.tsx`).
 *
 * Module state rather than React state, on purpose: it lives in the sidebar's lazy chunk, so the
 * reader's initial JavaScript does not carry it (the budget is 120 KB), and it outlives the
 * editor's and the list's unmounts. In memory only: a reload drops them, as Hypothesis's drafts.
 * What it is not for: a draft whose annotation was deleted in another tab (the orphan notice of
 * `use-annotation-ui.ts` keeps that one).
 */
import type { EditorDraft } from './use-annotation-ui.ts';

const kept = new Map<string, EditorDraft>();

/** What is kept for annotation `id`, if anything. */
export function keptDraft(id: string): EditorDraft | undefined {
  return kept.get(id);
}

/** Keeps `draft` for annotation `id`, or with `null` drops what was kept. */
export function keepDraft(id: string, draft: EditorDraft | null): void {
  if (draft === null) kept.delete(id);
  else kept.set(id, draft);
}
