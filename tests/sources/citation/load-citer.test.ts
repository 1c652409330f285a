/**
 * The browser entry, run under Vitest (which gives it Vite's loader): the
 * same strings as the Node path, one engine per style, failures not cached.
 */
import { describe, expect, it } from 'vitest';
import {
  bibliography,
  citeInStyle,
  exportFile,
  loadCiter,
  setExtraSources,
} from '../../../sources/citation/load-citer.ts';
import type { SourceId } from '../../../sources/edition.ts';
import type { SourceMetadata } from '../../../sources/metadata.ts';
import { scaled } from '../../slowdown.ts';

describe('loadCiter', () => {
  it(
    'cites through the Vite loader exactly as pinned for Node',
    async () => {
      const result = await citeInStyle('mla', {
        address: 'lankov-2007:n5',
        quote: 'See the note.',
      });
      expect(result.citation.text).toBe('(Lankov, n. 5)');
      expect(result.quoted?.text).toBe('“See the note” (Lankov, n. 5).');
    },
    scaled(60_000),
  );

  it(
    'builds one engine per style and reuses it',
    async () => {
      expect(await loadCiter('mla')).toBe(await loadCiter('mla'));
    },
    scaled(60_000),
  );

  it(
    'lets a selection that spans paragraphs override the address’s pinpoint',
    async () => {
      const result = await citeInStyle('mla', {
        address: 'winstanley-chesters-2015:4',
        locator: { label: 'paragraph', locator: '4-6' },
        pinpoint: 'paragraph',
      });
      expect(result.citation.text).toBe('(Winstanley-Chesters, pars. 4–6)');
    },
    scaled(60_000),
  );

  it(
    'takes the reader’s texts into a warm engine without rebuilding it',
    async () => {
      const before = await loadCiter('mla');
      const mine: SourceMetadata = {
        id: 'my-notes-0a1b2c' as SourceId,
        file: '',
        lang: 'en',
        label: 'My notes',
        csl: {
          id: 'my-notes-0a1b2c',
          type: 'article-journal',
          title: 'Notes on the border',
          author: [{ family: 'Reader', given: 'Ann' }],
          issued: { 'date-parts': [[2020]] },
          'container-title': 'Border Studies',
        },
        inferred: [],
        declarations: [],
      };
      try {
        setExtraSources([mine]);
        const result = await citeInStyle('mla', { address: 'my-notes-0a1b2c:2' });
        expect(await loadCiter('mla')).toBe(before);
        expect(result.citation.text).toBe('(Reader)');
        expect(result.bibliography).toMatchObject({
          kind: 'entry',
          text: 'Reader, Ann. “Notes on the Border.” Border Studies, 2020.',
        });
      } finally {
        setExtraSources([]);
      }
      await expect(citeInStyle('mla', { address: 'my-notes-0a1b2c:2' })).rejects.toThrow(
        /my-notes-0a1b2c/,
      );
    },
    scaled(60_000),
  );

  it(
    'gives the bibliography in the style’s order',
    async () => {
      expect((await bibliography('mla')).map((e) => e.source)).toEqual([
        'lankov-2007',
        'winstanley-chesters-2015',
      ]);
    },
    scaled(60_000),
  );
});

describe('exportFile', () => {
  it('names the file and its MIME type for a download', async () => {
    const file = await exportFile('ris');
    expect(file.name).toBe('diptych-bibliography.ris');
    expect(file.mime).toBe('application/x-research-info-systems');
    expect(file.text.match(/^ER {2}- $/gm)).toHaveLength(2);
  });
});

describe('loadCiter, when it fails', () => {
  it(
    'names the expected forms for a bad address',
    async () => {
      await expect(citeInStyle('mla', { address: 'lankov-2007' })).rejects.toThrow(
        /not an address/,
      );
    },
    scaled(60_000),
  );

  it(
    'rejects a bad locator override in one line',
    async () => {
      const bad = citeInStyle('mla', {
        address: 'lankov-2007:4',
        locator: { label: 'paragraph', locator: '4–6' },
      });
      await expect(bad).rejects.toThrow(/^bad locator .*a range like 12-13$/);
    },
    scaled(60_000),
  );
});
