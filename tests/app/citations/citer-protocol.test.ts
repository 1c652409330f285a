import { describe, expect, it } from 'vitest';
import {
  CiterReplySchema,
  CiterRequestSchema,
  REPLY_VALUE,
} from '../../../app/citations/citer-protocol.ts';
import { createCiter, citePassage } from '../../../sources/citation/index.ts';
import { nodeCslLoader } from '../../../sources/citation/node-csl-loader.ts';

describe('citer protocol', () => {
  it('accepts every kind of request the app sends', () => {
    for (const request of [
      { id: 1, op: 'warm', style: 'mla' },
      {
        id: 2,
        op: 'cite',
        style: 'apa',
        request: { address: 'lankov-2007:12', quote: 'q', link: 'http://x/#a' },
      },
      {
        id: 3,
        op: 'cite',
        style: 'chicago-notes',
        request: {
          address: 'lankov-2007:12-13',
          locator: { label: 'paragraph', locator: '12-13' },
        },
      },
      { id: 4, op: 'bibliography', style: 'chicago-author-date-17' },
      {
        id: 6,
        op: 'citeMany',
        style: 'mla',
        form: 'citation',
        requests: [{ address: 'lankov-2007:12' }, { address: 'lankov-2007:n5' }],
      },
      { id: 5, op: 'export', format: 'csl-json' },
    ]) {
      expect(CiterRequestSchema.safeParse(request).success, JSON.stringify(request)).toBe(true);
    }
  });

  it('accepts what the citation core really returns (MLA cite and bibliography)', async () => {
    const citer = await createCiter('mla', nodeCslLoader);
    const cited = citePassage(citer, {
      address: 'lankov-2007:12',
      pinpoint: 'paragraph',
      quote: 'q',
      link: 'https://x.example/#lankov-2007:12',
    });
    expect(REPLY_VALUE.cite.parse(cited).citation.text).toBe('(Lankov, par. 12)');
    expect(REPLY_VALUE.bibliography.parse(citer.bibliography())).toHaveLength(2);
  });

  describe('when it fails', () => {
    it.each([
      { id: 1, op: 'warm', style: 'harvard' },
      { id: 1, op: 'cite', style: 'apa', request: {} },
      {
        id: 1,
        op: 'cite',
        style: 'apa',
        request: { address: 'x', locator: { label: 'page', locator: '3' } },
      },
      { id: 1, op: 'export', format: 'endnote' },
      { id: 1, op: 'citeMany', style: 'mla', form: 'citation', requests: 'lankov-2007:12' },
      { op: 'warm', style: 'apa' },
      { id: 'a', op: 'warm', style: 'apa' },
      { id: 1, op: 'drop tables' },
      null,
      'warm',
    ])('refuses the request %j', (request) => {
      expect(CiterRequestSchema.safeParse(request).success).toBe(false);
    });

    it('refuses replies that do not match', () => {
      expect(CiterReplySchema.safeParse({ id: 1, ok: false }).success).toBe(false);
      expect(CiterReplySchema.safeParse({ ok: true, value: null }).success).toBe(false);
      expect(REPLY_VALUE.cite.safeParse({ style: 'apa', citation: { text: 'x' } }).success).toBe(
        false,
      );
      expect(REPLY_VALUE.export.safeParse({ name: 'a.bib', text: '' }).success).toBe(false);
      expect(
        REPLY_VALUE.bibliography.safeParse([{ kind: 'absent', source: 'lankov-2007' }]).success,
      ).toBe(false);
    });
  });
});
