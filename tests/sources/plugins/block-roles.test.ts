import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { assignBlockRoles, blockRoles } from '../../../sources/plugins/block-roles.ts';
import type { EditorialDeclaration } from '../../../sources/metadata.ts';

const tree = (md: string) => unified().use(remarkParse).parse(md);
const roles = (md: string, declarations: EditorialDeclaration[] = []) => {
  const t = tree(md);
  assignBlockRoles(t, declarations);
  return t.children.map((n) => n.data?.role);
};

describe('blockRoles', () => {
  it('uses the reliable heuristics: superscript start → footnote, dash start → attribution, # → heading', () => {
    expect(roles('¹ A note.\n\n– Someone, 2014\n\n— Someone else\n\n# Head\n\nBody.')).toEqual([
      'footnote',
      'attribution',
      'attribution',
      'heading',
      'paragraph',
    ]);
  });

  it('does not take a hyphenated word or a superscript inside text for a role', () => {
    expect(roles('-1 degrees is cold.\n\nArea in km² is large.')).toEqual([
      'paragraph',
      'paragraph',
    ]);
  });

  it('lets a declaration win over heuristics', () => {
    expect(
      roles('– not an attribution here', [{ name: 'x', startsWith: '– not', role: 'chrome' }]),
    ).toEqual(['chrome']);
  });

  describe('when it fails', () => {
    it('throws, naming the declaration, when it matches no block', () => {
      expect(() =>
        roles('Body.', [{ name: 'chrome: site menu', startsWith: 'Menu Close', role: 'chrome' }]),
      ).toThrow(/Editorial declaration "chrome: site menu" .*matches no block/);
    });
    it('throws, naming the declaration and the lines, when it matches several blocks', () => {
      expect(() =>
        roles('Same start.\n\nSame start again.', [
          { name: 'dup', startsWith: 'Same start', role: 'chrome' },
        ]),
      ).toThrow(/"dup" .*matches 2 blocks \(line 1, line 3\)/);
    });
    it('rejects bad options when attached', () => {
      const bad = [
        { name: 'x', startsWith: '', role: 'chrome' },
      ] as unknown as EditorialDeclaration[];
      expect(() =>
        unified().use(remarkParse).use(blockRoles, { declarations: bad }).freeze(),
      ).toThrow(/declarations\[0\]\.startsWith/);
    });
  });
});
