/**
 * `blockRoles`: gives every top-level block exactly one role.
 *
 * Order of decision: an editorial declaration (matched by the start of the
 * block's plain text) wins; then the heuristics that are reliable on any text
 * (a block starting with superscript digits is a footnote definition; one
 * starting with a dash and a space is an attribution; a Markdown heading is a
 * heading); everything else is a paragraph.
 *
 * Fatal: a declaration that matches no block, or more than one, throws with
 * the declaration's name — a source whose declarations went stale must not
 * build silently. Not for: joining or numbering blocks (later plugins).
 *
 * Mutates `tree` (sets `data.role` on each top-level block).
 */
import type { Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import type { BlockRole } from '../edition.ts';
import type { EditorialDeclaration } from '../metadata.ts';
import { blockText } from '../util/block-text.ts';
import { FOOTNOTE_DEFINITION_START } from '../util/superscript.ts';
import '../mdast-data.ts';

/** Options of `blockRoles`. */
export interface Options {
  /** Per-source declarations for what no heuristic can know. */
  readonly declarations?: readonly EditorialDeclaration[];
}

const ATTRIBUTION_START = /^[–—-]\s/;

/** The role a block gets from heuristics alone. */
export function heuristicRole(node: RootContent, text: string): BlockRole {
  if (FOOTNOTE_DEFINITION_START.test(text)) return 'footnote';
  if (ATTRIBUTION_START.test(text)) return 'attribution';
  if (node.type === 'heading') return 'heading';
  return 'paragraph';
}

/**
 * Assigns roles to the top-level children of `tree`. Throws when a
 * declaration matches zero or several blocks.
 */
export function assignBlockRoles(tree: Root, declarations: readonly EditorialDeclaration[]): void {
  const blocks = tree.children.filter((node) => node.type !== 'thematicBreak');
  const texts = blocks.map((node) => blockText(node).trimStart());
  for (const declaration of declarations) {
    const matches = blocks.filter((_, i) => texts[i]!.startsWith(declaration.startsWith));
    if (matches.length !== 1) {
      const where = matches.map((node) => `line ${node.position?.start.line ?? '?'}`).join(', ');
      throw new Error(
        `Editorial declaration "${declaration.name}" (text starting "${declaration.startsWith}") ` +
          (matches.length === 0
            ? 'matches no block'
            : `matches ${matches.length} blocks (${where})`),
      );
    }
    const node = matches[0]!;
    node.data = { ...node.data, role: declaration.role, declaration: declaration.name };
  }
  blocks.forEach((node, i) => {
    if (node.data?.role) return;
    node.data = { ...node.data, role: heuristicRole(node, texts[i]!) };
  });
}

/** Remark plugin: see the module comment. */
export const blockRoles: Plugin<[Options?], Root> = function (options = {}) {
  const declarations = options.declarations ?? [];
  if (!Array.isArray(declarations)) {
    throw new TypeError('blockRoles: option `declarations` must be an array');
  }
  for (const [i, d] of declarations.entries()) {
    if (!d || typeof d.startsWith !== 'string' || d.startsWith.trim() === '') {
      throw new TypeError(`blockRoles: declarations[${i}].startsWith must be a non-empty string`);
    }
    if (typeof d.name !== 'string' || typeof d.role !== 'string') {
      throw new TypeError(`blockRoles: declarations[${i}] needs a name and a role`);
    }
  }
  return (tree) => assignBlockRoles(tree, declarations);
};
