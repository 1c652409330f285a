import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, markdownDigest } from '../../../annotations/io/markdown-digest.ts';
import type { Annotation } from '../../../annotations/model/annotation.ts';
import type { Address } from '../../../sources/edition.ts';
import { builtinEditions } from '../../../sources/builtin.ts';
import { golden } from '../../helpers/golden.ts';
import { sampleAnnotations } from '../helpers/samples.ts';

const samples = sampleAnnotations(builtinEditions());
const PINNED = new URL('../../fixtures/annotations/digest.md', import.meta.url);
const parse = (md: string): Root => unified().use(remarkParse).parse(md) as Root;

/** The headings of a digest, in order. */
const headings = (md: string): string[] =>
  [...md.matchAll(/^(#{1,3}) (.*)$/gm)].map((m) => `${m[1]} ${m[2]}`);

describe('markdownDigest', () => {
  it('groups by source (app order) and sorts each source in text order', () => {
    // Reversed input: the order must come from the text, not the list.
    expect(headings(markdownDigest([...samples].reverse()))).toEqual([
      '# Annotations',
      '## Winstanley-Chesters (2015)',
      '### winstanley-chesters-2015:3',
      '### winstanley-chesters-2015:3',
      '### winstanley-chesters-2015:heading1',
      '## Lankov (2007)',
      '### lankov-2007:1',
      '### lankov-2007:6',
      '### lankov-2007:6-7',
      '### lankov-2007:7',
      '### lankov-2007:n2',
    ]);
  });

  it('adds a citation per quote when given cite()', () => {
    const cited: Address[] = [];
    const md = markdownDigest(samples, { cite: (a) => (cited.push(a), `Cited ${a}`) });
    expect(cited).toHaveLength(8); // seven annotations, one of them a comparison with two passages
    expect(md).toContain('— Cited lankov-2007:n2');
  });

  it('matches the pinned digest', () => {
    const md = markdownDigest(samples);
    expect(md).toBe(golden(PINNED, md));
  });

  it('renders the quote literally and the note as Markdown', () => {
    const tree = parse(markdownDigest(samples));
    const types = new Set<string>();
    visit(tree, (node) => void types.add(node.type));
    expect(types.has('blockquote')).toBe(true);
    expect(types.has('list')).toBe(true); // the note's list
    expect(types.has('html')).toBe(false); // the note's <script> is text
  });

  it('says so when there is nothing', () => {
    expect(markdownDigest([])).toBe('# Annotations\n\nNo annotations.\n');
  });
});

describe('markdownDigest: when the text fights back', () => {
  it('no quote, tag or note can inject HTML or structure', () => {
    const evil = {
      ...samples[1]!,
      note: '<img src=x onerror=alert(1)> and <script>x</script>',
      tags: ['<b>tag</b>', '# heading', '[x](javascript:alert(1))'],
    } as Annotation;
    const md = markdownDigest([evil]);
    let html = 0;
    let links = 0;
    visit(parse(md), (node) => {
      if (node.type === 'html') html += 1;
      if (node.type === 'link') links += 1;
    });
    expect(html).toBe(0);
    expect(links).toBe(0);
    expect(headings(md)).toHaveLength(3);
  });

  // Issue 12, item 6: notes were copied verbatim, so `[x](javascript:…)` stayed a live link.
  it('writes notes so that no link but http(s) or mailto can become active, in CommonMark or GFM', () => {
    const note = [
      'Inline [x](javascript:alert(1)) and [d](data:text/html,<script>alert(1)</script>).',
      'Autolink <javascript:alert(2)> and raw <a href="javascript:alert(3)">a</a>.',
      'Reference [r][bad] and [ok][good], entity [e](&#106;avascript:alert(4)).',
      '',
      '[bad]: javascript:alert(5)',
      '[good]: https://example.org/ok',
      '',
      '- a list item with [v](vbscript:msgbox) and **strong [s](https://example.org/s)**',
      '- `code with a ` backtick` and _emphasis_',
    ].join('\n');
    const md = markdownDigest([{ ...samples[1]!, note } as Annotation]);
    const urls: string[] = [];
    const kinds = new Set<string>();
    for (const tree of [parse(md), unified().use(remarkParse).use(remarkGfm).parse(md) as Root]) {
      visit(tree, (node) => {
        kinds.add(node.type);
        if (node.type === 'link' || node.type === 'definition') urls.push(node.url);
      });
    }
    expect(kinds.has('html')).toBe(false);
    expect(kinds.has('definition')).toBe(false);
    expect(kinds.has('linkReference')).toBe(false);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).toMatch(/^(https?:\/\/|mailto:)/);
    expect([...new Set(urls)].sort()).toEqual(['https://example.org/ok', 'https://example.org/s']);
    // What the reader sees in the app is what the digest says: an unsafe link's text, raw HTML as text.
    expect(md).toContain('Inline x and d.');
    expect(md).toContain(
      'Autolink javascript:alert(2) and raw \\<a href="javascript:alert(3)"\\>a\\</a\\>.',
    );
    expect(kinds.has('list')).toBe(true);
    expect(kinds.has('strong')).toBe(true);
    expect(kinds.has('inlineCode')).toBe(true);
  });

  it('escapeMarkdown makes Markdown read literally', () => {
    const samplesOfText = [
      '*a*',
      '_b_',
      '# c',
      '1. d',
      '- e',
      '[f](https://example.org)',
      '<g>',
      '`h`',
      '&amp;',
    ];
    for (const text of samplesOfText) {
      const tree = parse(escapeMarkdown(text));
      let value = '';
      visit(tree, 'text', (node) => void (value += node.value));
      expect(tree.children.map((c) => c.type)).toEqual(['paragraph']);
      expect(value).toBe(text);
    }
  });
});
