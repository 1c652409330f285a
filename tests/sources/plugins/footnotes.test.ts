import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { assignBlockRoles } from '../../../sources/plugins/block-roles.ts';
import { extractFootnotes } from '../../../sources/plugins/footnotes.ts';
import { blockText } from '../../../sources/util/block-text.ts';
import { superscriptToNumber } from '../../../sources/util/superscript.ts';

function run(md: string) {
  const t = unified().use(remarkParse).parse(md);
  assignBlockRoles(t, []);
  const findings = extractFootnotes(t);
  return { t, findings };
}

describe('footnotes', () => {
  it('reads multi-digit superscripts', () => {
    expect(superscriptToNumber('¹⁰')).toBe(10);
    expect(superscriptToNumber('⁴²')).toBe(42);
  });

  it('moves definitions out of the running text, without their number', () => {
    const { t, findings } = run('Text.¹\n\n¹ *The* note.\n\nMore text.');
    expect(t.children.map((n) => blockText(n))).toEqual(['Text.', 'More text.']);
    expect(t.data?.footnotes?.map((n) => [n.data?.footnoteNumber, blockText(n)])).toEqual([
      [1, 'The note.'],
    ]);
    expect(findings).toEqual([]);
  });

  it('turns markers into references, including ¹⁰ (not ¹ then ⁰)', () => {
    const { t } = run('A.¹⁰ B.¹\n\n¹ One.\n\n¹⁰ Ten.');
    const para = t.children[0] as { children: Array<{ type: string; n?: number }> };
    expect(para.children.filter((c) => c.type === 'diptychFootnoteRef').map((c) => c.n)).toEqual([
      10, 1,
    ]);
  });

  describe('when it fails', () => {
    it('keeps an undefined superscript as text and reports it', () => {
      const { t, findings } = run('Area in km².');
      expect(blockText(t.children[0]!)).toBe('Area in km².');
      expect(findings.map((f) => f.ruleId)).toEqual(['undefined-reference']);
    });
    it('reports a definition nobody cites, and keeps it', () => {
      const { t, findings } = run('Text.\n\n³ Lonely.');
      expect(t.data?.footnotes).toHaveLength(1);
      expect(findings.map((f) => f.ruleId)).toEqual(['unreferenced']);
    });
    it('keeps a duplicate definition in the text rather than losing it', () => {
      const { t, findings } = run('Text.¹\n\n¹ First.\n\n¹ Second.');
      expect(t.children.map((n) => blockText(n))).toEqual(['Text.', 'Second.']);
      expect(findings.map((f) => f.ruleId)).toEqual(['duplicate']);
    });
  });
});
