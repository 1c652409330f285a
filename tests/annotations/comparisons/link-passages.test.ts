import { describe, expect, it } from 'vitest';
import {
  comparisonLinks,
  comparisonRows,
  tableRows,
} from '../../../annotations/comparisons/comparison-rows.ts';
import { buildCuratedComparisons } from '../../../annotations/comparisons/build-curated.ts';
import {
  linkPassages,
  LinkPassagesError,
  READER_TOPIC,
} from '../../../annotations/comparisons/link-passages.ts';
import { completeAnnotation, type AnnotationId } from '../../../annotations/model/annotation.ts';
import { builtinEdition } from '../../../sources/builtin.ts';
import type { Edition } from '../../../sources/edition.ts';

const wc = builtinEdition('winstanley-chesters-2015')!;
const lankov = builtinEdition('lankov-2007')!;

/** A selection of the first occurrence of `quote` and the character before it (a space here: a drag often takes one). */
function select(edition: Edition, quote: string, paraphrase?: string) {
  const start = edition.text.indexOf(quote);
  if (start === -1) throw new Error(`test quote not in ${edition.id}: ${quote}`);
  if (!/\s/.test(edition.text[start - 1] ?? ''))
    throw new Error(`test quote must follow white space: ${quote}`);
  return {
    edition,
    start: start - 1,
    end: start + quote.length,
    ...(paraphrase ? { paraphrase } : {}),
  };
}

const RAILWAY = 'a connection between the trans-Siberian railway and an inter-Korean railway';
const COST = 'the reconstruction will cost at least 2.5 billion dollars';

describe('linkPassages', () => {
  it('builds a linking annotation with both targets’ three selectors, the reader’s relation and note', () => {
    const link = linkPassages({
      left: select(wc, RAILWAY),
      right: select(lankov, COST),
      relation: 'qualifies',
      note: '  Cost vs vision.  ',
    });
    expect(link.motivation).toBe('linking');
    expect(link.targets.map((t) => t.source)).toEqual([wc.id, lankov.id]);
    const [l, r] = link.targets;
    expect(l!.selectors.quote.exact).toBe(RAILWAY);
    expect(wc.text.slice(l!.selectors.position.start, l!.selectors.position.end)).toBe(RAILWAY);
    expect(l!.selectors.address).toMatch(/^winstanley-chesters-2015:13(\.\d+)?$/);
    expect(r!.selectors.address).toMatch(/^lankov-2007:33(\.\d+)?$/);
    expect(link.link).toEqual({
      relation: 'qualifies',
      topic: READER_TOPIC,
      // Not written by the reader: left empty, not filled with the quote (issue 15).
      paraphrases: [null, null],
      note: 'Cost vs vision.',
      curated: false,
    });
  });

  it('keeps the reader’s topic and paraphrases, and appears in the Compare table as the reader’s own', () => {
    const link = linkPassages({
      left: select(wc, RAILWAY, 'A railway to Europe.'),
      right: select(lankov, COST, 'Too expensive.'),
      relation: 'contradicts',
      topic: 'The railway link',
    });
    const stored = completeAnnotation(
      link,
      'urn:uuid:00000000-0000-4000-8000-000000000001' as AnnotationId,
      '2026-01-31T12:00:00.000Z',
    );
    const table = comparisonRows([...buildCuratedComparisons([wc, lankov]), stored], [wc, lankov]);
    const group = table.groups.find((g) => g.topic === 'The railway link')!;
    const mine = group.rows.find((r) => !r.curated)!;
    expect(mine.left.paraphrase).toBe('A railway to Europe.');
    expect(mine.right.address).toBe('lankov-2007:33');
    expect(tableRows(table).filter((r) => !r.curated)).toHaveLength(1);
  });

  describe('when it fails', () => {
    it('refuses an empty or white-space selection with a sentence for the reader', () => {
      const blank = { edition: wc, start: wc.blocks[0]!.end, end: wc.blocks[1]!.start };
      expect(() =>
        linkPassages({ left: blank, right: select(lankov, COST), relation: 'agrees' }),
      ).toThrow(new LinkPassagesError('Select some text in the left pane first.'));
      expect(() =>
        linkPassages({
          left: select(wc, RAILWAY),
          right: { edition: lankov, start: 5, end: 5 },
          relation: 'agrees',
        }),
      ).toThrow('Select some text in the right pane first.');
    });

    it('refuses two selections in the same text', () => {
      expect(() =>
        linkPassages({
          left: select(wc, RAILWAY),
          right: select(wc, 'Sakhalin'),
          relation: 'agrees',
        }),
      ).toThrow(/same text/);
    });

    it('refuses a note over the model’s limit (the model names the field)', () => {
      expect(() =>
        linkPassages({
          left: select(wc, RAILWAY),
          right: select(lankov, COST),
          relation: 'agrees',
          note: 'x'.repeat(50_001),
        }),
      ).toThrow(/note/);
    });
  });
});

describe('comparisonLinks', () => {
  it('gives each linking annotation’s address pair, relation and curated flag, and nothing else', () => {
    const curated = buildCuratedComparisons([wc, lankov]);
    const links = comparisonLinks(curated);
    expect(links).toHaveLength(curated.length);
    expect(links[0]).toEqual({
      id: curated[0]!.id,
      a: curated[0]!.targets[0]!.selectors.address,
      b: curated[0]!.targets[1]!.selectors.address,
      relation: curated[0]!.link!.relation,
      curated: true,
    });
    const highlight = completeAnnotation(
      { motivation: 'highlighting', targets: [curated[0]!.targets[0]!] },
      'urn:uuid:00000000-0000-4000-8000-000000000002' as AnnotationId,
      '2026-01-31T12:00:00.000Z',
    );
    expect(comparisonLinks([highlight])).toEqual([]);
  });
});
