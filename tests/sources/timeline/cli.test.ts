import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/main.ts';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

describe('diptych timeline', () => {
  it('prints the events of both texts as JSON, each tied to a sentence address', async () => {
    const { code, out, err } = await run('timeline');
    expect(code).toBe(0);
    expect(err).toBe('');
    const events = JSON.parse(out) as { source: string; address: string; expression: string }[];
    expect(new Set(events.map((e) => e.source))).toEqual(
      new Set(['winstanley-chesters-2015', 'lankov-2007']),
    );
    for (const e of events) expect(e.address).toMatch(/^[a-z0-9-]+:[a-z]*\d+\.\d+$/);
    expect(events.find((e) => e.expression === 'September 1990')?.address).toBe('lankov-2007:10.1');
  });

  it('takes source ids, and names an unknown one in one line', async () => {
    const only = JSON.parse((await run('timeline', 'lankov-2007')).out) as { source: string }[];
    expect(only.every((e) => e.source === 'lankov-2007')).toBe(true);
    const { code, out, err } = await run('timeline', 'nope');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^diptych: unknown source "nope" \(known: .*\)\n$/);
  });
});
