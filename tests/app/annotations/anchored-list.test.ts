import { describe, expect, it } from 'vitest';
import { anchor } from '../../../annotations/anchoring/anchor.ts';
import { describe as describeSelection } from '../../../annotations/anchoring/describe.ts';
import {
  COLORS,
  completeAnnotation,
  type Annotation,
  type AnnotationId,
  type Color,
} from '../../../annotations/model/annotation.ts';
import {
  allTags,
  anchorAnnotations,
  anchorSome,
  countUnanchored,
  matchesFilter,
  NO_FILTER,
  type AnchorCache,
  parseTags,
} from '../../../app/annotations/anchored-list.ts';
import { DEFAULT_COLOR, PALETTE } from '../../../app/annotations/palette.ts';
import { builtinEdition } from '../../../sources/builtin.ts';
import type { Edition, SourceId } from '../../../sources/edition.ts';

const lankov = builtinEdition('lankov-2007' as SourceId)!;
const wc = builtinEdition('winstanley-chesters-2015' as SourceId)!;
let n = 0;

/** An annotation on `[start, end)` of an edition's text (through the real describe, as the app makes them). */
function on(
  edition: Edition,
  start: number,
  end: number,
  extra: { color?: Color; note?: string; tags?: string[] } = {},
): Annotation {
  const d = describeSelection(edition, start, end)!;
  n++;
  return completeAnnotation(
    {
      motivation: extra.note ? 'commenting' : 'highlighting',
      ...(extra.color ? { color: extra.color } : {}),
      ...(extra.note ? { note: extra.note } : {}),
      tags: extra.tags ?? [],
      targets: [
        {
          source: edition.id,
          selectors: { quote: d.quote!, position: d.position!, address: d.address! },
        },
      ],
    },
    `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}` as AnnotationId,
    new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
  );
}

const para = (e: Edition, k: number) => e.blocks.find((b) => b.n === k)!;

describe('anchorAnnotations', () => {
  it('places annotations of the visible editions in text order, left pane first', () => {
    const late = on(lankov, para(lankov, 12).start, para(lankov, 12).start + 20);
    const early = on(lankov, para(lankov, 3).start, para(lankov, 3).start + 20);
    const right = on(wc, para(wc, 4).start, para(wc, 4).start + 15);
    const list = anchorAnnotations([right, late, early], [lankov, wc], anchor);
    expect(list.placed.map((p) => p.annotation.id)).toEqual([early.id, late.id, right.id]);
    expect(list.placed[0]).toMatchObject({
      start: para(lankov, 3).start,
      end: para(lankov, 3).start + 20,
    });
    expect(list.unplaced).toEqual([]);
  });

  it('orders by pane, then start, then end, ties kept in store order (one stable sort)', () => {
    const p = para(lankov, 5).start;
    const q = para(wc, 6).start;
    const list = [
      on(wc, q + 4, q + 30),
      on(lankov, p + 10, p + 40),
      on(lankov, p, p + 40),
      on(wc, q, q + 30),
      on(lankov, p + 10, p + 25),
      on(lankov, p, p + 40, { note: 'the same place, later in the store' }),
      on(wc, q, q + 12),
    ];
    for (const editions of [
      [lankov, wc],
      [wc, lankov],
    ]) {
      const placed = anchorAnnotations(list, editions, anchor).placed;
      const rank = (e: Edition) => editions.indexOf(e);
      const expected = placed
        .slice()
        .sort((a, b) => rank(a.edition) - rank(b.edition) || a.start - b.start || a.end - b.end);
      expect(placed.map((x) => x.annotation.id)).toEqual(
        list
          .map((a) => placed.find((x) => x.annotation === a)!)
          .sort((a, b) => rank(a.edition) - rank(b.edition) || a.start - b.start || a.end - b.end)
          .map((x) => x.annotation.id),
      );
      expect(placed).toEqual(expected);
      expect(placed).toHaveLength(list.length);
    }
  });

  it('leaves out sources not shown, and linking annotations', () => {
    const a = on(wc, para(wc, 4).start, para(wc, 4).start + 15);
    expect(anchorAnnotations([a], [lankov], anchor).placed).toEqual([]);
  });

  it('anchors each annotation once per edition (the cache), and again when it changes', () => {
    const a = on(lankov, para(lankov, 5).start, para(lankov, 5).start + 30);
    // Typed: the workspace's libs include ES2023's WeakKey (symbols), which `new WeakMap()` would infer.
    const cache: Parameters<typeof anchorAnnotations>[3] = new WeakMap();
    let calls = 0;
    const counting: typeof anchor = (doc, sel) => {
      calls++;
      return anchor(doc, sel);
    };
    anchorAnnotations([a], [lankov, wc], counting, cache);
    anchorAnnotations([a], [lankov, wc], counting, cache);
    expect(calls).toBe(1);
    anchorAnnotations([{ ...a }], [lankov, wc], counting, cache);
    expect(calls).toBe(2);
  });

  it('anchors afresh in a new version of a text (a new edition under the same id)', () => {
    const start = para(lankov, 5).start;
    const a = on(lankov, start, start + 30);
    const cache: AnchorCache = new WeakMap();
    expect(anchorAnnotations([a], [lankov], anchor, cache).placed).toHaveLength(1);
    // The quoted words gone from the new version: unplaced, not placed at the old offsets.
    const quote = lankov.text.slice(start, start + 30);
    const next: Edition = { ...lankov, text: lankov.text.replace(quote, 'x'.repeat(30)) };
    const list = anchorAnnotations([a], [next], anchor, cache);
    expect(list.placed).toHaveLength(0);
    expect(list.unplaced).toHaveLength(1);
  });

  it('with onlyCached, lists only what the cache holds, anchoring nothing', () => {
    const a = on(lankov, para(lankov, 5).start, para(lankov, 5).start + 30);
    const b = on(lankov, para(lankov, 6).start, para(lankov, 6).start + 30);
    const cache: AnchorCache = new WeakMap();
    anchorAnnotations([a], [lankov], anchor, cache);
    const never: typeof anchor = () => {
      throw new Error('anchored');
    };
    const list = anchorAnnotations([b, a], [lankov], never, cache, true);
    expect(list.placed.map((p) => p.annotation.id)).toEqual([a.id]);
    expect(list.unplaced).toEqual([]);
  });

  describe('when anchoring fails', () => {
    it('lists the annotation as unplaced, with the reason, and never drops it', () => {
      const a = on(lankov, para(lankov, 5).start, para(lankov, 5).start + 30);
      const gone = {
        ...a,
        targets: [
          {
            ...a.targets[0]!,
            selectors: {
              ...a.targets[0]!.selectors,
              quote: { exact: 'qzx'.repeat(10), prefix: 'zzz', suffix: 'yyy' },
            },
          },
        ],
      } as Annotation;
      const list = anchorAnnotations([gone, a], [lankov, wc], anchor);
      expect(list.placed.map((p) => p.annotation.id)).toEqual([a.id]);
      expect(list.unplaced.map((u) => u.annotation)).toEqual([gone]);
      expect(list.unplaced[0]!.reason).toMatch(/\w/);
    });
  });
});

describe('anchorSome and countUnanchored (anchoring spread over tasks)', () => {
  const some = [3, 4, 5, 6, 7].map((k) =>
    on(lankov, para(lankov, k).start, para(lankov, k).start + 25),
  );
  const other = on(wc, para(wc, 4).start, para(wc, 4).start + 15);
  const all = [...some, other];

  it('counts the listed annotations not anchored yet; other sources do not count', () => {
    const cache: AnchorCache = new WeakMap();
    expect(countUnanchored(all, [lankov], cache)).toBe(5);
    anchorAnnotations(some.slice(0, 2), [lankov], anchor, cache);
    expect(countUnanchored(all, [lankov], cache)).toBe(3);
    expect(countUnanchored(all, [lankov, wc], cache)).toBe(4);
  });

  it('stops when told, resumes where it stopped, and leaves the same list as anchoring at once', () => {
    const cache: AnchorCache = new WeakMap();
    let budget = 2;
    const stop = anchorSome(all, [lankov], anchor, cache, 0, () => --budget > 0);
    expect(stop).toBe(2);
    expect(countUnanchored(all, [lankov], cache)).toBe(3);
    expect(anchorSome(all, [lankov], anchor, cache, stop, () => true)).toBe(all.length);
    expect(countUnanchored(all, [lankov], cache)).toBe(0);
    expect(anchorAnnotations(all, [lankov], anchor, cache, true)).toEqual(
      anchorAnnotations(all, [lankov], anchor),
    );
  });
});

describe('matchesFilter', () => {
  const a = on(lankov, para(lankov, 7).start, para(lankov, 7).start + 40, {
    note: 'About *famine* relief',
    tags: ['famine', 'aid'],
    color: 'blue',
  });
  const plain = on(lankov, para(lankov, 8).start, para(lankov, 8).start + 40);

  it('keeps everything with no filter', () => {
    expect([a, plain].filter((x) => matchesFilter(x, NO_FILTER, DEFAULT_COLOR))).toEqual([
      a,
      plain,
    ]);
  });
  it('filters by colour, counting no colour as the default', () => {
    expect(matchesFilter(a, { ...NO_FILTER, color: 'blue' }, DEFAULT_COLOR)).toBe(true);
    expect(matchesFilter(plain, { ...NO_FILTER, color: 'blue' }, DEFAULT_COLOR)).toBe(false);
    expect(matchesFilter(plain, { ...NO_FILTER, color: DEFAULT_COLOR }, DEFAULT_COLOR)).toBe(true);
  });
  it('filters by exact tag', () => {
    expect(matchesFilter(a, { ...NO_FILTER, tag: 'aid' }, DEFAULT_COLOR)).toBe(true);
    expect(matchesFilter(a, { ...NO_FILTER, tag: 'ai' }, DEFAULT_COLOR)).toBe(false);
  });
  it('filters by every word of the text, in quote, note, tags or address, ignoring case', () => {
    expect(matchesFilter(a, { ...NO_FILTER, text: 'FAMINE relief' }, DEFAULT_COLOR)).toBe(true);
    expect(matchesFilter(a, { ...NO_FILTER, text: 'lankov-2007:7' }, DEFAULT_COLOR)).toBe(true);
    expect(matchesFilter(a, { ...NO_FILTER, text: 'famine zebra' }, DEFAULT_COLOR)).toBe(false);
  });
});

describe('tags', () => {
  it('parseTags splits on commas, trims, drops blanks and repeats', () => {
    expect(parseTags(' famine, sources ,,famine,\nnew line ')).toEqual([
      'famine',
      'sources',
      'new line',
    ]);
    expect(parseTags('   ')).toEqual([]);
  });
  it('allTags lists the tags in use, sorted, once each', () => {
    const x = on(lankov, para(lankov, 9).start, para(lankov, 9).start + 10, { tags: ['b', 'a'] });
    const y = on(lankov, para(lankov, 10).start, para(lankov, 10).start + 10, { tags: ['a', 'c'] });
    expect(allTags([{ annotation: x }, { annotation: y }])).toEqual(['a', 'b', 'c']);
  });
});

describe('palette', () => {
  it("is the model's palette, in order, with the default first", () => {
    expect(PALETTE).toEqual(COLORS);
    expect(PALETTE[0]).toBe(DEFAULT_COLOR);
  });
});
