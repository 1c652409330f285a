// Without a Worker (as here, in Node), the client runs the citer on the page's thread:
// the same calls, the same validation of what comes back.
import { describe, expect, it } from 'vitest';
import { callCiter } from '../../../app/citations/citer-client.ts';
import { citeForDigest } from '../../../app/citations/cite-for-digest.ts';

describe('callCiter without a worker', () => {
  it('cites, cites in a batch, lists the bibliography and exports', async () => {
    const cited = await callCiter({
      op: 'cite',
      style: 'mla',
      request: {
        address: 'lankov-2007:12.3',
        pinpoint: 'paragraph',
        quote: 'A quote.',
        link: 'https://example.org/#lankov-2007:12.3',
      },
    });
    expect(cited.citation.text).toBe('(Lankov, par. 12)');
    expect(cited.quoted?.text).toBe(
      '“A quote” (Lankov, par. 12).\nhttps://example.org/#lankov-2007:12.3',
    );
    expect(
      await callCiter({
        op: 'citeMany',
        style: 'mla',
        form: 'citation',
        requests: [
          { address: 'lankov-2007:12-13', pinpoint: 'paragraph' },
          { address: 'lankov-2007:n5' },
        ],
      }),
    ).toEqual(['(Lankov, pars. 12–13)', '(Lankov, n. 5)']);
    const edited = await callCiter({
      op: 'cite',
      style: 'apa',
      request: { address: 'winstanley-chesters-2015:3' },
      overrides: {
        'winstanley-chesters-2015': { issued: '2015-06-03', URL: 'https://example.org/a' },
      },
    });
    expect(edited.citation.text).toBe('(Winstanley-Chesters, 2015, para. 3)');
    expect(edited.missing).toEqual([]);
    expect(edited.pandoc).toBe('[@winstanleychesters2015russias, para. 3]');
    const entries = await callCiter({ op: 'bibliography', style: 'mla' });
    expect(entries.map((e) => e.source).sort()).toEqual([
      'lankov-2007',
      'winstanley-chesters-2015',
    ]);
    const file = await callCiter({ op: 'export', format: 'ris' });
    expect(file.name).toBe('diptych-bibliography.ris');
    expect(file.text.split('\n')[0]).toMatch(/^TY {2}- /);
  });

  it('gives the digest a cite function answering from one batch', async () => {
    const cite = await citeForDigest(
      ['lankov-2007:12', 'lankov-2007:12', 'winstanley-chesters-2015:3'],
      'mla',
      'citation',
      'paragraph',
    );
    expect(cite('lankov-2007:12')).toBe('(Lankov, par. 12)');
    expect(cite('winstanley-chesters-2015:3')).toBe('(Winstanley-Chesters, par. 3)');
    const pandoc = await citeForDigest(['lankov-2007:12'], 'apa', 'pandoc', 'paragraph');
    expect(pandoc('lankov-2007:12')).toBe('[@lankov2007russia, para. 12]');
    expect(cite('lankov-2007:1')).toBe('');
  });

  describe('when it fails', () => {
    it('rejects with the core’s one-line message for a bad address', async () => {
      await expect(
        callCiter({ op: 'cite', style: 'mla', request: { address: 'nowhere' } }),
      ).rejects.toThrow(/not an address/);
      await expect(citeForDigest(['nowhere'], 'mla')).rejects.toThrow(/not an address/);
    });
  });
});
