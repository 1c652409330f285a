/**
 * The timeline extractor against the dated expressions listed by reading
 * both texts (`tests/fixtures/timeline/dated-expressions.json`), the rules
 * one by one, and the inferred "last year".
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinEdition, builtinEditions } from '../../../sources/builtin.ts';
import type { Sentence } from '../../../sources/edition.ts';
import {
  eventsToCsv,
  extractEvents,
  extractFromSentence,
  matchDateRules,
  referenceTime,
  scoreExtraction,
  timelineLinks,
  type ListedExpression,
} from '../../../sources/timeline/index.ts';

const listed = (
  JSON.parse(
    readFileSync(
      new URL('../../fixtures/timeline/dated-expressions.json', import.meta.url),
      'utf8',
    ),
  ) as { expressions: ListedExpression[] }
).expressions;

const all = () =>
  builtinEditions().flatMap((e) => {
    const reference = referenceTime(e.id);
    return extractEvents(e, reference ? { reference } : {});
  });

const sentence = (text: string): Sentence =>
  ({ address: 'x:1.1', text, start: 0, end: text.length }) as Sentence;
const ref = { year: 2015, evidence: 'test' };
const one = (text: string) =>
  extractFromSentence('x' as never, sentence(text), { reference: ref }).map((e) => ({
    expression: e.expression,
    from: e.from,
    to: e.to,
    inferred: e.inferred !== undefined,
  }));

describe('extractEvents on both texts', () => {
  it('finds the listed dated expressions: precision and recall ≥ 0.9', () => {
    const score = scoreExtraction(all(), listed);
    expect(score.missed, 'missed').toEqual([]);
    expect(
      score.spurious.map((e) => `${e.address} ${e.expression}`),
      'spurious',
    ).toEqual([]);
    expect(score.precision).toBeGreaterThanOrEqual(0.9);
    expect(score.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('resolves “last year” in the 2015 article to 2014, inferred, with its reason', () => {
    const wc = builtinEdition('winstanley-chesters-2015')!;
    const events = extractEvents(wc, { reference: referenceTime(wc.id)! });
    const last = events.find((e) => e.address === 'winstanley-chesters-2015:3.1')!;
    expect(last.expression).toBe('last year');
    expect(last.from).toEqual({ year: 2014 });
    expect(last.to).toEqual({ year: 2014 });
    expect(last.inferred?.reason).toMatch(/year before the text was written.*2015/);
    expect(last.inferred?.reason).toMatch(/last year/);
  });

  it('ties every event to a sentence whose text holds the expression at its offset', () => {
    const sentences = new Map(
      builtinEditions().flatMap((e) =>
        [...e.blocks, ...e.footnotes].flatMap((b) => b.sentences.map((s) => [s.address, s.text])),
      ),
    );
    for (const e of all()) {
      const text = sentences.get(e.address);
      expect(text, e.id).toBeDefined();
      expect(text!.slice(e.start, e.start + e.expression.length)).toBe(e.expression);
    }
  });

  it('marks every relative date inferred and no other', () => {
    for (const e of all()) expect(e.inferred !== undefined, e.id).toBe(e.kind === 'relative');
  });
});

describe('the rules', () => {
  it('decades, with early/mid/late', () => {
    expect(one('since the early 1960s and the 1960s and ’70s, from the mid-1990s')).toEqual([
      { expression: 'the early 1960s', from: { year: 1960 }, to: { year: 1963 }, inferred: false },
      { expression: 'the 1960s', from: { year: 1960 }, to: { year: 1969 }, inferred: false },
      { expression: '’70s', from: { year: 1970 }, to: { year: 1979 }, inferred: false },
      { expression: 'the mid-1990s', from: { year: 1994 }, to: { year: 1996 }, inferred: false },
    ]);
  });

  it('ranges of years and months, centuries, full dates', () => {
    expect(
      one('as long ago as 1858-60 and the war (1950-1953)').map((e) => [e.from, e.to]),
    ).toEqual([
      [{ year: 1858 }, { year: 1860 }],
      [{ year: 1950 }, { year: 1953 }],
    ]);
    expect(one('Far Eastern Affairs, Jul-Sep 2005.')[0]).toMatchObject({
      from: { year: 2005, month: 7 },
      to: { year: 2005, month: 9 },
    });
    expect(one('since the 19th century')[0]).toMatchObject({
      from: { year: 1800 },
      to: { year: 1899 },
    });
    expect(one('ITAR-TASS report, 19 March 2007.')[0]).toMatchObject({
      expression: '19 March 2007',
      from: { year: 2007, month: 3, day: 19 },
    });
  });

  it('relative dates resolve against the text’s year and are inferred', () => {
    expect(one('diplomats meeting in Moscow last November.')[0]).toMatchObject({
      expression: 'last November',
      from: { year: 2014, month: 11 },
      inferred: true,
    });
    expect(one('Russia over last 15 years has been')[0]).toMatchObject({
      from: { year: 2000 },
      to: { year: 2015 },
      inferred: true,
    });
  });

  it('when it fails: no date in URLs, amounts or casual words; no relative date without a reference', () => {
    expect(one('Retrieved at: http://japanfocus.org/products/details/2030.')).toEqual([]);
    expect(
      one('costs $1,344 to send a 20-foot container; 10-20 thousand workers; 2.5 billion'),
    ).toEqual([]);
    expect(one('not just yesterday, and today, and now')).toEqual([]);
    expect(matchDateRules('last year and last November')).toEqual([]);
  });
});

describe('links and export', () => {
  it('links the events of a compared pair across texts', () => {
    const events = all();
    const links = timelineLinks(events, [
      {
        id: 'urn:diptych:comparison:revival-date',
        relation: 'qualifies',
        a: 'winstanley-chesters-2015:12.1',
        b: 'lankov-2007:11.1',
      },
    ]);
    expect(links).toEqual([
      {
        comparison: 'urn:diptych:comparison:revival-date',
        relation: 'qualifies',
        from: 'winstanley-chesters-2015:12.1@36',
        to: 'lankov-2007:11.1@29',
      },
    ]);
    // A paragraph address links every dated event of the paragraph (¶12 dates 1999 and 2000).
    const byParagraph = timelineLinks(events, [
      { id: 'c', relation: 'qualifies', a: 'winstanley-chesters-2015:12', b: 'lankov-2007:11' },
    ]);
    expect(byParagraph.map((l) => l.from)).toEqual([
      'winstanley-chesters-2015:12.1@36',
      'winstanley-chesters-2015:12.2@56',
    ]);
  });

  it('writes RFC 4180 CSV with a header and one row per event', () => {
    const events = all();
    const csv = eventsToCsv(events);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'source,address,expression,from,to,precision,qualifier,inferred,reason,sentence',
    );
    expect(lines).toHaveLength(events.length + 1);
    expect(csv).toContain(
      'lankov-2007,lankov-2007:10.1,September 1990,1990-09,1990-09,month,,no,,',
    );
  });
});
