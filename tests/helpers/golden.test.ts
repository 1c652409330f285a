import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { golden } from './golden.ts';
import { tempDirForFile } from './temp-dir.ts';

const dir = tempDirForFile('diptych-golden-');

describe('golden', () => {
  it('returns the pinned text, whatever the actual output is', () => {
    const file = join(dir, 'pinned.txt');
    writeFileSync(file, 'pinned\n');
    expect(golden(file, 'different\n', false)).toBe('pinned\n');
    expect(readFileSync(file, 'utf8')).toBe('pinned\n');
  });

  it('with UPDATE, writes the actual output and returns it', () => {
    const file = join(dir, 'updated.txt');
    writeFileSync(file, 'old\n');
    expect(golden(file, 'new\n', true)).toBe('new\n');
    expect(readFileSync(file, 'utf8')).toBe('new\n');
  });

  describe('when it fails', () => {
    it('a missing expectation throws (it is not written)', () => {
      const file = join(dir, 'missing.txt');
      expect(() => golden(file, 'anything\n', false)).toThrow(
        /Missing expectation .*missing\.txt: run this test with UPDATE=1/,
      );
      expect(() => readFileSync(file)).toThrow(/ENOENT/);
    });
  });
});
