import { describe, expect, it } from 'vitest';
import { builtinEditions } from '../../sources/builtin.ts';
import type { Address } from '../../sources/edition.ts';
import { syncTarget } from '../../app/sync/sync-targets.ts';

const [wc, lankov] = builtinEditions() as [
  ReturnType<typeof builtinEditions>[0],
  ReturnType<typeof builtinEditions>[0],
];
const a = (s: string) => s as Address;

describe('syncTarget without links (proportional fallback)', () => {
  it('maps first to first and last to last', () => {
    expect(syncTarget(a('winstanley-chesters-2015:1'), wc, lankov)).toEqual({
      address: 'lankov-2007:1',
      method: 'proportional',
    });
    expect(syncTarget(a('winstanley-chesters-2015:21'), wc, lankov)?.address).toBe(
      'lankov-2007:39',
    );
    expect(syncTarget(a('lankov-2007:39'), lankov, wc)?.address).toBe(
      'winstanley-chesters-2015:21',
    );
  });

  it('is monotonic: later paragraphs never map to earlier ones', () => {
    const targets = Array.from({ length: 21 }, (_, i) =>
      syncTarget(a(`winstanley-chesters-2015:${i + 1}`), wc, lankov)!,
    );
    const numbers = targets.map((t) => Number(t.address.split(':')[1]));
    expect(numbers).toEqual([...numbers].sort((x, y) => x - y));
  });

  it('treats a sentence as its paragraph, and an unnumbered block as the paragraph before it', () => {
    expect(syncTarget(a('lankov-2007:20.2'), lankov, wc)).toEqual(
      syncTarget(a('lankov-2007:20'), lankov, wc),
    );
    expect(syncTarget(a('winstanley-chesters-2015:heading1'), wc, lankov)?.method).toBe(
      'proportional',
    );
  });
});

describe('syncTarget with links', () => {
  const links = [{ a: a('winstanley-chesters-2015:9'), b: a('lankov-2007:3.2') }];

  it('follows a link in both directions, and from a sentence of the linked paragraph', () => {
    expect(syncTarget(a('winstanley-chesters-2015:9'), wc, lankov, links)).toEqual({
      address: 'lankov-2007:3.2',
      method: 'link',
    });
    expect(syncTarget(a('winstanley-chesters-2015:9.1'), wc, lankov, links)?.address).toBe(
      'lankov-2007:3.2',
    );
    expect(syncTarget(a('lankov-2007:3'), lankov, wc, links)).toEqual({
      address: 'winstanley-chesters-2015:9',
      method: 'link',
    });
  });

  it('falls back to proportion for unlinked paragraphs', () => {
    expect(syncTarget(a('winstanley-chesters-2015:10'), wc, lankov, links)?.method).toBe(
      'proportional',
    );
  });

  describe('when it fails', () => {
    it('returns null for an address of another source or an unknown block', () => {
      expect(syncTarget(a('lankov-2007:3'), wc, lankov)).toBeNull();
      expect(syncTarget(a('winstanley-chesters-2015:heading9'), wc, lankov)).toBeNull();
    });
  });
});
