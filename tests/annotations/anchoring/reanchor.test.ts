import { describe, expect, it } from 'vitest';
import { anchor } from '../../../annotations/anchoring/anchor.ts';
import {
  applyEdit,
  CORRECT_OUTCOMES,
  reanchorAfterEdit,
  type ReanchorReport,
} from '../../../annotations/anchoring/reanchor.ts';
import { builtinEditions } from '../../../sources/builtin.ts';
import { BASELINE_EDITS, baselineAnnotations } from './baselines/index.ts';
import { scaled } from '../../slowdown.ts';

/**
 * Annotations that re-anchor wrongly today, as data (like `expectedFailures`
 * in Hypothesis's html-test.js): `<edit name> / «<quote>»` → why. Each must
 * still fail; when one starts passing, the last test below says to remove it.
 */
const KNOWN_FAILURES: ReadonlyMap<string, string> = new Map([
  // ¶18 reads "…is likely to add new difficulties. Cooperation over North
  // Korea is likely to become more difficult. It will be…". With the second
  // sentence gone, short quotes from it find the first sentence's twin
  // phrasing, now followed by the very text that followed them.
  [
    'sentence deleted (¶18, second sentence) / «difficult.»',
    'lands on «difficulti(es)» of the previous sentence',
  ],
  [
    'sentence deleted (¶18, second sentence) / «y t»',
    'lands on «likely to» of the previous sentence',
  ],
  [
    'sentence deleted (¶18, second sentence) / «icult»',
    'lands on «difficulties» of the previous sentence',
  ],
]);
const keyOf = (editName: string, quote: string | undefined) => `${editName} / «${quote}»`;

describe('applyEdit', () => {
  it('reduces a scripted edit to the span that changed', () => {
    const e = applyEdit('It worth noting that', {
      name: 'typo',
      find: 'It worth noting',
      replace: 'It is worth noting',
    });
    expect(e).toEqual({ text: 'It is worth noting that', start: 3, oldEnd: 3, newEnd: 6 });
    expect(applyEdit('a\n\nb', { name: 'join', find: '\n\nb', replace: ' b' })).toMatchObject({
      start: 1,
      oldEnd: 3,
      newEnd: 2,
    });
  });
  describe('when it fails', () => {
    it('throws when the text to replace is missing or repeated: the script is wrong', () => {
      expect(() => applyEdit('abc', { name: 'x', find: 'z', replace: 'y' })).toThrow(/not found/);
      expect(() => applyEdit('abab', { name: 'x', find: 'ab', replace: 'y' })).toThrow(
        /more than once/,
      );
    });
  });
});

describe.each(builtinEditions().map((e) => [e.id, e] as const))(
  're-anchoring baselines: %s',
  (id, edition) => {
    const annotations = baselineAnnotations(edition);
    const edits = BASELINE_EDITS[id] ?? [];
    const reports: ReanchorReport[] = edits.map((edit) =>
      reanchorAfterEdit(
        edition.text,
        annotations.map((a) => a.selectors),
        edit,
      ),
    );

    it('has at least 40 annotations, spread over the whole text, and scripted edits', () => {
      expect(annotations.length).toBeGreaterThanOrEqual(40);
      const starts = annotations.map((a) => a.selectors.position!.start);
      expect(Math.min(...starts)).toBeLessThan(edition.text.length * 0.1);
      expect(Math.max(...starts)).toBeGreaterThan(edition.text.length * 0.9);
      expect(edits.map((e) => e.name.split(' ')[0])).toEqual(
        expect.arrayContaining(['typo', 'sentence', 'paragraphs']),
      );
    });

    it('anchors every baseline annotation in the unedited text by its position', () => {
      for (const a of annotations) {
        expect(anchor(edition, a.selectors), a.name).toMatchObject({
          placed: true,
          method: 'position',
          ...a.selectors.position,
        });
      }
    });

    it.each(edits.map((e, i) => [e.name, i] as const))(
      'after "%s": nothing outside the edit moves, nothing is dropped or misplaced',
      (_name, i) => {
        const report = reports[i]!;
        expect(report.cases).toHaveLength(annotations.length);
        report.cases.forEach((c, k) => {
          const key = keyOf(report.edit.name, c.selectors.quote?.exact);
          if (KNOWN_FAILURES.has(key)) return;
          const where = `${key} (${annotations[k]!.name})`;
          if (!c.touched) {
            expect(c.outcome, where).toBe('kept');
          } else {
            expect(['placed-approximately', 'unplaced'], where).toContain(c.outcome);
          }
        });
      },
    );

    it('exercises both sides: some edits touch annotations, which are then placed approximately or reported unplaced', () => {
      const touched = reports.flatMap((r) => r.cases.filter((c) => c.touched));
      expect(touched.length).toBeGreaterThan(0);
      expect(
        touched.some((c) => c.outcome === 'unplaced' || c.outcome === 'placed-approximately'),
      ).toBe(true);
    });
  },
);

it(
  'lists only known failures that still fail',
  () => {
    const stillFailing = new Set<string>();
    for (const edition of builtinEditions()) {
      const selectors = baselineAnnotations(edition).map((a) => a.selectors);
      for (const edit of BASELINE_EDITS[edition.id] ?? []) {
        for (const c of reanchorAfterEdit(edition.text, selectors, edit).cases) {
          if (!CORRECT_OUTCOMES.has(c.outcome))
            stillFailing.add(keyOf(edit.name, c.selectors.quote?.exact));
        }
      }
    }
    for (const key of KNOWN_FAILURES.keys())
      expect(stillFailing, `${key} now passes: remove it from KNOWN_FAILURES`).toContain(key);
  },
  scaled(30_000),
);
