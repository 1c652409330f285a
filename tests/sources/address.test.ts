import { describe, expect, it } from 'vitest';
import {
  containingPassage,
  findPassage,
  formatAddress,
  localPart,
  parseAddress,
  passageText,
  spanOf,
  startPassage,
} from '../../sources/address.ts';
import type { Address } from '../../sources/edition.ts';
import { builtinEdition } from '../../sources/builtin.ts';

const lankov = builtinEdition('lankov-2007')!;
const wc = builtinEdition('winstanley-chesters-2015')!;

describe('addresses', () => {
  it.each([
    ['lankov-2007:12', { kind: 'paragraph', source: 'lankov-2007', n: 12 }],
    ['lankov-2007:12.3', { kind: 'sentence', source: 'lankov-2007', n: 12, s: 3 }],
    ['lankov-2007:12-13', { kind: 'range', source: 'lankov-2007', from: 12, to: 13 }],
    ['lankov-2007:n5', { kind: 'footnote', source: 'lankov-2007', n: 5 }],
    ['lankov-2007:n5.2', { kind: 'footnote', source: 'lankov-2007', n: 5, s: 2 }],
    [
      'winstanley-chesters-2015:heading1',
      { kind: 'block', source: 'winstanley-chesters-2015', role: 'heading', k: 1 },
    ],
    [
      'winstanley-chesters-2015:caption2.1',
      { kind: 'block', source: 'winstanley-chesters-2015', role: 'caption', k: 2, s: 1 },
    ],
  ])('parses %s and formats it back', (input, parsed) => {
    expect(parseAddress(input)).toEqual(parsed);
    expect(formatAddress(parseAddress(input)!)).toBe(input);
  });

  it('normalizes a one-paragraph range to the paragraph', () => {
    expect(formatAddress(parseAddress('lankov-2007:7-7')!)).toBe('lankov-2007:7');
  });

  it.each([
    '',
    'lankov-2007',
    'lankov-2007:',
    'lankov-2007:0',
    'lankov-2007:13-12',
    'Lankov:1',
    'lankov-2007:n0',
    'lankov-2007:foo1',
    'lankov-2007:1.0',
    ':1',
  ])('rejects %j', (input) => expect(parseAddress(input)).toBeNull());

  it('resolves addresses against an edition', () => {
    expect(passageText(findPassage(lankov, 'lankov-2007:31.1')!)).toMatch(/^G\.D\. Tolaraya/);
    expect(passageText(findPassage(lankov, 'lankov-2007:n2')!)).toBe(
      'ITAR-TASS report, 19 March 2007.',
    );
    expect(findPassage(lankov, 'lankov-2007:1-2')).toMatchObject({ kind: 'range' });
    expect(passageText(findPassage(wc, 'winstanley-chesters-2015:heading2')!)).toBe(
      'The global picture',
    );
  });

  it('returns null for passages the edition lacks', () => {
    for (const a of [
      'lankov-2007:40',
      'lankov-2007:1.99',
      'lankov-2007:n11',
      'lankov-2007:38-40',
      'winstanley-chesters-2015:1',
      'lankov-2007:caption1',
    ]) {
      expect(findPassage(lankov, a)).toBeNull();
    }
  });
});

describe('the passage that holds an address', () => {
  const cases: [string, string, string][] = [
    // address, containingPassage, startPassage
    ['lankov-2007:12', 'lankov-2007:12', 'lankov-2007:12'],
    ['lankov-2007:12.3', 'lankov-2007:12', 'lankov-2007:12'],
    ['lankov-2007:12-13', 'lankov-2007:12-13', 'lankov-2007:12'],
    ['lankov-2007:n5', 'lankov-2007:n5', 'lankov-2007:n5'],
    ['lankov-2007:n5.1', 'lankov-2007:n5', 'lankov-2007:n5'],
    [
      'winstanley-chesters-2015:caption2',
      'winstanley-chesters-2015:caption2',
      'winstanley-chesters-2015:caption2',
    ],
    [
      'winstanley-chesters-2015:caption2.1',
      'winstanley-chesters-2015:caption2',
      'winstanley-chesters-2015:caption2',
    ],
    ['nonsense', 'nonsense', 'nonsense'],
  ];
  it.each(cases)('%s is in %s and starts in %s', (address, containing, start) => {
    expect(containingPassage(address as Address)).toBe(containing);
    expect(startPassage(address as Address)).toBe(start);
  });

  it('localPart drops the source id', () => {
    expect(localPart('lankov-2007:n5.1' as Address)).toBe('n5.1');
    expect(localPart('winstanley-chesters-2015:12' as Address)).toBe('12');
  });

  it('spanOf gives the offsets of a passage in the edition text, whatever its kind', () => {
    for (const address of [
      'lankov-2007:12',
      'lankov-2007:31.1',
      'lankov-2007:1-2',
      'lankov-2007:n2',
      'lankov-2007:n2.1',
      'winstanley-chesters-2015:heading2',
    ]) {
      const edition = address.startsWith('lankov') ? lankov : wc;
      const passage = findPassage(edition, address)!;
      const { start, end } = spanOf(passage);
      const text = edition.text.slice(start, end);
      if (passage.kind === 'range') {
        expect(text.startsWith(passage.blocks[0]!.text), address).toBe(true);
        expect(text.endsWith(passage.blocks.at(-1)!.text), address).toBe(true);
      } else expect(text, address).toBe(passageText(passage));
    }
  });

  it('findPassage works on part of an edition (no id: any source)', () => {
    const part = { blocks: lankov.blocks };
    expect(findPassage(part, 'lankov-2007:12')).toMatchObject({ kind: 'block' });
    expect(findPassage(part, 'lankov-2007:n2')).toBeNull();
  });
});
