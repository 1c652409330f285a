import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CURATED_FILE } from '../../../annotations/comparisons/curated-collection.ts';
import { CURATED_COMPARISONS } from '../../../annotations/comparisons/curated.ts';
import { main } from '../../../cli/main.ts';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['claims', ...argv], {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
  });
  return { code, out, err };
}

describe('diptych claims', () => {
  it('prints the shipped JSON-LD collection, byte for byte', async () => {
    const { code, out, err } = await run();
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toBe(readFileSync(CURATED_FILE, 'utf8'));
  });

  it('filters by relation into a smaller collection with the same id', async () => {
    const { code, out } = await run('--relation', 'contradicts');
    expect(code).toBe(0);
    const doc = JSON.parse(out) as {
      id: string;
      total: number;
      first: { items: { body: { value: string }[] }[] };
    };
    expect(doc.id).toBe('urn:diptych:comparisons:curated');
    expect(doc.total).toBe(CURATED_COMPARISONS.filter((c) => c.relation === 'contradicts').length);
    for (const item of doc.first.items) expect(item.body[0]!.value).toBe('contradicts');
  });

  it('prints the table as Markdown or CSV, narrowed by topic', async () => {
    const md = await run('--format', 'markdown', '--topic', 'The railway link');
    expect(md.code).toBe(0);
    expect(md.out.match(/^## /gm)).toHaveLength(1);
    expect(md.out).toContain('lankov-2007:33');
    const csv = await run('--format=csv', '--relation', 'agrees,qualifies');
    expect(csv.code).toBe(0);
    const expected = CURATED_COMPARISONS.filter(
      (c) => c.relation === 'agrees' || c.relation === 'qualifies',
    ).length;
    expect(
      csv.out
        .split('\r\n')
        .filter((l) => l.startsWith('urn:') || /^[^,]+,(agrees|qualifies),/.test(l)),
    ).toHaveLength(expected);
  });

  describe('when it fails', () => {
    it('names the valid choices for a bad format or relation (usage error, exit 2)', async () => {
      expect(await run('--format', 'xml')).toMatchObject({
        code: 2,
        err: expect.stringContaining('valid: jsonld, markdown, csv'),
      });
      expect(await run('--relation', 'disagrees')).toMatchObject({
        code: 2,
        err: expect.stringContaining('unknown relation "disagrees"'),
      });
      expect(await run('extra')).toMatchObject({
        code: 2,
        err: expect.stringContaining('usage: diptych claims'),
      });
    });

    it('lists the topics when a topic does not exist', async () => {
      const { code, out, err } = await run('--topic', 'Space travel');
      expect(code).toBe(1);
      expect(out).toBe('');
      expect(err).toMatch(/^diptych: no topic "Space travel" \(topics: .*Human rights.*\)\n$/);
    });
  });
});
