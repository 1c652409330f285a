import { describe, expect, it } from 'vitest';
import { citeScopes, citeTarget, spanCiteTarget } from '../../../app/citations/cite-target.ts';
import { builtinEditions } from '../../../sources/builtin.ts';

const editions = builtinEditions();
const lankov = editions.find((e) => e.id === 'lankov-2007')!;
const p12 = lankov.blocks.find((b) => b.n === 12)!;

describe('citeTarget', () => {
  it('quotes the passage text of a paragraph, a sentence and a footnote', () => {
    expect(citeTarget(editions, 'lankov-2007:12')).toEqual({
      address: 'lankov-2007:12',
      quote: p12.text,
      label: 'Paragraph 12',
    });
    expect(citeTarget(editions, 'lankov-2007:12.1')?.quote).toBe(p12.sentences[0]!.text);
    expect(citeTarget(editions, 'lankov-2007:12.1')?.label).toBe('Sentence 12.1');
    const n5 = lankov.footnotes.find((f) => f.n === 5)!;
    expect(citeTarget(editions, 'lankov-2007:n5')).toMatchObject({
      quote: n5.text,
      label: 'Note 5',
    });
  });

  it('lists a paragraph and then each of its sentences as scopes, from either address', () => {
    const scopes = citeScopes(editions, 'lankov-2007:12');
    expect(scopes.map((s) => s.address)).toEqual([
      'lankov-2007:12',
      ...p12.sentences.map((s) => s.address),
    ]);
    expect(citeScopes(editions, 'lankov-2007:12.2')).toEqual(scopes);
  });

  describe('when it fails', () => {
    it.each(['lankov-2007:999', 'lankov-2007:n99', 'nobody-2000:1', 'not an address', ''])(
      '%j has no target and no scopes',
      (address) => {
        expect(citeTarget(editions, address)).toBeNull();
        expect(citeScopes(editions, address)).toEqual([]);
      },
    );
  });
});

describe('spanCiteTarget', () => {
  it('cites a span across paragraphs as the range, with a range locator, in either order', () => {
    const forward = spanCiteTarget(
      'lankov-2007:12.3',
      'lankov-2007:14.1',
      '  from here … to there ',
    );
    expect(forward).toEqual({
      address: 'lankov-2007:12-14',
      locator: { label: 'paragraph', locator: '12-14' },
      quote: 'from here … to there',
      label: 'Paragraphs 12–14',
    });
    expect(spanCiteTarget('lankov-2007:14', 'lankov-2007:12.3', 'q')?.locator).toEqual({
      label: 'paragraph',
      locator: '12-14',
    });
  });

  it('cites a span inside one paragraph as that paragraph, and inside one sentence as the sentence', () => {
    expect(spanCiteTarget('lankov-2007:12.1', 'lankov-2007:12.3', 'q')).toEqual({
      address: 'lankov-2007:12',
      quote: 'q',
      label: 'Paragraph 12',
    });
    expect(spanCiteTarget('lankov-2007:12.2', 'lankov-2007:12.2', 'q')?.address).toBe(
      'lankov-2007:12.2',
    );
  });

  it('cites a footnote span as the footnote, and a span that leaves the numbered text where it starts', () => {
    expect(spanCiteTarget('lankov-2007:n5', 'lankov-2007:n5', 'q')?.address).toBe('lankov-2007:n5');
    expect(spanCiteTarget('lankov-2007:39', 'lankov-2007:n1', 'q')?.address).toBe('lankov-2007:39');
    expect(
      spanCiteTarget('winstanley-chesters-2015:heading1', 'winstanley-chesters-2015:5', 'q')
        ?.address,
    ).toBe('winstanley-chesters-2015:heading1');
  });

  describe('when it fails', () => {
    it('has no target without a start address', () => {
      expect(spanCiteTarget('nowhere', 'lankov-2007:1', 'q')).toBeNull();
    });
    it('cites the start when the end is in the other text', () => {
      expect(spanCiteTarget('lankov-2007:3', 'winstanley-chesters-2015:4', 'q')?.address).toBe(
        'lankov-2007:3',
      );
    });
  });
});

describe('spanCiteTarget with a range address (a selection across paragraphs, an annotation)', () => {
  it('cites the range with its locator', () => {
    expect(spanCiteTarget('lankov-2007:12-13', 'lankov-2007:12-13', 'q')).toEqual({
      address: 'lankov-2007:12-13',
      locator: { label: 'paragraph', locator: '12-13' },
      quote: 'q',
      label: 'Paragraphs 12–13',
    });
  });
});
