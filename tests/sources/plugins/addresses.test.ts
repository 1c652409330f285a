import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { addresses, assignAddresses } from '../../../sources/plugins/addresses.ts';
import { assignBlockRoles } from '../../../sources/plugins/block-roles.ts';
import { extractFootnotes } from '../../../sources/plugins/footnotes.ts';

describe('addresses', () => {
  it('numbers running text (epigraph included) and counts other roles per role', () => {
    const t = unified()
      .use(remarkParse)
      .parse('Menu\n\nQuote.\n\n– Who\n\n# Head\n\nBody.¹\n\n# Head two\n\nMore.\n\n¹ Note.');
    assignBlockRoles(t, [
      { name: 'chrome: menu', startsWith: 'Menu', role: 'chrome' },
      { name: 'epigraph', startsWith: 'Quote.', role: 'epigraph' },
    ]);
    extractFootnotes(t);
    assignAddresses(t, 'src');
    expect(t.children.map((n) => [n.data?.address, n.data?.n])).toEqual([
      ['src:chrome1', undefined],
      ['src:1', 1],
      ['src:attribution1', undefined],
      ['src:heading1', undefined],
      ['src:2', 2],
      ['src:heading2', undefined],
      ['src:3', 3],
    ]);
    expect(t.data?.footnotes?.map((n) => n.data?.address)).toEqual(['src:n1']);
  });

  it('rejects an id that cannot prefix an address', () => {
    expect(() => unified().use(remarkParse).use(addresses, { id: 'Bad Id' }).freeze()).toThrow(
      /option `id`/,
    );
  });
});
