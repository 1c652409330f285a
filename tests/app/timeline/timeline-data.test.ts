import { describe, expect, it } from 'vitest';
import { buildCuratedComparisons } from '../../../annotations/comparisons/build-curated.ts';
import {
  axisBreak,
  placeMarks,
  sentenceAt,
  timelineData,
} from '../../../app/timeline/timeline-data.ts';
import { builtinEdition } from '../../../sources/builtin.ts';

const wc = builtinEdition('winstanley-chesters-2015')!;
const lankov = builtinEdition('lankov-2007')!;

describe('timelineData', () => {
  const data = timelineData([wc, lankov], buildCuratedComparisons([wc, lankov]));

  it('puts each text in its lane, marks never overlapping within a sub-row', () => {
    expect(data.marks.filter((m) => m.lane === 0)).toHaveLength(17);
    expect(data.marks.filter((m) => m.lane === 1)).toHaveLength(50);
    const placed = placeMarks(data.marks, (year) => (year - 1800) * 4, { gap: 4 });
    expect(placed.marks).toHaveLength(67);
    for (const lane of [0, 1])
      for (let row = 0; row < placed.rows[lane]!; row++) {
        const ms = placed.marks
          .filter((m) => m.lane === lane && m.row === row)
          .sort((a, b) => a.left - b.left);
        for (let i = 1; i < ms.length; i++)
          expect(ms[i]!.left).toBeGreaterThanOrEqual(ms[i - 1]!.right + 4);
      }
    expect(data.domain[0]).toBeLessThanOrEqual(1800);
    expect(data.domain[1]).toBeGreaterThanOrEqual(2015);
  });

  it('packs into fewer rows when the scale is wider', () => {
    const narrow = placeMarks(data.marks, (year) => (year - 1800) * 2);
    const wide = placeMarks(data.marks, (year) => (year - 1800) * 8);
    expect(wide.rows[1]).toBeLessThan(narrow.rows[1]);
  });

  it('compresses the axis before the decade where nearly every date lies', () => {
    // W-C's "the 19th century" and "1858-60" are the only dates before 1940.
    expect(data.axisBreak).toBe(1940);
    expect(axisBreak([1990, 1995, 2000, 2005], [1990, 2010])).toBeUndefined();
    // A gap, but too many marks before it to call them a few early ones.
    expect(axisBreak([1800, 1810, 1820, 1990, 2000], [1800, 2000])).toBeUndefined();
  });

  it('links the revival dates of the two texts through their comparison', () => {
    const link = data.links.find((l) => l.comparison === 'urn:diptych:comparison:revival-date');
    expect(link).toMatchObject({
      from: expect.stringMatching(/^winstanley-chesters-2015:12\.1@/),
      to: expect.stringMatching(/^lankov-2007:11\.1@/),
    });
  });

  it('finds the sentence at an offset of the edition text', () => {
    const block = lankov.blocks.find((b) => b.address === 'lankov-2007:10')!;
    expect(sentenceAt(lankov, block.start + block.sentences[0]!.start)).toBe('lankov-2007:10.1');
  });
});
