/**
 * `gfmFootnotes`: turns GFM footnotes (`[^label]` references and `[^label]:`
 * definitions, parsed by remark-gfm) into the edition's footnotes, linked
 * both ways exactly as the superscript footnotes of extracted print are
 * (see `footnotes`).
 *
 * Numbering follows GitHub's rendering: definitions are numbered in the order
 * of their first reference, then the unreferenced ones in input order (they
 * are kept, and reported as `gfm-footnotes:unreferenced`, so no text is
 * lost). Numbers continue after any superscript footnotes already extracted,
 * so the two kinds never share a number. A reference to a label with no
 * definition stays in the text as `[^label]` and is reported
 * (`gfm-footnotes:undefined-reference`).
 *
 * Runs after `footnotes` (it appends to `tree.data.footnotes`). Mutates `tree`.
 */
import type { FootnoteDefinition, Parent, Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { reportFindings, type Finding } from './findings.ts';
import type { FootnoteRefNode } from '../mdast-data.ts';
import '../mdast-data.ts';

/** Options of `gfmFootnotes` (none yet; kept for the plugin shape). */
export type Options = Record<string, never>;

/** What the transform reports. */
type FootnoteFinding = Finding<'undefined-reference' | 'unreferenced'>;

/** Visits every node below `parent` in document order (iteratively: no recursion limit). */
function eachNode(parent: Parent, visit: (node: RootContent, parent: Parent) => void): void {
  const stack: Parent[] = [parent];
  while (stack.length) {
    const p = stack.pop()!;
    for (const child of p.children as RootContent[]) {
      visit(child, p);
    }
    for (let i = p.children.length - 1; i >= 0; i--) {
      const child = p.children[i] as RootContent;
      if ('children' in child) stack.push(child as Parent);
    }
  }
}

/**
 * Moves GFM footnote definitions to `tree.data.footnotes` (numbered) and
 * replaces references with footnote-reference nodes; returns the findings.
 */
export function extractGfmFootnotes(tree: Root): FootnoteFinding[] {
  const findings: FootnoteFinding[] = [];
  const definitions = new Map<string, FootnoteDefinition>();
  const order: string[] = [];
  // Definitions may sit anywhere a block may (GFM allows them in lists and quotes); collect them all.
  const collect = (parent: Parent): void => {
    const kept: RootContent[] = [];
    for (const child of parent.children as RootContent[]) {
      if (child.type === 'footnoteDefinition') {
        if (!definitions.has(child.identifier)) {
          definitions.set(child.identifier, child);
          order.push(child.identifier);
        }
        // micromark already ignores a second definition of a label (the first wins).
        continue;
      }
      if ('children' in child) collect(child as Parent);
      kept.push(child);
    }
    parent.children = kept as Parent['children'];
  };
  collect(tree);
  const existing = tree.data?.footnotes ?? [];
  let next = existing.reduce((max, d) => Math.max(max, d.data?.footnoteNumber ?? 0), 0) + 1;
  const numbers = new Map<string, number>();
  const refs: Array<{ parent: Parent; node: RootContent }> = [];
  const scan = (root: Parent): void =>
    eachNode(root, (node, parent) => {
      if (node.type === 'footnoteReference') refs.push({ parent, node });
    });
  scan(tree);
  // References inside definitions count too, after those in the running text.
  for (const id of order) scan(definitions.get(id)!);
  for (const { node } of refs) {
    if (node.type !== 'footnoteReference' || numbers.has(node.identifier)) continue;
    if (definitions.has(node.identifier)) numbers.set(node.identifier, next++);
  }
  for (const id of order) {
    if (!numbers.has(id)) {
      numbers.set(id, next++);
      findings.push({
        ruleId: 'unreferenced',
        reason: `Footnote [^${definitions.get(id)!.label ?? id}] is never cited`,
        line: definitions.get(id)!.position?.start.line,
      });
    }
  }
  for (const { parent, node } of refs) {
    if (node.type !== 'footnoteReference') continue;
    const n = numbers.get(node.identifier);
    const index = parent.children.indexOf(node as never);
    if (index < 0) continue;
    const replacement: RootContent =
      n === undefined
        ? { type: 'text', value: `[^${node.label ?? node.identifier}]` }
        : ({
            type: 'diptychFootnoteRef',
            n,
            marker: `[^${node.label ?? node.identifier}]`,
          } satisfies FootnoteRefNode as unknown as RootContent);
    if (n === undefined) {
      findings.push({
        ruleId: 'undefined-reference',
        reason: `[^${node.label ?? node.identifier}] names no footnote`,
        line: node.position?.start.line,
      });
    }
    (parent.children as RootContent[])[index] = replacement;
  }
  const added: RootContent[] = order.map((id) => {
    const def = definitions.get(id)!;
    def.data = { ...def.data, role: 'footnote', footnoteNumber: numbers.get(id)! };
    return def;
  });
  if (added.length) tree.data = { ...tree.data, footnotes: [...existing, ...added] };
  return findings;
}

/** Remark plugin: see the module comment. */
export const gfmFootnotes: Plugin<[Options?], Root> = function () {
  return (tree: Root, file: VFile) => {
    reportFindings(file, extractGfmFootnotes(tree), 'gfm-footnotes');
  };
};
