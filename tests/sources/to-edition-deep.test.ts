// Issue 12, item 3: `toEdition` walks trees with an explicit stack, so depth cannot overflow the call stack.
import type { PhrasingContent, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { toEdition } from '../../sources/to-edition.ts';

/** A paragraph whose text sits inside `depth` nested emphasis nodes (and links every tenth level). */
function deepTree(depth: number): Root {
  let inner: PhrasingContent = { type: 'text', value: 'deep' };
  for (let i = 0; i < depth; i++) {
    inner =
      i % 10 === 0
        ? {
            type: 'link',
            url: i % 20 === 0 ? 'https://example.org' : 'javascript:x',
            children: [inner],
          }
        : { type: 'emphasis', children: [inner] };
  }
  return {
    type: 'root',
    children: [
      {
        type: 'paragraph',
        children: [{ type: 'text', value: ' ' }, inner, { type: 'text', value: ' end ' }],
        data: { address: 'deep:1', role: 'paragraph', n: 1 },
      } as Root['children'][number],
    ],
  };
}

describe('toEdition on a deep tree', () => {
  it('compiles 100,000 levels of nesting', () => {
    const edition = toEdition(deepTree(100_000), [], { id: 'deep', lang: 'en' });
    expect(edition.blocks[0]!.text).toBe('deep end');
    // Unsafe links lose their link and keep their text; whitespace is trimmed through the levels.
    let inline = edition.blocks[0]!.inlines[0]!;
    let links = 0;
    while ('children' in inline) {
      if (inline.type === 'link') {
        expect(inline.url).toBe('https://example.org');
        links++;
      }
      inline = inline.children[0]!;
    }
    expect(inline).toEqual({ type: 'text', value: 'deep' });
    expect(links).toBe(5_000);
  });
});
