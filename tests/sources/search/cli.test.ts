import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/main.ts';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

describe('diptych search', () => {
  it('prints the hits as JSON', async () => {
    const { code, out, err } = await run('search', 'Kim Il Sung', '--limit', '3');
    expect(code).toBe(0);
    expect(err).toBe('');
    const hits = JSON.parse(out) as Record<string, unknown>[];
    expect(hits).toHaveLength(3);
    for (const h of hits) {
      expect(Object.keys(h).sort()).toEqual(
        [
          'address',
          'end',
          'highlights',
          'kind',
          'passage',
          'score',
          'snippet',
          'source',
          'start',
          'text',
        ].sort(),
      );
    }
    expect(hits.map((h) => h.source)).toContain('winstanley-chesters-2015');
  });

  it('joins several words into one query', async () => {
    const one = await run('search', 'Kim Il Sung');
    const many = await run('search', 'Kim', 'Il', 'Sung');
    expect(many.out).toBe(one.out);
  });

  it('prints the sentences holding some of the words, with what each lacks, when none holds all', async () => {
    const { code, out } = await run('search', 'oil subsidies', '--limit', '1');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject([
      { address: 'lankov-2007:10.2', missing: ['subsidies'] },
    ]);
  });

  it('prints [] when nothing matches', async () => {
    const { code, out } = await run('search', 'zyzzyva');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual([]);
  });

  describe('when it fails', () => {
    it('says there is nothing to search for in a query of punctuation', async () => {
      const { code, out, err } = await run('search', '?!—');
      expect(code).toBe(1);
      expect(out).toBe('');
      expect(err).toBe('diptych: nothing to search for: the query has no letters or digits\n');
    });

    it('shows usage without a query, and rejects a bad --limit', async () => {
      expect((await run('search')).code).toBe(2);
      const bad = await run('search', 'Korea', '--limit', 'lots');
      expect(bad.code).toBe(2);
      expect(bad.err).toMatch(
        /^diptych: --limit must be a whole number from 1 to \d+ \(got "lots"\)\n$/,
      );
    });

    it('warns on stderr when a long query is cut, and still answers', async () => {
      const { code, out, err } = await run('search', 'Korea '.repeat(2000));
      expect(code).toBe(0);
      expect(err).toMatch(/query was cut/);
      expect(Array.isArray(JSON.parse(out))).toBe(true);
    });
  });
});
