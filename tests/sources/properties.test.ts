/** Property tests: the pipeline never throws on arbitrary text and is deterministic. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEdition } from '../../sources/pipeline.ts';

// Strings biased towards what the plugins react to: superscripts, dashes,
// Markdown markup, Cyrillic, Hangul, blank lines.
const pieces = fc.constantFrom(
  '¹',
  '¹⁰',
  '⁴',
  '– ',
  '*',
  '\\$',
  '<http://x.org>',
  '# ',
  '\n\n',
  '\n',
  ' ',
  '.',
  'In',
  'the',
  'Толарая',
  '북한',
  '> ',
  '- ',
  '`',
  '[a](javascript:x)',
  '"',
  '”',
);
const texty = fc
  .array(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), pieces), { maxLength: 40 })
  .map((a) => a.join(''));

describe('pipeline properties', () => {
  it('never throws and always yields a consistent edition', () => {
    fc.assert(
      fc.property(texty, (text) => {
        const e = parseEdition(text, { id: 'prop' });
        for (const b of [...e.blocks, ...e.footnotes]) {
          expect(e.text.slice(b.start, b.end)).toBe(b.text);
          for (const s of b.sentences) expect(b.text.slice(s.start, s.end)).toBe(s.text);
        }
        const ns = e.blocks.flatMap((b) => (b.n === undefined ? [] : [b.n]));
        expect(ns).toEqual(ns.map((_, i) => i + 1));
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same input gives the same edition', () => {
    fc.assert(
      fc.property(texty, (text) => {
        expect(parseEdition(text, { id: 'prop' })).toEqual(parseEdition(text, { id: 'prop' }));
      }),
      { numRuns: 150 },
    );
  });
});
