import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstIndexWhere } from '../../../sources/util/first-index.ts';
import { assertProperty } from '../../helpers/property.ts';

describe('firstIndexWhere', () => {
  it('finds where a sorted list first reaches a bound, as a walk does', () => {
    assertProperty(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 50 })),
        fc.integer({ min: -60, max: 60 }),
        (raw, bound) => {
          const list = [...raw].sort((a, b) => a - b);
          const walked = list.findIndex((x) => x >= bound);
          expect(firstIndexWhere(list, (x) => x >= bound)).toBe(walked < 0 ? list.length : walked);
        },
      ),
      { numRuns: 300, maxDiscarded: 0 },
    );
  });

  it('gives 0 for an empty list', () => {
    expect(firstIndexWhere([], () => true)).toBe(0);
  });
});
