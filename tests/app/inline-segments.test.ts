import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinEditions } from '../../sources/builtin.ts';
import type { Address, Inline, Sentence } from '../../sources/edition.ts';
import {
  inlineText,
  segmentAddresses,
  segmentInlines,
  type InlineSegment,
} from '../../app/state/inline-segments.ts';

const refs = (inlines: readonly Inline[]): number[] =>
  inlines.flatMap((n) =>
    n.type === 'footnoteRef' ? [n.n] : n.type === 'text' ? [] : refs(n.children),
  );
const textOf = (segments: readonly InlineSegment[]) =>
  segments.map((s) => inlineText(s.inlines)).join('');

describe('segmentInlines on the built-in editions', () => {
  for (const edition of builtinEditions()) {
    it(`${edition.id}: segments rebuild each block's text, each sentence is its own segment, each marker appears once`, () => {
      for (const passage of [...edition.blocks, ...edition.footnotes]) {
        const segments = segmentInlines(passage.inlines, passage.sentences);
        expect(textOf(segments), passage.address).toBe(passage.text);
        expect(segmentAddresses(segments)).toEqual(passage.sentences.map((s) => s.address));
        for (const seg of segments) {
          if (seg.sentence) expect(inlineText(seg.inlines)).toBe(seg.sentence.text);
        }
        expect(segments.flatMap((s) => refs(s.inlines))).toEqual(refs(passage.inlines));
      }
    });
  }

  it('keeps a footnote marker after a full stop with its sentence', () => {
    const lankov = builtinEditions()[1]!;
    const block = lankov.blocks.find((b) => b.footnoteRefs.length > 0)!;
    const segments = segmentInlines(block.inlines, block.sentences);
    const withRef = segments.find((s) => refs(s.inlines).length > 0)!;
    expect(withRef.sentence).not.toBeNull();
  });
});

describe('segmentInlines, by example', () => {
  const sentence = (n: number, start: number, end: number, text: string): Sentence => ({
    address: `x-1:1.${n}` as Address,
    start,
    end,
    text: text.slice(start, end),
  });

  it('splits emphasis that crosses a sentence boundary, keeping it on both sides', () => {
    const plain = 'One two. Three four.';
    const inlines: Inline[] = [
      { type: 'text', value: 'One ' },
      { type: 'emphasis', children: [{ type: 'text', value: 'two. Three' }] },
      { type: 'text', value: ' four.' },
    ];
    const segments = segmentInlines(inlines, [sentence(1, 0, 8, plain), sentence(2, 9, 20, plain)]);
    expect(segments.map((s) => [s.sentence?.address ?? null, inlineText(s.inlines)])).toEqual([
      ['x-1:1.1', 'One two.'],
      [null, ' '],
      ['x-1:1.2', 'Three four.'],
    ]);
    expect(segments[0]!.inlines[1]).toEqual({
      type: 'emphasis',
      children: [{ type: 'text', value: 'two.' }],
    });
    expect(segments[2]!.inlines[0]).toEqual({
      type: 'emphasis',
      children: [{ type: 'text', value: 'Three' }],
    });
  });

  describe('when it fails', () => {
    it('with no sentences at all, one gap segment holds everything', () => {
      const inlines: Inline[] = [{ type: 'text', value: 'abc' }];
      expect(segmentInlines(inlines, []).map((s) => [s.sentence, inlineText(s.inlines)])).toEqual([
        [null, 'abc'],
      ]);
    });

    it('never loses or duplicates text, whatever the (even overlapping or out-of-range) sentence offsets', () => {
      const inline: fc.Arbitrary<Inline> = fc.letrec<{ node: Inline }>((tie) => ({
        node: fc.oneof(
          { depthSize: 'small', withCrossShrink: true },
          fc.record({
            type: fc.constant('text' as const),
            value: fc.string({ minLength: 1, maxLength: 8 }),
          }),
          fc.record({
            type: fc.constant('footnoteRef' as const),
            n: fc.nat(9),
            address: fc.constant('x-1:n1' as Address),
          }),
          fc.record({
            type: fc.constant('emphasis' as const),
            children: fc.array(tie('node'), { maxLength: 3 }),
          }),
        ),
      })).node;
      fc.assert(
        fc.property(
          fc.array(inline, { maxLength: 6 }),
          fc.array(fc.tuple(fc.nat(60), fc.nat(60)), { maxLength: 5 }),
          (inlines, spans) => {
            const text = inlineText(inlines);
            const sentences = spans
              .map(([a, b], i) => sentence(i + 1, Math.min(a, b), Math.max(a, b), text))
              .sort((x, y) => x.start - y.start);
            const segments = segmentInlines(inlines, sentences);
            expect(textOf(segments)).toBe(text);
            expect(segments.flatMap((s) => refs(s.inlines)).length).toBe(refs(inlines).length);
          },
        ),
      );
    });
  });
});
