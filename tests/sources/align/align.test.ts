import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/main.ts';
import { alignEditions, alignMonotone, rowsOf } from '../../../sources/align/index.ts';
import { builtinEdition } from '../../../sources/builtin.ts';

describe('alignMonotone', () => {
  it('takes the diagonal of an identity-like matrix', () => {
    const s = [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ];
    expect(alignMonotone(s, 3, 3, 0.5)).toEqual([
      { a: 0, b: 0 },
      { a: 1, b: 1 },
      { a: 2, b: 2 },
    ]);
  });

  it('never crosses: of two crossing strong pairs it keeps the better', () => {
    const s = [
      [0, 0.9],
      [1, 0],
    ];
    expect(alignMonotone(s, 2, 2, 0.5)).toEqual([{ a: 1, b: 0 }]);
  });

  it('aligns one paragraph to several, and leaves weak ones as gaps', () => {
    const s = [
      [1, 0.8, 0],
      [0, 0, 0.1],
    ];
    const pairs = alignMonotone(s, 2, 3, 0.5);
    expect(pairs).toEqual([
      { a: 0, b: 0 },
      { a: 0, b: 1 },
    ]);
    expect(rowsOf(pairs, 2, 3)).toEqual([
      { a: [0], b: [0, 1] },
      { a: [1], b: [] },
      { a: [], b: [2] },
    ]);
  });

  it('never builds a many-to-many row', () => {
    const s = [
      [1, 1, 0],
      [1, 1, 1],
      [0, 1, 1],
    ];
    for (const row of rowsOf(alignMonotone(s, 3, 3, 0.2), 3, 3))
      expect(Math.min(row.a.length, row.b.length)).toBeLessThanOrEqual(1);
  });
});

describe('alignEditions', () => {
  const wc = builtinEdition('winstanley-chesters-2015')!;
  const lankov = builtinEdition('lankov-2007')!;

  it('covers every paragraph of both texts once, in reading order', () => {
    const alignment = alignEditions(wc, lankov);
    const a = alignment.rows.flatMap((r) => r.a);
    const b = alignment.rows.flatMap((r) => r.b);
    expect(a).toEqual(wc.blocks.filter((x) => x.n !== undefined).map((x) => x.address));
    expect(b).toEqual(lankov.blocks.filter((x) => x.n !== undefined).map((x) => x.address));
  });

  it('an anchor pulls its pair into one row', () => {
    const anchor = { a: 'winstanley-chesters-2015:12.1', b: 'lankov-2007:14.1' };
    const row = alignEditions(wc, lankov, { anchors: [anchor] }).rows.find((r) =>
      r.a.includes('winstanley-chesters-2015:12' as never),
    )!;
    expect(row.b).toContain('lankov-2007:14');
    expect(row.anchored).toBe(true);
  });
});

describe('diptych align', () => {
  async function run(...argv: string[]) {
    let out = '';
    let err = '';
    const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
    return { code, out, err };
  }

  it('prints { a, b, rows } as JSON', async () => {
    const { code, out, err } = await run('align', 'winstanley-chesters-2015', 'lankov-2007');
    expect([code, err]).toEqual([0, '']);
    const json = JSON.parse(out) as { a: string; b: string; rows: { a: string[]; b: string[] }[] };
    expect([json.a, json.b]).toEqual(['winstanley-chesters-2015', 'lankov-2007']);
    expect(json.rows.some((r) => r.a.length > 0 && r.b.length > 0)).toBe(true);
  });

  it('names an unknown source or a missing one in one line', async () => {
    expect((await run('align', 'lankov-2007', 'nope')).err).toMatch(
      /^diptych: unknown source "nope"/,
    );
    const missing = await run('align', 'lankov-2007');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^diptych: usage: diptych align/);
  });
});
