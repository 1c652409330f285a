import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import { tempDirForFile } from '../helpers/temp-dir.ts';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

const dir = tempDirForFile('diptych-annotations-');
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const fixture = (name: string) =>
  new URL(`../fixtures/annotations/${name}`, import.meta.url).pathname;

describe('diptych annotations', () => {
  it('says what importing a file would do', async () => {
    const { code, out } = await run('annotations', fixture('import/hypothesis-rows/input.txt'));
    expect(code).toBe(0);
    const result = JSON.parse(out) as {
      format: string;
      summary: string;
      results: { status: string }[];
    };
    expect(result.format).toBe('hypothesis');
    expect(result.results.map((r) => r.status)).toEqual([
      'imported',
      'skipped',
      'skipped',
      'imported',
    ]);
    // A check imports nothing, and says so (issue 15).
    expect(result.summary).toBe(
      'Would import 2 annotations; 2 items skipped (replies or notes on a whole page).',
    );
  });

  it('a file that is not JSON gets a one-line error: plain words first, then the details', async () => {
    const { code, err } = await run('annotations', file('bad.json', 'hello\nworld\n'));
    expect(code).toBe(1);
    expect(err).toMatch(
      /^diptych: .*bad\.json: Nothing was imported\. This file is not an annotations file Diptych can read: it is not JSON\. Export from Diptych or Hypothesis gives a file that is\. Details: the file is not JSON \(Unexpected token/,
    );
    expect(err.trimEnd().split('\n')).toHaveLength(1);
  });

  it('prints the digest of our export', async () => {
    const { code, out } = await run('annotations', fixture('format-v1.jsonld'), '--digest');
    expect(code).toBe(0);
    expect(out).toMatch(/^# Annotations\n\n## Winstanley-Chesters \(2015\)/);
  });

  it('converts a Hypothesis file to our W3C export', async () => {
    const { code, out } = await run(
      'annotations',
      fixture('import/hypothesis-single/input.txt'),
      '--w3c',
    );
    expect(code).toBe(0);
    const doc = JSON.parse(out) as {
      type: string;
      total: number;
      first: { items: { id: string }[] };
    };
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.first.items.map((i) => i.id)).toEqual([
      'urn:diptych:hypothesis:Zz3d8HsUEeiGBW-cKKnWxA',
    ]);
  });

  describe('when it fails: one line, non-zero exit', () => {
    it.each([
      ['a missing file', () => [join(dir, 'nope.json')], /nope\.json: no such file$/],
      ['no file', () => [], /^diptych: usage: diptych annotations/],
      [
        'both flags',
        () => [fixture('format-v1.jsonld'), '--digest', '--w3c'],
        /choose one of --digest and --w3c/,
      ],
      [
        'not JSON',
        () => [file('x.json', 'hello')],
        /Nothing was imported\. .* Details: the file is not JSON/,
      ],
      [
        'a bad item',
        () => [fixture('import/bad-one-among-good/input.txt')],
        /Nothing was imported\. 1 of the 3 annotations in this file is damaged or incomplete.* Details: 1 of 3 items has a problem; the first, at \[1\]\.created/,
      ],
    ] as const)('%s', async (_name, argv, message) => {
      const { code, out, err } = await run('annotations', ...argv());
      expect(code).not.toBe(0);
      expect(out).toBe('');
      expect(err.trim().split('\n')).toHaveLength(1);
      expect(err.trim()).toMatch(message);
    });
  });
});
