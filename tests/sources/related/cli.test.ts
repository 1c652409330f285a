import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/main.ts';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

describe('diptych related', () => {
  it('prints [{ address, score, terms }] for the other text, best first', async () => {
    const { code, out, err } = await run('related', 'lankov-2007:30');
    expect(code).toBe(0);
    expect(err).toBe('');
    const rows = JSON.parse(out) as { address: string; score: number; terms: string[] }[];
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(['address', 'score', 'terms']);
      expect(row.address).toMatch(/^winstanley-chesters-2015:\d+$/);
      expect(row.terms.length).toBeGreaterThan(0);
    }
    for (let i = 1; i < rows.length; i++)
      expect(rows[i - 1]!.score).toBeGreaterThanOrEqual(rows[i]!.score);
  });

  it('takes --k', async () => {
    expect(
      JSON.parse((await run('related', 'winstanley-chesters-2015:12', '--k', '2')).out),
    ).toHaveLength(2);
    expect(
      JSON.parse((await run('related', 'winstanley-chesters-2015:12', '--k=7')).out),
    ).toHaveLength(7);
  });

  describe('when it fails', () => {
    it('names an unknown address in one line and exits non-zero', async () => {
      const { code, out, err } = await run('related', 'lankov-2007:99');
      expect(code).toBe(1);
      expect(out).toBe('');
      expect(err).toBe(
        'diptych: no passage at lankov-2007:99: lankov-2007 has paragraphs 1–39 and footnotes n1–n10\n',
      );
    });

    it('names what is not an address, and an unknown source', async () => {
      expect((await run('related', 'twelve')).err).toMatch(
        /^diptych: "twelve" is not a passage address .*\n$/,
      );
      const unknown = await run('related', 'smith-1999:3');
      expect(unknown.code).toBe(1);
      expect(unknown.err).toMatch(/^diptych: unknown source "smith-1999"/);
    });

    it('rejects a missing address, extra arguments and a bad --k with usage errors', async () => {
      expect((await run('related')).code).toBe(2);
      expect((await run('related', 'lankov-2007:1', 'lankov-2007:2')).code).toBe(2);
      const bad = await run('related', 'lankov-2007:1', '--k', '-3');
      expect(bad.code).toBe(2);
      expect(bad.err).toBe('diptych: --k must be a whole number from 1 to 100 (got "-3")\n');
    });
  });
});
