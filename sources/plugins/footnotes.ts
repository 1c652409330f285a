/**
 * `footnotes`: moves footnote definitions out of the running text and turns
 * superscript markers into references.
 *
 * A definition is a block with role `footnote` (see `blockRoles`); its
 * leading superscript number is removed from its text and it moves to
 * `tree.data.footnotes`. In every other block, each run of superscript
 * digits (`¹`…`¹⁰`, multi-digit included) whose number has a definition
 * becomes a `diptychFootnoteRef` node. A run with no definition stays text
 * and is reported (`footnotes:undefined-reference`), as is a definition
 * nobody cites (`footnotes:unreferenced`) and a second definition of a number
 * (`footnotes:duplicate`, kept in the running text as a paragraph so that no
 * text is lost).
 *
 * Not for: rendering footnote content (their emphasis and links stay mdast
 * and are compiled by `to-edition.ts`).
 *
 * Mutates `tree`.
 */
import type { Parent, Root, RootContent, Text } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { reportFindings, type Finding } from './findings.ts';
import {
  FOOTNOTE_DEFINITION_START,
  SUPERSCRIPT_RUN,
  superscriptToNumber,
} from '../util/superscript.ts';
import type { FootnoteRefNode } from '../mdast-data.ts';
import '../mdast-data.ts';

/** Options of `footnotes` (none yet; kept for the plugin shape). */
export type Options = Record<string, never>;

/** What the transform reports. */
type FootnoteFinding = Finding<'undefined-reference' | 'unreferenced' | 'duplicate'>;

/** Removes a definition's leading number from its first text node; returns the number. */
function takeDefinitionNumber(node: RootContent): number | null {
  if (!('children' in node)) return null;
  const first = (node as Parent).children[0];
  if (!first || first.type !== 'text') return null;
  const m = FOOTNOTE_DEFINITION_START.exec((first as Text).value);
  if (!m) return null;
  (first as Text).value = (first as Text).value.slice(m[0].length);
  return superscriptToNumber(m[1]!);
}

/** Splits text nodes at superscript runs that name a defined footnote. */
function linkMarkers(
  parent: Parent,
  defined: ReadonlySet<number>,
  used: Set<number>,
  findings: FootnoteFinding[],
): void {
  const out: RootContent[] = [];
  for (const child of parent.children as RootContent[]) {
    if (child.type !== 'text') {
      if ('children' in child) linkMarkers(child as Parent, defined, used, findings);
      out.push(child);
      continue;
    }
    let last = 0;
    for (const m of child.value.matchAll(SUPERSCRIPT_RUN)) {
      const n = superscriptToNumber(m[0]);
      if (!defined.has(n)) {
        findings.push({
          ruleId: 'undefined-reference',
          reason: `Superscript ${m[0]} names no footnote`,
          line: child.position?.start.line,
        });
        continue;
      }
      if (m.index > last) out.push({ type: 'text', value: child.value.slice(last, m.index) });
      const ref: FootnoteRefNode = { type: 'diptychFootnoteRef', n, marker: m[0] };
      out.push(ref as unknown as RootContent);
      used.add(n);
      last = m.index + m[0].length;
    }
    if (last === 0) out.push(child);
    else if (last < child.value.length) out.push({ type: 'text', value: child.value.slice(last) });
  }
  parent.children = out as Parent['children'];
}

/** Moves definitions to `tree.data.footnotes` and links markers; returns the findings. */
export function extractFootnotes(tree: Root): FootnoteFinding[] {
  const findings: FootnoteFinding[] = [];
  const definitions: RootContent[] = [];
  const numbers = new Set<number>();
  const running: RootContent[] = [];
  for (const node of tree.children) {
    if (node.data?.role !== 'footnote') {
      running.push(node);
      continue;
    }
    const n = takeDefinitionNumber(node);
    if (n === null || numbers.has(n)) {
      findings.push({
        ruleId: 'duplicate',
        reason: `Footnote ${n ?? '?'} is defined twice; the second stays in the text`,
        line: node.position?.start.line,
      });
      node.data = { ...node.data, role: 'paragraph' };
      running.push(node);
      continue;
    }
    numbers.add(n);
    node.data = { ...node.data, footnoteNumber: n };
    definitions.push(node);
  }
  tree.children = running;
  const used = new Set<number>();
  for (const node of running) {
    if ('children' in node) linkMarkers(node as Parent, numbers, used, findings);
  }
  for (const def of definitions) {
    const n = def.data!.footnoteNumber!;
    if (!used.has(n)) {
      findings.push({
        ruleId: 'unreferenced',
        reason: `Footnote ${n} is never cited`,
        line: def.position?.start.line,
      });
    }
  }
  tree.data = { ...tree.data, footnotes: definitions };
  return findings;
}

/** Remark plugin: see the module comment. */
export const footnotes: Plugin<[Options?], Root> = function () {
  return (tree: Root, file: VFile) => {
    reportFindings(file, extractFootnotes(tree), 'footnotes');
  };
};
