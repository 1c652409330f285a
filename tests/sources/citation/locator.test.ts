/** Addresses to CSL locators: the pinpoint rules of the citations issue. */
import { describe, expect, it } from 'vitest';
import { parseAddress } from '../../../sources/address.ts';
import {
  citeTargetOf,
  locatorFor,
  paragraphRangeLocator,
} from '../../../sources/citation/locator.ts';

const locator = (address: string) => locatorFor(parseAddress(address)!);

describe('locatorFor', () => {
  it('cites a paragraph with CSL label "paragraph" (not "para", which citeproc drops)', () => {
    expect(locator('lankov-2007:12')).toEqual({ label: 'paragraph', locator: '12' });
  });

  it('cites a sentence by its paragraph', () => {
    expect(locator('lankov-2007:12.3')).toEqual({ label: 'paragraph', locator: '12' });
  });

  it('cites a range of paragraphs as a range', () => {
    expect(locator('lankov-2007:12-13')).toEqual({ label: 'paragraph', locator: '12-13' });
    // `12-12` is one paragraph (parseAddress folds it).
    expect(locator('lankov-2007:12-12')).toEqual({ label: 'paragraph', locator: '12' });
  });

  it('cites a footnote, or a sentence in it, with CSL label "note"', () => {
    expect(locator('lankov-2007:n5')).toEqual({ label: 'note', locator: '5' });
    expect(locator('lankov-2007:n5.2')).toEqual({ label: 'note', locator: '5' });
  });

  it('gives no pinpoint for an unnumbered block, which has no number to cite', () => {
    expect(locator('winstanley-chesters-2015:heading1')).toBeUndefined();
    expect(locator('winstanley-chesters-2015:caption2.1')).toBeUndefined();
  });
});

describe('paragraphRangeLocator', () => {
  it('orders the ends and folds a one-paragraph range', () => {
    expect(paragraphRangeLocator(13, 12)).toEqual({ label: 'paragraph', locator: '12-13' });
    expect(paragraphRangeLocator(7, 7)).toEqual({ label: 'paragraph', locator: '7' });
  });
});

describe('citeTargetOf, when it fails', () => {
  it('names the expected forms for something that is not an address', () => {
    for (const bad of ['lankov-2007', 'lankov-2007:0', 'lankov-2007:13-12', 'Lankov:12', '']) {
      expect(() => citeTargetOf(bad), bad).toThrow(
        /not an address: .* \(expected e\.g\. lankov-2007:12/,
      );
    }
  });

  it('returns the source and locator of a good one', () => {
    expect(citeTargetOf(' lankov-2007:n5 ')).toEqual({
      source: 'lankov-2007',
      locator: { label: 'note', locator: '5' },
    });
  });
});
