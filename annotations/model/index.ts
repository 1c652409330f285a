/**
 * The annotation model's public surface: the one schema and its types, the
 * selectors, passage addresses for spans, and safe note Markdown.
 * Re-exports only.
 */
export * from './annotation.ts';
export * from './selectors.ts';
export { addressForRange } from './address-for-range.ts';
export {
  noteText,
  parseNoteMarkdown,
  safeLinkUrl,
  type NoteBlock,
  type NoteInline,
  type NoteListItem,
  type NoteNode,
} from './note-markdown.ts';
