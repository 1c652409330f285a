import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinEditions } from '../../sources/builtin.ts';
import { splitSentences, splitSentencesFully } from '../../sources/util/sentences.ts';

const sentences = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));

describe('splitSentences', () => {
  it('keeps initials, abbreviations and page references inside their sentence', () => {
    expect(
      sentences(
        'G.D. Tolaraya wrote this. Selig S. Harrison did too. See p.9 of it. Ibid., p.28. Забровская Л.В., 2006.',
      ),
    ).toEqual([
      'G.D. Tolaraya wrote this.',
      'Selig S. Harrison did too.',
      'See p.9 of it.',
      'Ibid., p.28.',
      'Забровская Л.В., 2006.',
    ]);
  });

  it('ends a sentence after a page reference followed by a capital (issue 17)', () => {
    expect(sentences('서울, KOTRA, 2007, p.9. The share was recalculated. See p.9 of it.')).toEqual(
      ['서울, KOTRA, 2007, p.9.', 'The share was recalculated.', 'See p.9 of it.'],
    );
    expect(sentences('Ibid., pp.28-30. Then more.')).toEqual(['Ibid., pp.28-30.', 'Then more.']);
  });

  it('keeps a quotation that spans a full stop inside one sentence (issue 17)', () => {
    expect(sentences('He said: “So far, no. However, yes.” Then he left.')).toEqual([
      'He said: “So far, no. However, yes.”',
      'Then he left.',
    ]);
    expect(sentences('He wrote: "It is good. It is cheap." Fine.')).toEqual([
      'He wrote: "It is good. It is cheap."',
      'Fine.',
    ]);
    // A quotation that never closes joins nothing.
    expect(sentences('He said “no. Then he left. Yes.')).toEqual([
      'He said “no.',
      'Then he left.',
      'Yes.',
    ]);
  });

  it('splits after closing quotes and question marks', () => {
    expect(sentences('He said “no.” Then he left? Yes!')).toEqual([
      'He said “no.”',
      'Then he left?',
      'Yes!',
    ]);
  });

  it('agrees with a full parse-english run on every block and footnote of both texts', () => {
    for (const e of builtinEditions()) {
      for (const b of [...e.blocks, ...e.footnotes])
        expect(splitSentences(b.text), b.address).toEqual(splitSentencesFully(b.text));
    }
  });

  it('covers the text without overlaps on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (t) => {
        const spans = splitSentences(t);
        for (const [i, s] of spans.entries()) {
          expect(s.end).toBeGreaterThan(s.start);
          if (i > 0) expect(s.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
        }
      }),
    );
  });
});
