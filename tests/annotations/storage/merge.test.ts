import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_SET,
  mergeSets,
  newer,
  sameSet,
  type AnnotationSet,
} from '../../../annotations/storage/merge.ts';
import { annotation, edited } from './helpers.ts';
import { scaled } from '../../slowdown.ts';

const T = (h: number) => `2026-01-01T${String(h).padStart(2, '0')}:00:00.000Z`;

describe('mergeSets', () => {
  it('keeps edits to different annotations from both sides', () => {
    const a1 = annotation(1, T(1));
    const a2 = annotation(2, T(1));
    const tab1: AnnotationSet = {
      annotations: [edited(a1, T(2), { note: 'tab 1' }), a2],
      deleted: {},
      revision: 3,
    };
    const tab2: AnnotationSet = {
      annotations: [a1, edited(a2, T(3), { note: 'tab 2' })],
      deleted: {},
      revision: 4,
    };
    const merged = mergeSets(tab1, tab2);
    expect(merged.annotations.map((a) => a.note)).toEqual(['tab 1', 'tab 2']);
    expect(merged.revision).toBe(4);
  });

  it('keeps the later of two edits to the same annotation', () => {
    const a = annotation(1, T(1));
    const early = edited(a, T(2), { note: 'early' });
    const late = edited(a, T(3), { note: 'late' });
    expect(newer(early, late)).toBe(late);
    expect(
      mergeSets({ ...EMPTY_SET, annotations: [late] }, { ...EMPTY_SET, annotations: [early] })
        .annotations[0]!.note,
    ).toBe('late');
  });

  it('does not bring back an annotation deleted in one tab and still held by another', () => {
    const a = annotation(1, T(1));
    const merged = mergeSets(
      { ...EMPTY_SET, annotations: [a] },
      { ...EMPTY_SET, deleted: { [a.id]: T(2) } },
    );
    expect(merged.annotations).toEqual([]);
    expect(merged.deleted[a.id]).toBe(T(2));
  });

  it('keeps an annotation changed after its deletion (an undone delete)', () => {
    const a = annotation(1, T(1));
    const restored = edited(a, T(3));
    const merged = mergeSets(
      { ...EMPTY_SET, annotations: [restored] },
      { ...EMPTY_SET, deleted: { [a.id]: T(2) } },
    );
    expect(merged.annotations).toEqual([restored]);
  });

  it('breaks a tie in modified time the same way on both sides', () => {
    const a = annotation(1, T(1));
    const x = edited(a, T(2), { note: 'x' });
    const y = edited(a, T(2), { note: 'y' });
    expect(newer(x, y)).toBe(newer(y, x));
  });

  describe('properties', () => {
    const setArb = fc
      .record({
        versions: fc.array(
          fc.record({
            n: fc.integer({ min: 1, max: 6 }),
            h: fc.integer({ min: 1, max: 9 }),
            note: fc.constantFrom('a', 'b', 'c'),
          }),
          { maxLength: 8 },
        ),
        tombs: fc.array(
          fc.record({ n: fc.integer({ min: 1, max: 6 }), h: fc.integer({ min: 1, max: 9 }) }),
          { maxLength: 3 },
        ),
        revision: fc.nat(20),
      })
      .map(({ versions, tombs, revision }): AnnotationSet => {
        const byId = new Map(
          versions.map((v) => [v.n, edited(annotation(v.n, T(1)), T(v.h), { note: v.note })]),
        );
        const deleted: Record<string, string> = {};
        for (const t of tombs) deleted[annotation(t.n).id] = T(t.h);
        return { annotations: [...byId.values()], deleted, revision };
      });
    it(
      'is commutative, associative and idempotent, so tabs converge',
      () => {
        fc.assert(
          fc.property(setArb, setArb, setArb, (a, b, c) => {
            expect(sameSet(mergeSets(a, b), mergeSets(b, a))).toBe(true);
            expect(sameSet(mergeSets(mergeSets(a, b), c), mergeSets(a, mergeSets(b, c)))).toBe(
              true,
            );
            const ab = mergeSets(a, b);
            expect(sameSet(mergeSets(ab, ab), ab)).toBe(true);
            expect(sameSet(mergeSets(ab, a), ab)).toBe(true);
          }),
        );
      },
      scaled(30_000),
    );
  });
});
