import { describe, expect, it } from 'vitest';
import type { TestSpecification, Vitest } from 'vitest/node';
import { LongestFirstSequencer, RECORDED_SECONDS } from './sequencer.ts';

const ROOT = '/repo';

/** A specification of `file` in `project`, as the sequencer sees it. */
const spec = (project: 'unit' | 'e2e', file: string) =>
  ({ moduleId: `${ROOT}/${file}`, project: { name: project } }) as unknown as TestSpecification;

/** A sequencer over remembered durations (ms) and file sizes (bytes), by `project:file`. */
function sequencer(remembered: Record<string, number>, sizes: Record<string, number> = {}) {
  const ctx = {
    config: { root: ROOT },
    cache: {
      getFileTestResults: (key: string) =>
        key in remembered ? { duration: remembered[key], failed: false } : undefined,
      getFileStats: (key: string) => (key in sizes ? { size: sizes[key] } : undefined),
    },
  };
  return new LongestFirstSequencer(ctx as unknown as Vitest);
}

const names = (specs: TestSpecification[]) => specs.map((s) => s.moduleId.slice(ROOT.length + 1));

describe('LongestFirstSequencer', () => {
  it('starts long unit files, then browser tests, then short unit files, each longest first', async () => {
    const files = [
      spec('unit', 'tests/a.test.ts'),
      spec('e2e', 'tests/e2e/short.test.ts'),
      spec('unit', 'tests/long.test.ts'),
      spec('e2e', 'tests/e2e/long.test.ts'),
      spec('unit', 'tests/longer.test.ts'),
      spec('unit', 'tests/b.test.ts'),
    ];
    const sorted = await sequencer({
      'unit:tests/a.test.ts': 300,
      'unit:tests/b.test.ts': 900,
      'unit:tests/long.test.ts': 6_000,
      'unit:tests/longer.test.ts': 30_000,
      'e2e:tests/e2e/short.test.ts': 5_000,
      'e2e:tests/e2e/long.test.ts': 90_000,
    }).sort(files);
    expect(names(sorted)).toEqual([
      'tests/longer.test.ts',
      'tests/long.test.ts',
      'tests/e2e/long.test.ts',
      'tests/e2e/short.test.ts',
      'tests/b.test.ts',
      'tests/a.test.ts',
    ]);
  });

  it('without a remembered duration, uses the recorded one, else guesses from the size', async () => {
    const recorded = Object.keys(RECORDED_SECONDS).find((f) => f.startsWith('tests/e2e/'))!;
    const files = [spec('e2e', 'tests/e2e/new-small.test.ts'), spec('e2e', recorded)];
    const sizes = { 'e2e:tests/e2e/new-small.test.ts': 100 };
    expect(names(await sequencer({}, sizes).sort(files))).toEqual([
      recorded,
      'tests/e2e/new-small.test.ts',
    ]);
    // A remembered duration wins over the recorded one.
    const remembered = { 'e2e:tests/e2e/new-small.test.ts': 1e9, [`e2e:${recorded}`]: 1 };
    expect(names(await sequencer(remembered, sizes).sort(files))).toEqual([
      'tests/e2e/new-small.test.ts',
      recorded,
    ]);
  });
});
