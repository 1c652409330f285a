/**
 * Fixture tests, as remark-gfm and mdast-util-from-markdown do them: each
 * folder under `fixtures/` holds `input.md`, an optional `options.json` and
 * the expected `edition.json`. Regenerate with `UPDATE=1 npx vitest run
 * tests/sources/fixtures.test.ts` and review the diff.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEdition, type ParseEditionOptions } from '../../sources/pipeline.ts';
import { goldenJson } from '../helpers/golden.ts';

const root = new URL('./fixtures/', import.meta.url).pathname;

describe('pipeline fixtures', () => {
  for (const name of readdirSync(root).sort()) {
    it(name, () => {
      const dir = join(root, name);
      const input = readFileSync(join(dir, 'input.md'), 'utf8');
      const optionsFile = join(dir, 'options.json');
      const options: Partial<ParseEditionOptions> = existsSync(optionsFile)
        ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as Partial<ParseEditionOptions>)
        : {};
      const actual = parseEdition(input, { id: name, ...options });
      expect(actual).toEqual(goldenJson(join(dir, 'edition.json'), actual));
    });
  }
});
