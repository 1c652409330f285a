/**
 * The generic pipeline on files no one here wrote (`tests/fixtures/text-corpus/`,
 * with their licences): nothing lost — every word of the file, as a reader
 * sees it, is in exactly one block or footnote — and no page-break join,
 * since none of these files has page breaks.
 *
 * "As a reader sees it": for Markdown, the words of remark's own GFM tree
 * (front matter aside; a definition `[label]: url` and raw HTML kept as
 * text, as the edition keeps them); for HTML, the words of the article
 * Readability extracts (its `textContent`), compared as a character sequence
 * because `textContent` glues block elements together without a space.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Nodes } from 'mdast';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../sources/parse-markdown.ts';
import { importDecodedText } from '../../../sources/import-text.ts';
import type { Edition } from '../../../sources/edition.ts';

const dir = new URL('../../fixtures/text-corpus/', import.meta.url).pathname;
const files = readdirSync(dir).filter((f) => /^(?!LICENSE|README).*\.(md|html)$/.test(f));

/** Words of a block-level mdast node: phrasing content joined as written, blocks apart. */
function referenceWords(tree: Nodes): string[] {
  const out: string[] = [];
  const phrasing = (node: Nodes): string => {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
      case 'html':
        return node.value;
      case 'image':
      case 'imageReference':
        return node.alt ?? '';
      case 'break':
        return ' ';
      case 'footnoteReference':
        return '';
      default:
        return 'children' in node ? (node.children as Nodes[]).map(phrasing).join('') : '';
    }
  };
  const block = (node: Nodes): void => {
    switch (node.type) {
      case 'yaml':
      case 'thematicBreak':
        return;
      case 'code':
      case 'html':
        out.push(node.value);
        return;
      case 'definition':
        out.push(`[${node.label ?? node.identifier}]: ${node.url}`);
        return;
      case 'paragraph':
      case 'heading':
      case 'tableCell':
        out.push(phrasing(node));
        return;
      default:
        if ('children' in node) for (const child of node.children as Nodes[]) block(child);
    }
  };
  block(tree);
  return out
    .join(' ')
    .split(/\s+/)
    .filter((w) => w !== '' && w !== '|')
    .sort();
}

function editionWords(edition: Edition): string[] {
  return [...edition.blocks, ...edition.footnotes]
    .flatMap((u) => u.text.split(/\s+/))
    .filter((w) => w !== '' && w !== '|')
    .sort();
}

/** True when every character of `a` occurs in `b`, in order. */
function isSubsequence(a: string, b: string): boolean {
  let j = 0;
  for (let i = 0; i < b.length && j < a.length; i++) if (b[i] === a[j]) j++;
  return j === a.length;
}

const read = (f: string): string => readFileSync(join(dir, f), 'utf8');

describe('generic pipeline on a corpus of real files', () => {
  it('has a handful of Markdown and HTML files', () => {
    expect(files.filter((f) => f.endsWith('.md')).length).toBeGreaterThanOrEqual(5);
    expect(files.filter((f) => f.endsWith('.html')).length).toBeGreaterThanOrEqual(3);
  });

  for (const file of files.filter((f) => f.endsWith('.md'))) {
    it(`${file}: every word in exactly one block or footnote, no page-break join`, async () => {
      const text = read(file);
      const result = await importDecodedText(text, file);
      if (!result.ok) throw new Error(result.reason);
      const { edition } = result.text;
      expect(editionWords(edition)).toEqual(referenceWords(parseMarkdown(text, 'gfm')));
      expect(edition.messages.filter((m) => m.ruleId.startsWith('page-break'))).toEqual([]);
      // Addresses are unique, and each unit is exactly its slice of the edition text.
      const units = [...edition.blocks, ...edition.footnotes];
      expect(new Set(units.map((u) => u.address)).size).toBe(units.length);
      for (const u of units) expect(edition.text.slice(u.start, u.end)).toBe(u.text);
    });
  }

  for (const file of files.filter((f) => f.endsWith('.html'))) {
    it(`${file}: the article's text, all of it, in order`, async () => {
      const html = read(file);
      const result = await importDecodedText(html, file);
      if (!result.ok) throw new Error(result.reason);
      const { edition } = result.text;
      const { document } = parseHTML(html);
      const article = new Readability(document as unknown as Document, {
        charThreshold: 0,
      }).parse();
      const squeeze = (s: string): string => s.replace(/[\s|]+/g, '');
      const expected = squeeze(article!.textContent!);
      const running = squeeze(edition.blocks.map((b) => b.text).join(''));
      // Nothing lost, in order:
      expect(isSubsequence(expected, running)).toBe(true);
      // and nothing doubled. The edition adds what a reader of the page sees
      // but `textContent` lacks: the title, images' alt text, the quotation marks a
      // browser draws around `<q>`, a zero-width space for each `<wbr>`; and
      // a little slack (0.5%) for Markdown's own characters (a list dash).
      const content = parseHTML(article!.content!).document;
      const alts = squeeze(
        [...content.querySelectorAll('img')].map((img) => img.getAttribute('alt') ?? '').join(''),
      );
      // The page's <title>, shown as the heading when Readability dropped the page's own.
      const title =
        result.text.facts.titleFrom === 'page'
          ? (edition.blocks.find((b) => b.role === 'title')?.text ?? '')
          : '';
      const added =
        squeeze(title).length +
        alts.length +
        2 * content.querySelectorAll('q').length +
        content.querySelectorAll('wbr').length;
      expect(running.length).toBeLessThanOrEqual(
        expected.length + added + Math.ceil(expected.length * 0.005),
      );
      expect(edition.messages.filter((m) => m.ruleId.startsWith('page-break'))).toEqual([]);
      expect(result.text.format).toBe('html');
      // No script or style text reaches the edition.
      expect(edition.text).not.toMatch(/<script|<style/i);
    });
  }
});
