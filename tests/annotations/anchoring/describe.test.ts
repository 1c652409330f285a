import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addressOf,
  CONTEXT_LENGTH,
  describe as describeSelection,
} from '../../../annotations/anchoring/describe.ts';
import { SelectorsSchema } from '../../../annotations/model/selectors.ts';
import { builtinEdition } from '../../../sources/builtin.ts';
import type { Edition } from '../../../sources/edition.ts';
import { assertProperty } from '../../helpers/property.ts';

const lankov = builtinEdition('lankov-2007')!;
const wc = builtinEdition('winstanley-chesters-2015')!;

/** Offsets of the `occurrence`-th (0-based) `quote` inside the passage with `address`. */
function find(edition: Edition, address: string, quote: string): [number, number] {
  const p = [...edition.blocks, ...edition.footnotes].find((x) => x.address === address)!;
  const at = p.text.indexOf(quote);
  if (at === -1) throw new Error(`${quote} not in ${address}`);
  return [p.start + at, p.start + at + quote.length];
}

describe('describe', () => {
  it('builds the quote with 32 characters of context, the position and the address', () => {
    const [start, end] = find(lankov, 'lankov-2007:3', 'Soviet occupation forces');
    const s = describeSelection(lankov, start, end)!;
    expect(s.quote).toEqual({
      exact: 'Soviet occupation forces',
      prefix: lankov.text.slice(start - CONTEXT_LENGTH, start),
      suffix: lankov.text.slice(end, end + CONTEXT_LENGTH),
    });
    expect(s.quote!.prefix).toHaveLength(32);
    expect(s.position).toEqual({ start, end });
    expect(s.address).toBe('lankov-2007:3.1');
    expect(SelectorsSchema.safeParse(s).success).toBe(true);
  });

  it('names the smallest passage that holds the selection', () => {
    const p12 = lankov.blocks.find((b) => b.n === 12)!;
    const p13 = lankov.blocks.find((b) => b.n === 13)!;
    const n5 = lankov.footnotes.find((f) => f.n === 5)!;
    const wc9 = wc.blocks.find((b) => b.n === 9)!;
    const cases: [string, Edition, number, number, string][] = [
      ['within a sentence', lankov, p12.start + 5, p12.start + 20, 'lankov-2007:12.1'],
      [
        'across two sentences',
        lankov,
        p12.start + 5,
        p12.start + p12.sentences[1]!.end - 2,
        'lankov-2007:12',
      ],
      ['a whole paragraph', lankov, p12.start, p12.end, 'lankov-2007:12'],
      ['across two paragraphs', lankov, p12.end - 10, p13.start + 10, 'lankov-2007:12-13'],
      ['within a footnote sentence', lankov, n5.start + 2, n5.start + 9, 'lankov-2007:n5.1'],
      ['across footnote sentences', lankov, n5.start, n5.end, 'lankov-2007:n5'],
      [
        'within a heading',
        wc,
        ...find(wc, 'winstanley-chesters-2015:heading1', 'post-Soviet'),
        'winstanley-chesters-2015:heading1.1',
      ],
      [
        'from a paragraph into a heading',
        wc,
        wc9.end - 10,
        wc9.end + 10,
        'winstanley-chesters-2015:9',
      ],
      [
        'from the last paragraph into a footnote',
        lankov,
        lankov.blocks.at(-1)!.end - 5,
        lankov.footnotes[0]!.start + 5,
        'lankov-2007:39',
      ],
    ];
    for (const [name, edition, start, end, address] of cases) {
      expect(describeSelection(edition, start, end)?.address, name).toBe(address);
    }
  });

  it('trims white space and block separators from the ends of the selection', () => {
    const p12 = lankov.blocks.find((b) => b.n === 12)!;
    const s = describeSelection(lankov, p12.start - 2, p12.end + 2)!;
    expect(s.position).toEqual({ start: p12.start, end: p12.end });
    expect(s.quote!.exact).toBe(p12.text);
  });

  it('accepts offsets in either order and clamps them to the text', () => {
    const p12 = lankov.blocks.find((b) => b.n === 12)!;
    expect(describeSelection(lankov, p12.start + 20, p12.start + 5)).toEqual(
      describeSelection(lankov, p12.start + 5, p12.start + 20),
    );
    expect(describeSelection(lankov, -10, 5)!.position).toEqual({ start: 0, end: 5 });
    expect(
      describeSelection(lankov, lankov.text.length - 5, lankov.text.length + 50)!.quote!.suffix,
    ).toBe('');
  });

  it('keeps an empty prefix at the start of the text', () => {
    expect(describeSelection(lankov, 0, 6)!.quote).toMatchObject({ exact: 'Russia', prefix: '' });
  });

  describe('when it fails', () => {
    it('returns null when only white space is selected', () => {
      const p12 = lankov.blocks.find((b) => b.n === 12)!;
      expect(describeSelection(lankov, p12.end, p12.end + 2)).toBeNull();
      expect(describeSelection(lankov, 7, 7)).toBeNull();
      expect(describeSelection(lankov, Number.NaN, 7)).toBeNull();
    });
    it('leaves out the address, and keeps the rest, when no passage holds the offsets', () => {
      const bare = { ...lankov, blocks: [], footnotes: [] } as Edition;
      const [start, end] = find(lankov, 'lankov-2007:3', 'Soviet occupation forces');
      const s = describeSelection(bare, start, end)!;
      expect(s.address).toBeUndefined();
      expect(s.quote?.exact).toBe('Soviet occupation forces');
      expect(s.position).toEqual({ start, end });
      expect(addressOf(bare, start, end)).toBeNull();
    });
    it('leaves out the quote, and keeps the rest, when the selection is longer than a quote may be', () => {
      const long = { ...lankov, text: lankov.text.repeat(2) } as Edition;
      const s = describeSelection(long, 0, long.text.length)!;
      expect(s.quote).toBeUndefined();
      expect(s.position).toEqual({ start: 0, end: long.text.length });
    });
  });

  it('always builds selectors the model accepts (property)', () => {
    assertProperty(
      fc.property(
        fc.integer({ min: 0, max: wc.text.length }),
        fc.integer({ min: 0, max: 600 }),
        (start, len) => {
          const s = describeSelection(wc, start, start + len);
          // Null for an empty or all-whitespace selection: nothing to describe.
          fc.pre(s !== null);
          expect(SelectorsSchema.safeParse(s).success).toBe(true);
        },
      ),
      { numRuns: 300, maxDiscarded: 0.1 },
    );
  });
});
