import { describe, expect, it } from 'vitest';
import { buildCuratedComparisons } from '../../../annotations/comparisons/build-curated.ts';
import { timelineData, sentenceAt } from '../../../app/timeline/timeline-data.ts';
import { builtinEdition } from '../../../sources/builtin.ts';

const wc = builtinEdition('winstanley-chesters-2015')!;
const lankov = builtinEdition('lankov-2007')!;

describe('timelineData', () => {
  const data = timelineData([wc, lankov], buildCuratedComparisons([wc, lankov]));

  it('puts each text in its lane, marks never overlapping within a sub-row', () => {
    expect(data.marks.filter((m) => m.lane === 0)).toHaveLength(17);
    expect(data.marks.filter((m) => m.lane === 1)).toHaveLength(50);
    for (const lane of [0, 1])
      for (let row = 0; row < data.rows[lane]!; row++) {
        const ms = data.marks
          .filter((m) => m.lane === lane && m.row === row)
          .sort((a, b) => a.x0 - b.x0);
        for (let i = 1; i < ms.length; i++) expect(ms[i]!.x0).toBeGreaterThanOrEqual(ms[i - 1]!.x1);
      }
    expect(data.domain[0]).toBeLessThanOrEqual(1800);
    expect(data.domain[1]).toBeGreaterThanOrEqual(2015);
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
