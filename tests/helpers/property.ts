/**
 * Property tests that cannot pass by discarding their cases. `fc.assert`
 * counts only the cases a property keeps: with `fc.pre` discarding most of
 * them it still passes, after testing a handful. `assertProperty` runs the
 * property like `fc.assert` and also checks that it ran `numRuns` real cases
 * and that preconditions discarded at most `maxDiscarded` of what was
 * generated, so a generator that drifts away from the interesting inputs
 * fails the test instead of thinning it out.
 *
 * Not for: asynchronous properties (none of ours are; `fc.asyncProperty`
 * would need `fc.check`'s promise).
 */
import fc from 'fast-check';
import { expect } from 'vitest';

/** How many real cases to run and the largest share of generated cases `fc.pre` may discard. */
export interface PropertyFloor {
  /** Real (kept) cases to run. */
  readonly numRuns: number;
  /** Largest share, from 0 to 1, of generated cases that preconditions may discard. */
  readonly maxDiscarded: number;
}

/** Like `fc.assert(property, { numRuns })`, and fails when too few cases were real. */
export function assertProperty<Ts>(property: fc.IProperty<Ts>, floor: PropertyFloor): void {
  const details = fc.check(property, { numRuns: floor.numRuns });
  if (details.failed) {
    throw new Error(fc.defaultReportMessage(details), { cause: details.errorInstance });
  }
  const generated = details.numRuns + details.numSkips;
  expect(details.numRuns, 'real (kept) cases').toBe(floor.numRuns);
  expect(
    details.numSkips / generated,
    `share of generated cases discarded by fc.pre (${details.numSkips} of ${generated})`,
  ).toBeLessThanOrEqual(floor.maxDiscarded);
}
