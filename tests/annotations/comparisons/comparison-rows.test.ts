import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  citedAddress,
  comparisonRows,
  comparisonTopics,
  filterComparisons,
  tableRows,
} from '../../../annotations/comparisons/comparison-rows.ts';
import {
  AnnotationSchema,
  type Annotation,
  type AnnotationId,
} from '../../../annotations/model/annotation.ts';
import type { Address, SourceId } from '../../../sources/edition.ts';

const WC = { id: 'winstanley-chesters-2015' as SourceId };
const LK = { id: 'lankov-2007' as SourceId };

/** Two comparisons as data: a reader's own (targets Lankov first) and a curated one. */
const fixture: Annotation[] = (
  JSON.parse(
    readFileSync(new URL('./fixtures/small-table.json', import.meta.url), 'utf8'),
  ) as unknown[]
).map((a) => AnnotationSchema.parse(a));

const highlight = AnnotationSchema.parse({
  id: 'urn:uuid:00000000-0000-4000-8000-0000000000aa',
  created: '2026-01-31T12:00:00.000Z',
  modified: '2026-01-31T12:00:00.000Z',
  motivation: 'highlighting',
  tags: [],
  targets: [fixture[1]!.targets[1]],
});

/** A linking annotation between two passages of the same text: not a comparison of the two panes. */
const sameText = AnnotationSchema.parse({
  ...fixture[1],
  id: 'urn:uuid:00000000-0000-4000-8000-0000000000bb',
  targets: [fixture[1]!.targets[1], fixture[0]!.targets[0]],
});

describe('comparisonRows', () => {
  it('puts each target in its pane’s column, whatever the target order, with its paraphrase', () => {
    const table = comparisonRows(fixture, [WC, LK]);
    const reader = tableRows(table).find((r) => !r.curated)!;
    expect(reader.left.source).toBe(WC.id);
    expect(reader.left.paraphrase).toBe('W-C: a visit is due, soon');
    expect(reader.right.source).toBe(LK.id);
    expect(reader.right.paraphrase).toBe('Lankov: two visits, "2001" and 2002.');
  });

  it('cites paragraph addresses and keeps the stored passage for linking', () => {
    const reader = tableRows(comparisonRows(fixture, [WC, LK])).find((r) => !r.curated)!;
    expect(reader.right.address).toBe('lankov-2007:15');
    expect(reader.right.passage).toBe('lankov-2007:15.3');
    expect(reader.left.address).toBe('winstanley-chesters-2015:19');
  });

  it('groups by topic, groups and rows in the order of the left text', () => {
    const table = comparisonRows(fixture, [WC, LK]);
    expect(comparisonTopics(table)).toEqual(['Korea on Moscow’s agenda', 'Summits and visits']);
    // Swapping the panes reorders by the other text.
    const swapped = comparisonRows(fixture, [LK, WC]);
    expect(comparisonTopics(swapped)).toEqual(['Summits and visits', 'Korea on Moscow’s agenda']);
    expect(tableRows(swapped)[0]!.left.source).toBe(LK.id);
  });

  it('gathers rows of one topic into one group, ordered by position', () => {
    const second = AnnotationSchema.parse({
      ...fixture[1],
      id: 'urn:uuid:00000000-0000-4000-8000-0000000000cc',
      targets: [
        {
          ...fixture[1]!.targets[0]!,
          selectors: { ...fixture[1]!.targets[0]!.selectors, position: { start: 10, end: 50 } },
        },
        fixture[1]!.targets[1],
      ],
      link: { ...fixture[1]!.link!, topic: '  Korea on Moscow’s agenda ' },
    });
    const table = comparisonRows([...fixture, second], [WC, LK]);
    expect(table.groups[0]!.rows.map((r) => r.id)).toEqual([second.id, fixture[1]!.id]);
    expect(table.groups).toHaveLength(2);
  });

  it('is deterministic whatever the input order', () => {
    expect(comparisonRows([...fixture].reverse(), [WC, LK])).toEqual(
      comparisonRows(fixture, [WC, LK]),
    );
  });

  describe('when it fails', () => {
    it('ignores non-linking annotations and lists linking ones that do not compare the two panes', () => {
      const table = comparisonRows([...fixture, highlight, sameText], [WC, LK]);
      expect(tableRows(table)).toHaveLength(2);
      expect(table.skipped).toEqual([sameText.id]);
    });

    it('refuses the same edition twice', () => {
      expect(() => comparisonRows(fixture, [WC, WC])).toThrow(/two different editions/);
    });

    it('gives an empty table for no annotations', () => {
      expect(comparisonRows([], [WC, LK]).groups).toEqual([]);
    });
  });
});

describe('filterComparisons', () => {
  const table = comparisonRows(fixture, [WC, LK]);

  it('keeps everything with an empty filter', () => {
    expect(filterComparisons(table, {})).toEqual(table);
    expect(filterComparisons(table, { relations: [], topic: '  ' })).toEqual(table);
  });

  it('filters by relation, dropping emptied groups', () => {
    const only = filterComparisons(table, { relations: ['contradicts'] });
    expect(tableRows(only).map((r) => r.relation)).toEqual(['contradicts']);
    expect(comparisonTopics(only)).toEqual(['Korea on Moscow’s agenda']);
    expect(tableRows(filterComparisons(table, { relations: ['agrees', 'qualifies'] }))).toEqual([]);
  });

  it('filters by topic and by curated or reader’s own', () => {
    expect(
      tableRows(filterComparisons(table, { topic: 'Summits and visits' })).map((r) => r.id),
    ).toEqual([fixture[0]!.id]);
    expect(tableRows(filterComparisons(table, { curated: false })).map((r) => r.curated)).toEqual([
      false,
    ]);
    expect(
      tableRows(filterComparisons(table, { topic: 'Summits', relations: ['complements'] })),
    ).toEqual([]);
  });

  it('keeps only the rows `keep` keeps, with the other filters', () => {
    const own = fixture.find((a) => !a.id.startsWith('urn:diptych:comparison:'))!.id;
    const kept = filterComparisons(table, { keep: (row) => row.id === own });
    expect(tableRows(kept).map((r) => r.id)).toEqual([own]);
    expect(comparisonTopics(kept)).toHaveLength(1);
    expect(tableRows(filterComparisons(table, { keep: () => false }))).toEqual([]);
    expect(tableRows(filterComparisons(table, { keep: () => true, curated: true }))).toHaveLength(
      1,
    );
  });
});

describe('citedAddress', () => {
  it('drops the sentence part and keeps everything else', () => {
    const cases: [string, string][] = [
      ['lankov-2007:12.3', 'lankov-2007:12'],
      ['lankov-2007:12', 'lankov-2007:12'],
      ['lankov-2007:12-13', 'lankov-2007:12-13'],
      ['lankov-2007:n5.1', 'lankov-2007:n5'],
      ['winstanley-chesters-2015:caption2.1', 'winstanley-chesters-2015:caption2'],
      ['not an address', 'not an address'],
    ];
    for (const [input, expected] of cases) expect(citedAddress(input as Address)).toBe(expected);
  });
});

// Keeps the branded id type honest in the fixture.
void (fixture[0]!.id satisfies AnnotationId);
