import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { assignBlockRoles } from '../../../sources/plugins/block-roles.ts';
import {
  endsMidSentence,
  pageBreakRepair,
  repairPageBreaks,
} from '../../../sources/plugins/page-break-repair.ts';
import { blockText } from '../../../sources/util/block-text.ts';
import { builtinText } from '../../../sources/builtin.ts';
import { lankov2007 } from '../../../sources/metadata.ts';

function repaired(md: string) {
  const t = unified().use(remarkParse).parse(md);
  assignBlockRoles(t, []);
  const joins = repairPageBreaks(t);
  return { texts: t.children.map((n) => blockText(n)), joins };
}

describe('endsMidSentence', () => {
  it.each([
    ['It ends here.', false],
    ['A question?', false],
    ['He said “stop.”', false],
    ['He said "stop."¹', false],
    ['(a parenthesis.)', false],
    ['… and so…', false],
    ['the regime. The', true],
    ['friendly to Pyongyang,', true],
    ['are not', true],
    ['a list:', true],
  ])('%j → %s', (text, expected) => {
    expect(endsMidSentence(text)).toBe(expected);
  });
});

describe('pageBreakRepair', () => {
  it('joins across an interleaved footnote, with one space, in the first half’s place', () => {
    const { texts, joins } = repaired(
      'The major goal is stability, and like all its neighbours it does not want to see it happen\n\n² A note.\n\n³ Another.\n\nin Pyongyang. A crisis is dangerous.',
    );
    expect(texts).toEqual([
      'The major goal is stability, and like all its neighbours it does not want to see it happen in Pyongyang. A crisis is dangerous.',
      '² A note.',
      '³ Another.',
    ]);
    expect(joins).toEqual([[1, 7]]);
  });

  it('joins a second half that starts upper-case when the first ends mid-sentence', () => {
    const { texts } = repaired(
      'These changes became more pronounced under President Putin who said so. In\n\nFebruary 2000, a treaty was signed.',
    );
    expect(texts).toEqual([
      'These changes became more pronounced under President Putin who said so. In February 2000, a treaty was signed.',
    ]);
  });

  it('joins a paragraph broken twice', () => {
    const { texts, joins } = repaired(
      'one two three four five six seven eight\n\nnine ten eleven twelve thirteen fourteen fifteen\n\nsixteen.',
    );
    expect(texts).toEqual([
      'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen.',
    ]);
    expect(joins).toHaveLength(2);
  });

  it('does not glue a short heading-like line to the next paragraph', () => {
    expect(repaired('The post-Soviet era\n\nRelations collapsed.').texts).toHaveLength(2);
  });

  it('does not join into a heading, a footnote or an attribution', () => {
    expect(
      repaired('A long enough paragraph that ends without any punctuation at all\n\n# Heading')
        .texts,
    ).toHaveLength(2);
    expect(
      repaired('A long enough paragraph that ends without any punctuation at all\n\n– Someone')
        .texts,
    ).toHaveLength(2);
  });

  it('makes exactly the six joins of Lankov’s paper, each reported with its lines', () => {
    const t = unified().use(remarkParse).parse(builtinText(lankov2007));
    assignBlockRoles(t, lankov2007.declarations);
    expect(repairPageBreaks(t)).toEqual([
      [15, 17],
      [37, 41],
      [49, 57],
      [63, 67],
      [77, 79],
      [99, 105],
    ]);
  });

  it('rejects a bad option when attached', () => {
    expect(() => unified().use(remarkParse).use(pageBreakRepair, { minWords: 0 }).freeze()).toThrow(
      /minWords/,
    );
  });
});
