import { describe, expect, it } from 'vitest';
import { builtinEditions } from '../../sources/builtin.ts';
import type { Address, SourceId } from '../../sources/edition.ts';
import {
  initialReaderState,
  moveTo,
  noticeStays,
  numberedAddresses,
  openAddress,
  passageOrder,
  setPaneSource,
  stepParagraph,
  stepPassage,
  swapPanes,
} from '../../app/state/reader-state.ts';
import { hashToAddress, resolveLocation } from '../../app/state/resolve-location.ts';
import { keyInput } from '../helpers/key-input.ts';

const editions = builtinEditions();
const [wc, lankov] = editions as [(typeof editions)[0], (typeof editions)[0]];
const start = initialReaderState(editions);

describe('initialReaderState', () => {
  it('puts Winstanley-Chesters left and Lankov right, nothing current', () => {
    expect(start.panes).toEqual(['winstanley-chesters-2015', 'lankov-2007']);
    expect(start.current).toBeNull();
    expect(start.showChrome).toBe(false);
  });
});

describe('openAddress', () => {
  it('marks a paragraph and reveals it in the pane that shows its source', () => {
    const s = openAddress(start, editions, 'lankov-2007:12');
    expect(s.activePane).toBe(1);
    expect(s.current).toBe('lankov-2007:12');
    expect(s.marked).toEqual(['lankov-2007:12']);
    expect(s.reveal?.address).toBe('lankov-2007:12');
    expect(s.panes).toEqual(start.panes);
  });

  it('marks each paragraph of a range and reveals the first', () => {
    const s = openAddress(start, editions, 'lankov-2007:12-14');
    expect(s.marked).toEqual(['lankov-2007:12', 'lankov-2007:13', 'lankov-2007:14']);
    expect(s.reveal?.address).toBe('lankov-2007:12');
  });

  it('canonicalizes the address (a one-paragraph range is the paragraph)', () => {
    expect(openAddress(start, editions, 'lankov-2007:5-5').current).toBe('lankov-2007:5');
  });

  it('revealing the same address twice makes two distinct requests', () => {
    const a = openAddress(start, editions, 'lankov-2007:3');
    const b = openAddress(a, editions, 'lankov-2007:3');
    expect(b.reveal!.seq).toBeGreaterThan(a.reveal!.seq);
  });

  it('loads a source that no pane shows into the focused pane', () => {
    const other = { ...lankov, id: 'other-2020' as SourceId };
    const three = [wc, lankov, other];
    const s = openAddress({ ...start, activePane: 1 }, three, 'other-2020:2');
    expect(s.panes).toEqual(['winstanley-chesters-2015', 'other-2020']);
    expect(s.activePane).toBe(1);
  });

  describe('when it fails', () => {
    it.each([
      ['lankov-2007:99', 'Lankov (2007) has no ¶99: it has paragraphs 1–39 and notes 1–10.'],
      ['lankov-2007:n42', 'Lankov (2007) has no note 42: it has'],
      ['lankov-2007:12.40', 'Lankov (2007) has no ¶12, sentence 40: it has'],
      ['smith-1999:1', 'no source “smith-1999”'],
      ['not an address', 'is not a passage address'],
      ['', 'is not a passage address'],
    ])('%s gives a notice and no mark', (raw, notice) => {
      const s = openAddress(openAddress(start, editions, 'lankov-2007:3'), editions, raw);
      expect(s.notice).toContain(notice);
      expect(s.marked).toEqual([]);
      expect(s.panes).toEqual(start.panes);
    });

    it('echoes at most 60 characters of a long bad hash', () => {
      const r = resolveLocation(editions, 'x'.repeat(500));
      expect(r.ok).toBe(false);
      expect(!r.ok && r.notice.length).toBeLessThan(120);
    });
  });
});

describe('hashToAddress', () => {
  it('strips # and decodes; leaves undecodable input alone', () => {
    expect(hashToAddress('#lankov-2007%3A12')).toBe('lankov-2007:12');
    expect(hashToAddress('lankov-2007:12')).toBe('lankov-2007:12');
    expect(hashToAddress('#%E0%A4%A')).toBe('%E0%A4%A');
  });
});

describe('panes', () => {
  it('swapPanes swaps sources and focus follows its source', () => {
    const s = swapPanes(start);
    expect(s.panes).toEqual(['lankov-2007', 'winstanley-chesters-2015']);
    expect(s.activePane).toBe(1);
  });

  it('choosing the other pane’s source swaps instead of showing one source twice', () => {
    const s = setPaneSource(start, 0, 'lankov-2007' as SourceId);
    expect(s.panes).toEqual(['lankov-2007', 'winstanley-chesters-2015']);
    expect(setPaneSource(start, 0, 'winstanley-chesters-2015' as SourceId)).toBe(start);
  });
});

describe('stepPassage', () => {
  it('walks every block in reading order, then the notes; site navigation only while shown', () => {
    const order = passageOrder(wc, false);
    expect(order[0]).toBe('winstanley-chesters-2015:title1');
    expect(order).not.toContain('winstanley-chesters-2015:chrome1');
    expect(passageOrder(wc, true)[0]).toBe('winstanley-chesters-2015:chrome1');
    expect(passageOrder(lankov, false).slice(-11, -9)).toEqual([
      'lankov-2007:39',
      'lankov-2007:n1',
    ]);
    const from = (a: string, d: 1 | -1, chrome = false) => stepPassage(wc, a as Address, d, chrome);
    expect(from('winstanley-chesters-2015:9', 1)).toBe('winstanley-chesters-2015:heading1');
    expect(from('winstanley-chesters-2015:heading1', 1)).toBe('winstanley-chesters-2015:10');
    expect(from('winstanley-chesters-2015:3.2', -1)).toBe('winstanley-chesters-2015:attribution1');
    expect(stepPassage(lankov, 'lankov-2007:39' as Address, 1, false)).toBe('lankov-2007:n1');
    expect(stepPassage(lankov, 'lankov-2007:n1.1' as Address, -1, false)).toBe('lankov-2007:39');
  });

  it('stops at both ends; an address not shown starts from an end', () => {
    expect(stepPassage(lankov, 'lankov-2007:n10' as Address, 1, false)).toBe('lankov-2007:n10');
    expect(stepPassage(lankov, 'lankov-2007:title1' as Address, -1, false)).toBe(
      'lankov-2007:title1',
    );
    const hidden = 'winstanley-chesters-2015:chrome1' as Address;
    expect(stepPassage(wc, hidden, 1, false)).toBe('winstanley-chesters-2015:title1');
    expect(stepPassage(wc, hidden, 1, true)).toBe('winstanley-chesters-2015:title1');
  });
});

describe('stepParagraph', () => {
  it('walks the numbered blocks, the epigraph paragraphs included', () => {
    expect(numberedAddresses(wc)).toHaveLength(21);
    expect(numberedAddresses(lankov)).toHaveLength(39);
    expect(stepParagraph(wc, null, 1)).toBe('winstanley-chesters-2015:1');
    expect(stepParagraph(wc, 'winstanley-chesters-2015:1' as Address, 1)).toBe(
      'winstanley-chesters-2015:2',
    );
    expect(stepParagraph(lankov, 'lankov-2007:12.3' as Address, 1)).toBe('lankov-2007:13');
    expect(stepParagraph(lankov, 'lankov-2007:12' as Address, -1)).toBe('lankov-2007:11');
  });

  it('stops at both ends', () => {
    expect(stepParagraph(lankov, 'lankov-2007:39' as Address, 1)).toBe('lankov-2007:39');
    expect(stepParagraph(lankov, 'lankov-2007:1' as Address, -1)).toBe('lankov-2007:1');
  });

  it('starts from an end when the address is not a paragraph (a footnote)', () => {
    expect(stepParagraph(lankov, 'lankov-2007:n3' as Address, -1)).toBe('lankov-2007:39');
  });

  it('from an unnumbered block, goes to the paragraph after or before it in reading order', () => {
    const heading = 'winstanley-chesters-2015:heading1' as Address;
    expect(stepParagraph(wc, heading, 1)).toBe('winstanley-chesters-2015:10');
    expect(stepParagraph(wc, heading, -1)).toBe('winstanley-chesters-2015:9');
    expect(stepParagraph(lankov, 'lankov-2007:title1' as Address, -1)).toBeNull();
  });

  it('moveTo marks and reveals without a notice', () => {
    const s = moveTo({ ...start, notice: 'x' }, 1, 'lankov-2007:4' as Address);
    expect(s).toMatchObject({
      activePane: 1,
      current: 'lankov-2007:4',
      marked: ['lankov-2007:4'],
      notice: null,
    });
  });
});

describe('noticeStays', () => {
  const copyByHand = 'Copy this link: http://127.0.0.1/#lankov-2007:3';
  const staying = { ...start, notice: copyByHand, stayingNotice: copyByHand };

  it('holds a notice that asks the reader to act, and no other', () => {
    expect(noticeStays(staying)).toBe(true);
    expect(noticeStays({ ...staying, notice: 'Highlighted in Lankov (2007) ¶3.' })).toBe(false);
    expect(noticeStays(start)).toBe(false);
  });

  it('does not pass to the next notice once the first is gone (Escape, then a bad link)', async () => {
    const { dismiss } = await import('../../app/commands/commands.ts');
    const escape = keyInput('Escape');
    const dismissed = dismiss.perform(staying, { editions, topOf: () => null }, escape).state;
    expect(dismissed.notice).toBeNull();
    const bad = openAddress(dismissed, editions, 'lankov-2007:99');
    expect(bad.notice).toContain('Lankov (2007) has no ¶99');
    expect(noticeStays(bad)).toBe(false);
  });
});

describe('unknown passages (issue 15)', () => {
  it('say which passages exist, and call a reversed range reversed', async () => {
    const { resolveLocation } = await import('../../app/state/resolve-location.ts');
    const { builtinEditions } = await import('../../sources/builtin.ts');
    const editions = builtinEditions();
    const missing = resolveLocation(editions, 'lankov-2007:99');
    expect(missing.ok).toBe(false);
    // In words: no raw address, no address syntax ("n1–n10"), the short label, not the full title.
    if (!missing.ok)
      expect(missing.notice).toBe(
        'Lankov (2007) has no ¶99: it has paragraphs 1–39 and notes 1–10.',
      );
    const reversed = resolveLocation(editions, 'lankov-2007:13-12');
    expect(reversed.ok).toBe(false);
    if (!reversed.ok) expect(reversed.notice).toContain('is reversed: try lankov-2007:12-13');
  });
});
