/**
 * `dom-range.ts` in a real browser (Debian's Chromium through playwright-core,
 * the e2e run's browser: `*.browser.test.ts` files run in the e2e project): the Lankov edition rendered the way the DOM
 * contract in `dom-range.ts` describes — passage elements with
 * `data-address`, footnote markers and paragraph numbers marked
 * `data-anchor-ignore`, sentence elements with their own `data-address`
 * nested inside, emphasis splitting text nodes — then offsets turned
 * into ranges and back.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinEdition } from '../../../sources/builtin.ts';
import { connectChromium, type ConnectedBrowser } from '../../e2e/helpers/chromium.ts';
import { workerBrowserEndpoint } from '../../e2e/helpers/ui.ts';
import type { Page } from 'playwright-core';
import { scaled } from '../../slowdown.ts';

const edition = builtinEdition('lankov-2007')!;
// The module only imports types, so stripping them (TypeScript's own
// transpiler, CommonJS output) gives a self-contained script.
const compiled = ts.transpileModule(
  readFileSync(new URL('../../../annotations/anchoring/dom-range.ts', import.meta.url), 'utf8'),
  {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  },
).outputText;
const bundle = `window.DomRange = (function () { var exports = {}; ${compiled}\n return exports; })();`;

/** What the page needs to render a passage. */
interface Shape {
  address: string;
  text: string;
  markers: { offset: number; label: string }[];
  number: string | null;
}
const shapes: Shape[] = [
  ...edition.blocks.map((b) => ({
    address: b.address,
    text: b.text,
    markers: b.footnoteRefs.map((r) => ({ offset: r.offset, label: String(r.n) })),
    number: b.n === undefined ? null : `¶${b.n}`,
  })),
  ...edition.footnotes.map((f) => ({
    address: f.address,
    text: f.text,
    markers: [],
    number: `${f.n}.`,
  })),
];

/** Renders the edition with DOM calls only (no HTML strings), as the app's reader would. */
function render(list: Shape[]): void {
  const root = document.createElement('article');
  root.id = 'root';
  const outside = document.createElement('header');
  outside.textContent = 'Outside the root';
  document.body.append(outside, root);
  for (const s of list) {
    const el = document.createElement(s.address.includes(':n') ? 'aside' : 'p');
    el.dataset.address = s.address;
    if (s.number) {
      const num = document.createElement('span');
      num.setAttribute('data-anchor-ignore', '');
      num.textContent = s.number;
      el.append(num);
    }
    let at = 0;
    const cuts = [...s.markers, { offset: s.text.length, label: '' }];
    for (const cut of cuts) {
      const piece = s.text.slice(at, cut.offset);
      // Emphasise the first word of each piece, so text nodes split inside words' neighbourhoods.
      const m = /^\S+/.exec(piece);
      if (m) {
        const em = document.createElement('em');
        em.textContent = m[0];
        el.append(em, document.createTextNode(piece.slice(m[0].length)));
      } else if (piece) {
        el.append(document.createTextNode(piece));
      }
      if (cut.label) {
        const sup = document.createElement('sup');
        sup.setAttribute('data-anchor-ignore', '');
        sup.textContent = cut.label;
        el.append(sup);
      }
      at = cut.offset;
    }
    // The app wraps sentences in elements with their own address; one per passage here.
    const sentence = document.createElement('span');
    sentence.dataset.address = `${s.address}.1`;
    sentence.append(
      ...[...el.childNodes].filter(
        (n) =>
          !(n instanceof Element && n.hasAttribute('data-anchor-ignore') && n.tagName === 'SPAN'),
      ),
    );
    el.append(sentence);
    root.append(el);
  }
}

let browser: ConnectedBrowser;
let page: Page;

beforeAll(async () => {
  browser = await connectChromium(workerBrowserEndpoint());
  page = await browser.context.newPage();
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.evaluate(render, shapes);
  await page.addScriptTag({ content: bundle });
}, scaled(120_000));

afterAll(async () => {
  await browser?.close();
});

/** Runs in the page: the range for the offsets, its text without ignored content, and the offsets read back. */
function roundTrip([ed, pairs]: [typeof edition, [number, number][]]) {
  const { rangeFromOffsets, offsetsFromRange } = (
    window as unknown as { DomRange: typeof import('../../../annotations/anchoring/dom-range.ts') }
  ).DomRange;
  const root = document.getElementById('root')!;
  return pairs.map(([start, end]) => {
    const range = rangeFromOffsets(root, ed, start, end);
    if (!range) return null;
    const frag = range.cloneContents();
    frag.querySelectorAll('[data-anchor-ignore]').forEach((e) => e.remove());
    return { text: frag.textContent, back: offsetsFromRange(root, ed, range) };
  });
}

/** Deterministic pseudo-random offsets inside passages (never in a separator). */
function samplePairs(count: number): [number, number][] {
  const passages = [...edition.blocks, ...edition.footnotes];
  const pairs: [number, number][] = [];
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  while (pairs.length < count) {
    const a = passages[Math.floor(next() * passages.length)]!;
    const b =
      next() < 0.8
        ? a
        : passages[
            Math.min(passages.length - 1, passages.indexOf(a) + 1 + Math.floor(next() * 3))
          ]!;
    const start = a.start + Math.floor(next() * (a.end - a.start));
    const end = b.start + 1 + Math.floor(next() * (b.end - b.start));
    if (end > start) pairs.push([start, end]);
  }
  return pairs;
}

describe('dom-range in Chromium', { timeout: scaled(60_000) }, () => {
  it('turns offsets into a range over exactly that text, and back into the same offsets', async () => {
    const pairs = samplePairs(300);
    const results = await page.evaluate(roundTrip, [edition, pairs] as [
      typeof edition,
      [number, number][],
    ]);
    results.forEach((r, i) => {
      const [start, end] = pairs[i]!;
      expect(r, `${start}-${end}`).not.toBeNull();
      expect(r!.text, `${start}-${end}`).toBe(
        edition.text.slice(start, end).replaceAll('\n\n', ''),
      );
      expect(r!.back, `${start}-${end}`).toEqual({ start, end });
    });
  });

  it('gives the same answers through a prepared mapper (live and static ranges) as through the one-off functions', async () => {
    const pairs = samplePairs(200);
    const same = await page.evaluate(
      ([ed, list]) => {
        const { domRangeMapper, rangeFromOffsets, offsetsFromRange } = (
          window as unknown as {
            DomRange: typeof import('../../../annotations/anchoring/dom-range.ts');
          }
        ).DomRange;
        const root = document.getElementById('root')!;
        const mapper = domRangeMapper(root, ed);
        return list.every(([start, end]) => {
          const a = rangeFromOffsets(root, ed, start, end);
          const b = mapper.rangeFromOffsets(start, end);
          const fixed = mapper.staticRangeFromOffsets(start, end);
          if (!a || !b || !fixed) return a === b && b === fixed;
          if (
            fixed.startContainer !== b.startContainer ||
            fixed.startOffset !== b.startOffset ||
            fixed.endContainer !== b.endContainer ||
            fixed.endOffset !== b.endOffset
          )
            return false;
          const back = mapper.offsetsFromRange(a);
          const back2 = offsetsFromRange(root, ed, b);
          return (
            a.compareBoundaryPoints(Range.START_TO_START, b) === 0 &&
            a.compareBoundaryPoints(Range.END_TO_END, b) === 0 &&
            back?.start === start &&
            back.end === end &&
            back2?.start === start &&
            back2.end === end
          );
        });
      },
      [edition, pairs] as [typeof edition, [number, number][]],
    );
    expect(same).toBe(true);
  });

  it('merges overlapping spans into ranges that cover exactly what the spans’ own ranges cover', async () => {
    // Random spans, plus spans that only touch (the same passage, and across a separator) and
    // spans that start or end in a separator, none of which may be merged into more text.
    const [a, b] = [edition.blocks[5]!, edition.blocks[6]!];
    const spans: [number, number][] = [
      ...samplePairs(300),
      [a.start + 2, a.start + 9],
      [a.start + 9, a.start + 15],
      [a.end - 6, a.end],
      [b.start, b.start + 4],
      [a.end - 3, a.end + 2],
      [a.end + 1, b.start + 3],
      [b.end + 1, b.end + 2],
    ];
    const got = await page.evaluate(
      ([ed, list]) => {
        const { domRangeMapper } = (
          window as unknown as {
            DomRange: typeof import('../../../annotations/anchoring/dom-range.ts');
          }
        ).DomRange;
        const root = document.getElementById('root')!;
        const mapper = domRangeMapper(root, ed);
        const texts: Text[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
        /** Every character of the page's text nodes that one of `ranges` covers, as "node:offset". */
        const covered = (ranges: readonly StaticRange[]): Set<string> => {
          const out = new Set<string>();
          const live = document.createRange();
          for (const r of ranges) {
            live.setStart(r.startContainer, r.startOffset);
            live.setEnd(r.endContainer, r.endOffset);
            texts.forEach((t, i) => {
              if (!live.intersectsNode(t)) return;
              const from = t === live.startContainer ? live.startOffset : 0;
              const to = t === live.endContainer ? live.endOffset : t.data.length;
              for (let k = from; k < to; k++) out.add(`${i}:${k}`);
            });
          }
          return out;
        };
        const own = list.flatMap(([start, end]) => {
          const r = mapper.staticRangeFromOffsets(start, end);
          return r ? [r] : [];
        });
        const merged = mapper.staticRangesCovering(list.map(([start, end]) => ({ start, end })));
        const ownCover = covered(own);
        const mergedCover = covered(merged);
        const ordered = merged.every((r, i) => {
          const next = merged[i + 1];
          if (!next) return true;
          const x = document.createRange();
          x.setStart(r.endContainer, r.endOffset);
          return x.comparePoint(next.startContainer, next.startOffset) >= 0;
        });
        return {
          own: own.length,
          merged: merged.length,
          ownChars: ownCover.size,
          same:
            ownCover.size === mergedCover.size && [...ownCover].every((k) => mergedCover.has(k)),
          ordered,
        };
      },
      [edition, spans] as [typeof edition, [number, number][]],
    );
    expect(got.same).toBe(true);
    expect(got.ordered).toBe(true);
    expect(got.ownChars).toBeGreaterThan(0);
    expect(got.merged).toBeLessThan(got.own);
  });

  it('covers a paragraph with footnote markers without counting the markers', async () => {
    const block = edition.blocks.find((b) => b.footnoteRefs.length > 0)!;
    const [r] = await page.evaluate(roundTrip, [edition, [[block.start, block.end]]] as [
      typeof edition,
      [number, number][],
    ]);
    expect(r).toEqual({ text: block.text, back: { start: block.start, end: block.end } });
  });

  it('reads a selection that starts inside a footnote marker or outside the root', async () => {
    const block = edition.blocks.find((b) =>
      b.footnoteRefs.some((r) => r.offset < b.text.length - 1),
    )!;
    const ref = block.footnoteRefs.find((r) => r.offset < block.text.length - 1)!;
    const got = await page.evaluate(
      ([ed, address, label]) => {
        const { offsetsFromRange } = (
          window as unknown as {
            DomRange: typeof import('../../../annotations/anchoring/dom-range.ts');
          }
        ).DomRange;
        const root = document.getElementById('root')!;
        const el = root.querySelector(`[data-address="${address}"]`)!;
        const sup = [...el.querySelectorAll('sup')].find((x) => x.textContent === label)!;
        const inMarker = document.createRange();
        inMarker.setStart(sup.firstChild!, 0);
        inMarker.setEnd(el, el.childNodes.length);
        const fromOutside = document.createRange();
        fromOutside.setStart(document.querySelector('header')!.firstChild!, 3);
        fromOutside.setEnd(root.querySelector('[data-address]')!.lastChild!, 2);
        return [offsetsFromRange(root, ed, inMarker), offsetsFromRange(root, ed, fromOutside)];
      },
      [edition, block.address, String(ref.n)] as const,
    );
    expect(got[0]).toEqual({ start: block.start + ref.offset, end: block.end });
    const first = edition.blocks[0]!;
    expect(got[1]!.start).toBe(first.start);
  });

  describe('when it fails', () => {
    it('moves offsets in a separator to the nearest passage, and gives null for empty or reversed offsets', async () => {
      const [a, b] = [edition.blocks[5]!, edition.blocks[6]!];
      const results = await page.evaluate(roundTrip, [
        edition,
        [
          [a.end, b.start + 10],
          [a.end + 1, a.end + 2],
          [b.start + 5, b.start + 5],
          [b.start + 9, b.start + 5],
        ],
      ] as [typeof edition, [number, number][]]);
      expect(results[0]).toEqual({
        text: b.text.slice(0, 10),
        back: { start: b.start, end: b.start + 10 },
      });
      expect(results.slice(1)).toEqual([null, null, null]);
    });

    it('skips passages the app did not render', async () => {
      const [a, b, c] = [edition.blocks[10]!, edition.blocks[11]!, edition.blocks[12]!];
      const got = await page.evaluate(
        ([ed, hidden, span]) => {
          const { rangeFromOffsets, offsetsFromRange } = (
            window as unknown as {
              DomRange: typeof import('../../../annotations/anchoring/dom-range.ts');
            }
          ).DomRange;
          const root = document.getElementById('root')!;
          const el = root.querySelector(`[data-address="${hidden}"]`)!;
          const parent = el.parentNode!;
          const next = el.nextSibling;
          el.remove();
          const range = rangeFromOffsets(root, ed, span[0], span[1]);
          const inside = rangeFromOffsets(root, ed, span[2], span[3]);
          const back = range && offsetsFromRange(root, ed, range);
          parent.insertBefore(el, next);
          return { back, inside };
        },
        [edition, b.address, [a.end - 5, c.start + 5, b.start + 1, b.end - 1]] as const,
      );
      expect(got.back).toEqual({ start: a.end - 5, end: c.start + 5 });
      expect(got.inside).toBeNull();
    });
  });
});
