import { describe, expect, it } from 'vitest';
import { addressForRange } from '../../../annotations/model/address-for-range.ts';
import { builtinEdition } from '../../../sources/builtin.ts';
import type { Edition } from '../../../sources/edition.ts';

const lankov = builtinEdition('lankov-2007')!;
const wc = builtinEdition('winstanley-chesters-2015')!;
const at = (e: Edition, address: string) =>
  [...e.blocks, ...e.footnotes].find((p) => p.address === address)!;

describe('addressForRange', () => {
  it('a span inside a paragraph, a footnote, an unnumbered block: that passage', () => {
    const p6 = at(lankov, 'lankov-2007:6');
    expect(addressForRange(lankov, p6.start + 3, p6.start + 10)).toBe('lankov-2007:6');
    const n2 = at(lankov, 'lankov-2007:n2');
    expect(addressForRange(lankov, n2.start, n2.end)).toBe('lankov-2007:n2');
    const heading = at(wc, 'winstanley-chesters-2015:heading1');
    expect(addressForRange(wc, heading.start, heading.end)).toBe(
      'winstanley-chesters-2015:heading1',
    );
  });

  it('across numbered paragraphs: a range', () => {
    const p6 = at(lankov, 'lankov-2007:6');
    const p8 = at(lankov, 'lankov-2007:8');
    expect(addressForRange(lankov, p6.end - 5, p8.start + 5)).toBe('lankov-2007:6-8');
  });

  it('across a paragraph and an unnumbered block: where the selection starts', () => {
    const heading = at(wc, 'winstanley-chesters-2015:heading1');
    const before = wc.blocks[wc.blocks.findIndex((b) => b.address === heading.address) - 1]!;
    expect(addressForRange(wc, before.end - 3, heading.start + 3)).toBe(before.address);
  });

  it('on the separator between passages: the passage before', () => {
    const p6 = at(lankov, 'lankov-2007:6');
    expect(addressForRange(lankov, p6.end, p6.end + 1)).toBe('lankov-2007:6');
  });
});

describe('addressForRange: when it fails', () => {
  it('an edition with no passages has no address', () => {
    expect(addressForRange({ ...lankov, blocks: [], footnotes: [] }, 0, 1)).toBeNull();
  });
});
