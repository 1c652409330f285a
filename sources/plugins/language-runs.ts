/**
 * `languageRuns`: marks runs of Cyrillic and Hangul text with their language
 * (`ru`, `ko`), so the reader can set `lang` on them (correct fonts,
 * hyphenation and screen-reader voice). A run spans the script's words and
 * the spaces, digits and punctuation between them, so "Толарая Г.Д.
 * Международные…" is one run, not one per word.
 *
 * Assumption worth naming: Cyrillic is tagged Russian. Both sources cite only
 * Russian-language works; a Ukrainian or Bulgarian title would be mistagged.
 *
 * Mutates `tree` (splits text nodes, sets `data.lang`).
 */
import type { Parent, Root, RootContent, Text } from 'mdast';
import type { Plugin } from 'unified';
import type { RunLanguage } from '../edition.ts';
import '../mdast-data.ts';

/** Options of `languageRuns` (none). */
export type Options = Record<string, never>;

const RUN =
  /(\p{Script=Cyrillic}+(?:[\s\p{P}\d]+\p{Script=Cyrillic}+)*\.?)|(\p{Script=Hangul}+(?:[\s\p{P}\d]+\p{Script=Hangul}+)*\.?)/gu;

/** Splits `value` into runs; `lang` is set on Cyrillic and Hangul runs. */
export function splitLanguageRuns(value: string): Array<{ value: string; lang?: RunLanguage }> {
  const out: Array<{ value: string; lang?: RunLanguage }> = [];
  let last = 0;
  for (const m of value.matchAll(RUN)) {
    if (m.index > last) out.push({ value: value.slice(last, m.index) });
    out.push({ value: m[0], lang: m[1] !== undefined ? 'ru' : 'ko' });
    last = m.index + m[0].length;
  }
  if (last < value.length) out.push({ value: value.slice(last) });
  return out;
}

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
