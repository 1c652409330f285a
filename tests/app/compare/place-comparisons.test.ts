import { describe, expect, it } from 'vitest';
import { anchor } from '../../../annotations/anchoring/anchor.ts';
import { loadCuratedComparisons } from '../../../annotations/comparisons/load-curated.ts';
import type { Annotation } from '../../../annotations/model/annotation.ts';
import { builtinEditions } from '../../../sources/builtin.ts';
import type { Address, Edition, SourceId } from '../../../sources/edition.ts';
import { syncTarget } from '../../../app/sync/sync-targets.ts';
import {
  blockOf,
  passageAt,
  placeComparisons,
  syncLinksOf,
  type Placer,
} from '../../../app/compare/place-comparisons.ts';
import {
  markLabel,
  marksFor,
  passageName,
  relationInWords,
} from '../../../app/compare/marks-for.ts';

const editions = builtinEditions();
const WC = 'winstanley-chesters-2015' as SourceId;
const LANKOV = 'lankov-2007' as SourceId;
const byId = new Map<string, Edition>(editions.map((e) => [e.id, e]));
const edition = (id: string): Edition => byId.get(id)!;
const curated = loadCuratedComparisons(editions);

/** The anchoring cascade against the built-in editions (what compare-engine.ts passes). */
const cascade: Placer = (source, selectors) => {
  const e = byId.get(source);
  if (!e) return null;
  const r = anchor(e, selectors);
  return r.placed ? { edition: e, start: r.start, end: r.end } : null;
};

describe('placeComparisons', () => {
  const placed = placeComparisons(curated, cascade);

  it('places both quotes of every curated comparison, in the block that holds them', () => {
    expect(placed).toHaveLength(curated.length);
    for (const c of placed) {
      for (const side of c.sides) {
        expect(side.start, `${c.id} ${side.source}`).toBeTypeOf('number');
        const e = edition(side.source);
        const block = [...e.blocks, ...e.footnotes].find((p) => p.address === side.block)!;
        expect(block.start).toBeLessThanOrEqual(side.start!);
        expect(block.end).toBeGreaterThanOrEqual(side.end!);
        expect(blockOf(side.address)).toBe(side.block);
      }
    }
  });

  it('skips annotations that are not comparisons', () => {
    const highlight = {
      ...curated[0]!,
      motivation: 'highlighting',
      link: undefined,
    } as unknown as Annotation;
    expect(placeComparisons([highlight], cascade)).toEqual([]);
  });

  it('marks each source once per comparison, in quote order within a block', () => {
    const wc = marksFor(placed, WC);
    const lankov = marksFor(placed, LANKOV);
    const count = (m: Map<Address, unknown[]>) => [...m.values()].reduce((n, l) => n + l.length, 0);
    expect(count(wc)).toBe(curated.length);
    expect(count(lankov)).toBe(curated.length);
    for (const list of [...wc.values(), ...lankov.values()]) {
      const starts = list.map((m) => m.here.start!);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    }
    const agenda = [...wc.values()]
      .flat()
      .find((m) => m.id === 'urn:diptych:comparison:agenda-rank')!;
    expect(agenda.there.source).toBe(LANKOV);
    expect(agenda.label).toMatch(/^Compared: contradicts — Lankov \d+$/);
  });

  it('says what a comparison is about from each side: topic, relation in words, the other claim', () => {
    const all = (source: SourceId) => [...marksFor(placed, source, editions).values()].flat();
    const id = 'urn:diptych:comparison:agenda-rank';
    const fromWc = all(WC).find((m) => m.id === id)!;
    const fromLankov = all(LANKOV).find((m) => m.id === id)!;
    const c = curated.find((a) => a.id === id)!;
    expect(fromWc.topic).toBe('Korea on Moscow’s agenda');
    expect(fromWc.says).toBe('Lankov contradicts this');
    expect(fromLankov.says).toBe('Winstanley-Chesters contradicts this');
    // Each mark tells the other side's claim, not its own.
    expect(fromWc.there.claim).toBe(c.link!.paraphrases[1]);
    expect(fromLankov.there.claim).toBe(c.link!.paraphrases[0]);
    expect(fromWc.description).toBe(
      `Korea on Moscow’s agenda. Lankov contradicts this: ${c.link!.paraphrases[1]}`,
    );
    expect(fromWc.thereName).toMatch(/^Lankov \d+$/);
    // Every mark of the curated set has words for all four relations, and a claim.
    for (const m of [...all(WC), ...all(LANKOV)]) {
      expect(m.says).toMatch(
        /^(Lankov|Winstanley-Chesters) (agrees with|contradicts|qualifies|complements) this/,
      );
      expect(m.there.claim.length).toBeGreaterThan(10);
    }
    // A reader's own link with no paraphrase tells the other side's quote, in quotation marks.
    const own = {
      ...c,
      id: 'own-1',
      link: { ...c.link!, curated: false, paraphrases: [null, null] as const },
    } as unknown as Annotation;
    const [ownMark] = [...marksFor(placeComparisons([own], cascade), WC).values()].flat();
    expect(ownMark!.there.claim).toBe(`“${c.targets[1]!.selectors.quote!.exact}”`);
    expect(relationInWords('qualifies', 'Lankov')).toBe(
      'Lankov qualifies this, or is qualified by it',
    );
  });

  it('syncs each paragraph to a linked passage: the comparisons first, the nearest linked paragraph otherwise', () => {
    const links = syncLinksOf(placed, editions);
    const wc = edition(WC);
    const lankov = edition(LANKOV);
    for (const c of placed) {
      const [a, b] = c.sides;
      const target = syncTarget(a.block, wc, lankov, links);
      expect(target?.method).toBe('link');
      // A paragraph with several comparisons syncs to the first one's counterpart.
      const first = placed.find((p) => p.sides[0].block === a.block)!;
      expect(target?.address).toBe(first.sides[1].block);
      expect(syncTarget(b.block, lankov, wc, links)?.method).toBe('link');
    }
    for (const block of [...wc.blocks, ...lankov.blocks].filter((x) => x.n !== undefined)) {
      const [from, to] = block.address.startsWith(WC) ? [wc, lankov] : [lankov, wc];
      expect(syncTarget(block.address, from, to, links)?.method, block.address).toBe('link');
    }
  });

  it('gives a text no comparison touches no links, without reading its blocks', () => {
    const placed = placeComparisons(curated, cascade);
    const untouched = {
      ...edition(WC),
      id: 'long-text-0123456789' as SourceId,
      get blocks(): never {
        throw new Error('read the blocks of a text without comparisons');
      },
    } as Edition;
    expect(syncLinksOf(placed, [...editions, untouched])).toEqual(syncLinksOf(placed, editions));
  });
});

describe('names', () => {
  it('names passages for people', () => {
    expect(passageName('lankov-2007:12' as Address)).toBe('Lankov 12');
    expect(passageName('lankov-2007:12.3' as Address)).toBe('Lankov 12');
    expect(passageName('lankov-2007:n5' as Address)).toBe('Lankov note 5');
    expect(passageName('winstanley-chesters-2015:heading1' as Address)).toBe(
      'Winstanley-Chesters heading 1',
    );
    expect(markLabel('agrees', false, 'lankov-2007:3.2' as Address)).toBe(
      'Your comparison: agrees — Lankov 3',
    );
  });

  it("names a reader's own text by its title, not its id", () => {
    const own = { id: 'rail-85d1fbd6d5', title: 'Rail and ports' } as Edition;
    expect(passageName('rail-85d1fbd6d5:2' as Address, [own])).toBe('Rail and ports 2');
    expect(markLabel('qualifies', false, 'rail-85d1fbd6d5:2.1' as Address, [own])).toBe(
      'Your comparison: qualifies — Rail and ports 2',
    );
    // Without its edition there is nothing else to name it by.
    expect(passageName('rail-85d1fbd6d5:2' as Address)).toBe('rail-85d1fbd6d5 2');
  });

  it('finds the passage at an offset, and none in the separators', () => {
    const e = edition(LANKOV);
    const p = e.blocks.find((b) => b.n === 4)!;
    expect(passageAt(e, p.start)).toBe(p.address);
    expect(passageAt(e, p.end)).not.toBe(p.address);
    expect(passageAt(e, e.text.length + 5)).toBeNull();
  });
});

describe('when it fails', () => {
  it('a quote that anchors nowhere keeps its mark on the stored paragraph, without offsets', () => {
    const nowhere: Placer = () => null;
    const [c] = placeComparisons(curated.slice(0, 1), nowhere);
    for (const side of c!.sides) {
      expect(side.start).toBeUndefined();
      expect(side.block).toBe(blockOf(side.address));
    }
    expect([...marksFor([c!], WC).values()].flat()).toHaveLength(1);
  });

  it('a comparison within one source marks nothing and links nothing', () => {
    const a = curated[0]!;
    const same = { ...a, targets: [a.targets[0]!, a.targets[0]!] } as Annotation;
    const placed = placeComparisons([same], cascade);
    expect(marksFor(placed, WC).size).toBe(0);
    expect(syncLinksOf(placed, editions)).toEqual([]);
  });

  it('an unparsable address names itself', () => {
    expect(passageName('nonsense' as Address)).toBe('nonsense');
    expect(blockOf('nonsense' as Address)).toBe('nonsense');
  });
});
