/**
 * `languageRuns`: marks runs of Cyrillic and Hangul text with their language
 * (`ru`, `ko`), so the reader can set `lang` on them (correct fonts,
 * hyphenation and screen-reader voice).
 *
 * Mutates `tree` (splits text nodes, sets `data.lang`). The rule for what a run
 * is lives in `split-language-runs.ts`, which the reader also applies to an
 * edition's text shown outside its panes.
 */
import type { Parent, Root, RootContent, Text } from 'mdast';
import type { Plugin } from 'unified';
import { splitLanguageRuns } from '../split-language-runs.ts';
import '../mdast-data.ts';

/** Options of `languageRuns` (none). */
export type Options = Record<string, never>;

function visitParent(parent: Parent): void {
  const out: RootContent[] = [];
  for (const child of parent.children as RootContent[]) {
    if (child.type === 'text') {
      const runs = splitLanguageRuns(child.value);
      if (runs.length === 1 && runs[0]!.lang === undefined) {
        out.push(child);
        continue;
      }
      for (const run of runs) {
        const text: Text = { type: 'text', value: run.value };
        if (run.lang) text.data = { lang: run.lang };
        out.push(text);
      }
    } else {
      if ('children' in child) visitParent(child as Parent);
      out.push(child);
    }
  }
  parent.children = out as Parent['children'];
}

/** Marks language runs in every block and footnote of `tree`. */
export function markLanguageRuns(tree: Root): void {
  visitParent(tree);
  for (const def of tree.data?.footnotes ?? []) {
    if ('children' in def) visitParent(def as Parent);
  }
}

/** Remark plugin: see the module comment. */
export const languageRuns: Plugin<[Options?], Root> = function () {
  return (tree: Root) => markLanguageRuns(tree);
};
