/**
 * `titleHeading`: in a generic text, the first heading is the title when it
 * comes before any running text (the usual shape of a Markdown article or
 * README: `# Title`, then paragraphs). It gets the role `title` (unnumbered,
 * addressed `<id>:title1`), so the pane and the record show it.
 *
 * Not run on the built-in editions, whose titles are declared. A heading that
 * follows running text stays a heading: it titles a section, not the text.
 *
 * Mutates `tree` (after `blockRoles`).
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import '../mdast-data.ts';

/** Options of `titleHeading` (none yet; kept for the plugin shape). */
export type Options = Record<string, never>;

/** Gives the leading heading of `tree` the role `title`, if there is one and no title yet. */
export function markTitleHeading(tree: Root): void {
  if (tree.children.some((node) => node.data?.role === 'title')) return;
  for (const node of tree.children) {
    if (node.type === 'thematicBreak' || node.data?.role === 'chrome') continue;
    if (node.type === 'heading' && node.data?.role === 'heading') {
      node.data = { ...node.data, role: 'title' };
    }
    return;
  }
}

/** Remark plugin: see the module comment. */
export const titleHeading: Plugin<[Options?], Root> = function () {
  return (tree: Root) => markTitleHeading(tree);
};
