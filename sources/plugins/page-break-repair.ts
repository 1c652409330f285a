/**
 * `pageBreakRepair`: rejoins paragraphs that a page break cut in two.
 *
 * Print extraction leaves a paragraph's end on the next page, sometimes with
 * that page's footnote definitions in between ("…President Putin who clearly
 * stated… In" / ¹ footnote / "February 2000, the DPRK…"). The rule:
 *
 *   A `paragraph` block is the first half of a broken paragraph when its text
 *   ends mid-sentence — its last character (ignoring trailing footnote
 *   markers and spaces) is not sentence-closing punctuation (. ! ? … or a
 *   closing quote or bracket after one) — and it has at least
 *   `minWords` words (so a short heading-like line is never glued to the
 *   next paragraph). The second half is the next block that is not a
 *   footnote definition, if it is a `paragraph` too. The halves are joined
 *   with one space, in the first half's place; footnotes in between stay
 *   where they are (the footnotes plugin moves them out).
 *
 * Repeats until no rule applies, so a paragraph broken twice joins twice.
 * Each join is reported as a vfile message (`page-break-repair:joined`).
 * Not for: hyphenated words broken across pages (these texts have none).
 *
 * Mutates `tree`.
 */
import type { Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { blockText } from '../util/block-text.ts';
import '../mdast-data.ts';

/** Options of `pageBreakRepair`. */
export interface Options {
  /** A first half needs at least this many words (default 8). */
  readonly minWords?: number;
}

/** Ends with closing punctuation, maybe followed by closing quotes/brackets and footnote markers. */
const CLOSED = /[.!?…][\s"'”’)\]»]*[⁰¹²³⁴⁵⁶⁷⁸⁹]*\s*$/;

/** True when a block's text ends mid-sentence. */
export function endsMidSentence(text: string): boolean {
  const trimmed = text.trimEnd();
  return trimmed.length > 0 && !CLOSED.test(trimmed);
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function fragmentsOf(
  node: RootContent,
): NonNullable<NonNullable<RootContent['data']>['fragments']> {
  if (node.data?.fragments) return node.data.fragments;
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? [] : [{ inputStart: start, inputEnd: end }];
}

/** True when `node` can be the first half of a broken paragraph. */
function isFirstHalf(node: RootContent, minWords: number): node is Paragraph {
  if (node.type !== 'paragraph' || node.data?.role !== 'paragraph') return false;
  const text = blockText(node);
  return endsMidSentence(text) && wordCount(text) >= minWords;
}

/**
 * Joins all broken paragraphs of `tree` in one pass (linear in the number of
 * blocks: a 5 MB text has thousands); returns the joins as [line of first
 * half, line of second half].
 */
export function repairPageBreaks(tree: Root, minWords = 8): Array<[number, number]> {
  const joins: Array<[number, number]> = [];
  const children = tree.children;
  const out: RootContent[] = [];
  let i = 0;
  while (i < children.length) {
    const first = children[i]!;
    out.push(first);
    i++;
    // Keep joining while the (growing) first half still ends mid-sentence.
    while (isFirstHalf(first, minWords)) {
      let j = i;
      while (j < children.length && children[j]!.data?.role === 'footnote') j++;
      const second = children[j];
      if (!second || second.type !== 'paragraph' || second.data?.role !== 'paragraph') break;
      joins.push([first.position?.start.line ?? 0, second.position?.start.line ?? 0]);
      join(first, second);
      // Footnotes between the halves stay, after the joined paragraph.
      out.push(...children.slice(i, j));
      children.splice(i, j - i + 1);
    }
  }
  tree.children = out;
  return joins;
}

/** Appends `second` to `first` with one space. Mutates `first`. */
function join(first: Paragraph, second: Paragraph): void {
  const children: PhrasingContent[] = [...first.children];
  trimEndOf(children);
  children.push({ type: 'text', value: ' ' });
  const rest = [...second.children];
  trimStartOf(rest);
  children.push(...rest);
  first.data = { ...first.data, fragments: [...fragmentsOf(first), ...fragmentsOf(second)] };
  first.children = children;
}

function trimEndOf(children: PhrasingContent[]): void {
  const last = children[children.length - 1];
  if (last?.type === 'text') last.value = last.value.trimEnd();
}

function trimStartOf(children: PhrasingContent[]): void {
  const first = children[0];
  if (first?.type === 'text') first.value = first.value.trimStart();
}

/** Remark plugin: see the module comment. */
export const pageBreakRepair: Plugin<[Options?], Root> = function (options = {}) {
  const minWords = options.minWords ?? 8;
  if (!Number.isInteger(minWords) || minWords < 1) {
    throw new TypeError('pageBreakRepair: option `minWords` must be a positive integer');
  }
  return (tree: Root, file: VFile) => {
    for (const [a, b] of repairPageBreaks(tree, minWords)) {
      const message = file.message(`Joined page-broken paragraph: line ${a} with line ${b}`, {
        place: { line: a, column: 1 },
        ruleId: 'joined',
        source: 'page-break-repair',
      });
      message.fatal = undefined;
    }
  };
};
