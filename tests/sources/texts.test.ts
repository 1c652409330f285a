import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinTextPath } from '../../sources/builtin.ts';
import { BUILTIN_SOURCES } from '../../sources/metadata.ts';

// The verbatim texts are evidence: nobody "fixes" them by hand. These are the
// SHA-256 sums of the seeds as received (shared/seeds/000_… and 002_…).
const PINNED: Record<string, string> = {
  'winstanley-chesters-2015': '4a861861128416fc695f21fe6b69fc8ad546f1319e58c0cd62bfac4d0cf30bd5',
  'lankov-2007': '20dc8fde9e29da5d0e6420cd43d192ea425c7823c1c08eef11db3f6c21f9374b',
};

describe('verbatim source texts', () => {
  for (const meta of BUILTIN_SOURCES) {
    it(`${meta.id} is byte-for-byte the text as received`, () => {
      const sha = createHash('sha256')
        .update(readFileSync(builtinTextPath(meta)))
        .digest('hex');
      expect(sha).toBe(PINNED[meta.id]);
    });
  }
});

describe('metadata records', () => {
  it('mark both years as inferred, with evidence, and invent no URL, day or publisher', () => {
    for (const meta of BUILTIN_SOURCES) {
      expect(meta.csl.issued?.circa).toBe(true);
      expect(meta.csl.issued?.['date-parts'][0]).toHaveLength(1);
      expect(meta.inferred.map((i) => i.field)).toContain('issued');
      const record = meta.csl as unknown as Record<string, unknown>;
      for (const field of ['URL', 'DOI', 'publisher', 'page', 'accessed'])
        expect(record[field]).toBeUndefined();
    }
  });
});
