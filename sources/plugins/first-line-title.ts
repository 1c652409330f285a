/**
 * `firstLineTitle`: in a plain-text file (`.txt`), which has no mark for a
 * title, a first line that stands alone the way a title does is taken as the
 * title: one line, at most `MAX_TITLE_LENGTH` characters, not ending as a
 * sentence or a clause does (`.`, `,`, `;`, `:`), with a blank line after it
 * and running text below. It gets the role `title` (unnumbered, addressed
 * `<id>:title1`), as a Markdown file's leading `# Heading` does
 * (`titleHeading`), and `file.data.firstLineTitle` says it was taken so: the
 * text does not state it is a title, so the record lists it as inferred.
 *
 * Not for Markdown files, whose authors mark a title with `#` (a short first
 * paragraph there is often a byline or a note), nor for the built-in
 * editions. A wrong guess costs nothing of the text: the line stays, shown as
 * the title, and the reader renames the text or edits its record.
 *
 * Mutates `tree` (after `blockRoles` and `titleHeading`) and `file.data`.
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { blockText } from '../util/block-text.ts';
import '../mdast-data.ts';

declare module 'vfile' {
  interface DataMap {
    /** Set by `firstLineTitle` when it took the first line as the title. */
    firstLineTitle: boolean;
  }
}

/** Options of `firstLineTitle` (none yet; kept for the plugin shape). */
export type Options = Record<string, never>;

/**
 * Longest line taken as a title. Titles of papers and articles rarely pass
 * 100 characters; a longer first line is more likely a paragraph that
 * happens to be one line.
 */
export const MAX_TITLE_LENGTH = 120;

const CLAUSE_END = /[.,;:]$/;

/** Gives the first block of `tree` the role `title` if it stands alone as one; true when it did. */
export function markFirstLineTitle(tree: Root): boolean {
  if (tree.children.some((node) => node.data?.role === 'title')) return false;
  const [first, next] = tree.children;
  if (!first || !next || first.type !== 'paragraph' || first.data?.role !== 'paragraph')
    return false;
  if (next.data?.role !== 'paragraph') return false;
  const start = first.position?.start.line;
  const end = first.position?.end.line;
  const after = next.position?.start.line;
  // One line, then at least one blank line before the running text.
  if (start === undefined || start !== end || after === undefined || after < end + 2) return false;
  const text = blockText(first).trim();
  if (text === '' || text.length > MAX_TITLE_LENGTH || CLAUSE_END.test(text)) return false;
  first.data = { ...first.data, role: 'title' };
  return true;
}

/** Remark plugin: see the module comment. */
export const firstLineTitle: Plugin<[Options?], Root> = function () {
  return (tree: Root, file: VFile) => {
    if (markFirstLineTitle(tree)) file.data.firstLineTitle = true;
  };
};
