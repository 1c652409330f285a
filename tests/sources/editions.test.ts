/** The corpus issue's acceptance items, checked on the built-in editions. */
import { describe, expect, it } from 'vitest';
import { builtinEdition } from '../../sources/builtin.ts';
import type { Edition } from '../../sources/edition.ts';

const lankov = builtinEdition('lankov-2007')!;
const wc = builtinEdition('winstanley-chesters-2015')!;
const numbered = (e: Edition) => e.blocks.filter((b) => b.n !== undefined);
const para = (e: Edition, n: number) => e.blocks.find((b) => b.n === n)!;

describe('Lankov edition', () => {
  it('has 39 numbered paragraphs, numbered 1..39 in reading order, abstract included', () => {
    expect(numbered(lankov).map((b) => b.n)).toEqual(Array.from({ length: 39 }, (_, i) => i + 1));
    expect(para(lankov, 1).text).toMatch(/^This paper concludes/);
    expect(para(lankov, 39).text).toMatch(
      /^Therefore, its support to North Korea is largely symbolic/,
    );
  });

  it('has a title, a byline and the Abstract heading, none numbered', () => {
    const roles = lankov.blocks
      .filter((b) => b.n === undefined)
      .map((b) => [b.address, b.role, b.text]);
    expect(roles).toEqual([
      [
        'lankov-2007:title1',
        'title',
        'Russia and North Korea: From “Socialist Solidarity” to Quasi-alliance',
      ],
      ['lankov-2007:byline1', 'byline', 'Andrei Lankov'],
      ['lankov-2007:heading1', 'heading', 'Abstract'],
    ]);
  });

  it('has 10 footnotes, each referenced exactly once from the right paragraph', () => {
    // Paragraph of each marker, read off the source by hand.
    const expected: Record<number, number> = {
      1: 13,
      2: 16,
      3: 16,
      4: 17,
      5: 20,
      6: 30,
      7: 31,
      8: 33,
      9: 35,
      10: 37,
    };
    expect(lankov.footnotes.map((f) => f.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const f of lankov.footnotes) {
      expect(f.address).toBe(`lankov-2007:n${f.n}`);
      expect(f.referencedFrom).toEqual([`lankov-2007:${expected[f.n]}`]);
    }
    const allRefs = lankov.blocks.flatMap((b) => b.footnoteRefs.map((r) => [r.n, b.n]));
    expect(allRefs).toEqual(Object.entries(expected).map(([n, p]) => [Number(n), p]));
  });

  it('puts each reference where its marker stood', () => {
    const p13 = para(lankov, 13);
    expect(p13.footnoteRefs[0]!.offset).toBe(p13.text.length); // after “short-sighted.”
    const p16 = para(lankov, 16);
    const [r2, r3] = p16.footnoteRefs;
    expect(p16.text.slice(0, r2!.offset)).toMatch(/\.$/);
    expect(r3!.offset).toBeGreaterThan(r2!.offset);
  });

  it('leaves no footnote text and no superscript digit in any paragraph', () => {
    for (const b of lankov.blocks) {
      expect(b.text).not.toMatch(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/);
      for (const f of lankov.footnotes) expect(b.text).not.toContain(f.text.slice(0, 40));
    }
  });

  it('rejoins every page-broken fragment with a single space', () => {
    const joins = [
      [4, 'in the 1960s and ’70s. The North Korean propaganda magazines'],
      [14, 'his major foreign policy goal. In February 2000, the DPRK'],
      [18, 'does not want a democratic revolution to happen in Pyongyang. A crisis'],
      [21, 'in regard to North Korea are not really shared by the Russian public.'],
      [26, 'friendly to Pyongyang, but this support is largely limited'],
      [35, 'a pipe line which should connect Russian gas fields'],
    ] as const;
    for (const [n, seam] of joins) expect(para(lankov, n).text).toContain(seam);
    expect(lankov.messages.filter((m) => m.ruleId === 'page-break-repair:joined')).toHaveLength(
      joins.length,
    );
    for (const b of lankov.blocks) expect(b.text).not.toMatch(/ {2}|\n/);
  });

  it('renders footnote Markdown instead of showing it raw, and tags Cyrillic and Hangul runs', () => {
    const n2 = lankov.footnotes[1]!;
    expect(n2.text).toBe('ITAR-TASS report, 19 March 2007.');
    expect(n2.inlines[0]).toEqual({
      type: 'emphasis',
      children: [{ type: 'text', value: 'ITAR-TASS' }],
    });
    const n3 = lankov.footnotes[2]!;
    expect(n3.inlines).toContainEqual({
      type: 'link',
      url: 'http://www.rusimpex.ru',
      children: [{ type: 'text', value: 'http://www.rusimpex.ru' }],
    });
    expect(para(lankov, 30).text).toContain('costs $889 from Khasan');
    const langs = (e: typeof n3.inlines): string[] =>
      e.flatMap((i) =>
        i.type === 'text' ? (i.lang ? [i.lang] : []) : 'children' in i ? langs(i.children) : [],
      );
    expect(langs(lankov.footnotes[3]!.inlines)).toContain('ko');
    expect(langs(lankov.footnotes[6]!.inlines)).toContain('ru');
    expect(langs(lankov.footnotes[9]!.inlines)).toContain('ru');
  });

  it('keeps initials and abbreviations inside their sentence', () => {
    const s31 = para(lankov, 31).sentences;
    expect(s31[0]!.text).toMatch(/^G\.D\. Tolaraya, a prominent Russian academic/);
    const n9 = lankov.footnotes[8]!.sentences.map((s) => s.text);
    expect(n9.some((s) => s.includes('Selig S. Harrison'))).toBe(true);
    const n4 = lankov.footnotes[3]!.sentences.map((s) => s.text);
    expect(n4.some((s) => s.includes('KOTRA, 2007, p.9.'))).toBe(true);
    expect(n4.some((s) => s.startsWith('The relevant data see: Ibid., p.28.'))).toBe(true);
  });

  it('ends n4.2 at the page reference and keeps quoted speech in one sentence (issue 17)', () => {
    const n4 = lankov.footnotes[3]!.sentences.map((s) => s.text);
    expect(n4[1]).toBe('서울, KOTRA, 2007, p.9.');
    expect(n4[2]).toMatch(/^The share was recalculated/);
    const s30 = para(lankov, 30).sentences.map((s) => s.text);
    expect(s30).toHaveLength(4);
    expect(s30[3]).toMatch(/^Russian Vice Minister .* thus saving about \$400\.”$/);
    const s31 = para(lankov, 31).sentences.map((s) => s.text);
    expect(s31).toHaveLength(1);
    expect(s31[0]).toMatch(/^G\.D\. Tolaraya.*neighbouring region\."$/);
  });
});

describe('Winstanley-Chesters edition', () => {
  it('has 21 numbered paragraphs, the two of the Putin epigraph first', () => {
    const ns = numbered(wc);
    expect(ns.map((b) => b.n)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(ns.slice(0, 2).map((b) => b.role)).toEqual(['epigraph', 'epigraph']);
    expect(ns.slice(2).every((b) => b.role === 'paragraph')).toBe(true);
    expect(para(wc, 3).text).toMatch(/^When Russia’s leader made those comments last year/);
  });

  it('has the title, two headings, two captions, one credit, one standfirst, the attribution and five chrome blocks, none numbered', () => {
    const count = (role: string) =>
      wc.blocks.filter((b) => b.role === role && b.n === undefined).length;
    expect([
      count('title'),
      count('heading'),
      count('caption'),
      count('credit'),
      count('standfirst'),
      count('attribution'),
      count('chrome'),
    ]).toEqual([1, 2, 2, 1, 1, 1, 5]);
    expect(wc.blocks.find((b) => b.role === 'attribution')!.text).toBe(
      '– Vladimir Putin, Sochi, October 2014',
    );
    expect(wc.blocks.filter((b) => b.role === 'chrome').map((b) => b.address)).toEqual(
      [1, 2, 3, 4, 5].map((k) => `winstanley-chesters-2015:chrome${k}`),
    );
    expect(wc.footnotes).toEqual([]);
  });
});

describe('edition text and offsets', () => {
  for (const e of [lankov, wc]) {
    it(`${e.id}: every block, footnote and sentence sits at its offsets`, () => {
      for (const b of [...e.blocks, ...e.footnotes]) {
        expect(e.text.slice(b.start, b.end)).toBe(b.text);
        for (const s of b.sentences) expect(b.text.slice(s.start, s.end)).toBe(s.text);
        expect(b.sentences.map((s) => s.address)).toEqual(
          b.sentences.map((_, i) => `${b.address}.${i + 1}`),
        );
      }
      expect(JSON.parse(JSON.stringify(e))).toEqual(e);
    });
  }
});
