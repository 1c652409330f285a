/**
 * `addresses`: gives every block and footnote its address.
 *
 * Blocks of the author's running text (roles in `NUMBERED_ROLES`: paragraphs,
 * the abstract's and the epigraph's included) are numbered from 1 in reading
 * order: `<id>:<n>`. Other blocks are counted per role: `<id>:heading1`,
 * `<id>:caption2`, `<id>:chrome1`… Footnotes are `<id>:n<k>` by their printed
 * number. Sentence addresses are derived later from these (`to-edition.ts`).
 *
 * Mutates `tree` (sets `data.address`, `data.n`).
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { NUMBERED_ROLES, type BlockRole } from '../edition.ts';
import '../mdast-data.ts';

/** Options of `addresses`. */
export interface Options {
  /** The source id, prefix of every address: lower-case letters, digits, hyphens. */
  readonly id: string;
}

const ID = /^[a-z0-9][a-z0-9-]*$/;

/** Numbers and addresses the blocks and footnotes of `tree`. */
export function assignAddresses(tree: Root, id: string): void {
  let n = 0;
  const perRole = new Map<BlockRole, number>();
  for (const node of tree.children) {
    // A thematic break carries no text: it is not a block and gets no address.
    if (node.type === 'thematicBreak') continue;
    const role = node.data?.role ?? 'paragraph';
    if (NUMBERED_ROLES.has(role)) {
      n += 1;
      node.data = { ...node.data, role, n, address: `${id}:${n}` };
    } else {
      const k = (perRole.get(role) ?? 0) + 1;
      perRole.set(role, k);
      node.data = { ...node.data, role, address: `${id}:${role}${k}` };
    }
  }
  for (const def of tree.data?.footnotes ?? []) {
    def.data = { ...def.data, address: `${id}:n${def.data?.footnoteNumber ?? 0}` };
  }
}

/** Remark plugin: see the module comment. */
export const addresses: Plugin<[Options], Root> = function (options) {
  if (!options || typeof options.id !== 'string' || !ID.test(options.id)) {
    throw new TypeError(
      `addresses: option \`id\` must be a source id (lower-case letters, digits, hyphens), got ${JSON.stringify(options?.id)}`,
    );
  }
  return (tree: Root) => assignAddresses(tree, options.id);
};
