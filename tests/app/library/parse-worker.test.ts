// The parse worker's messages, run in Node with a stand-in for the worker's global scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLOCKS_PER_MESSAGE, ParseReplySchema } from '../../../app/library/parse-protocol.ts';
import { craftedText } from '../../fixtures/crafted/crafted-texts.ts';

const posted: unknown[] = [];
let ended: (() => void) | null = null;
const scope = globalThis as unknown as {
  self?: { postMessage: (m: unknown) => void; onmessage?: (e: { data: unknown }) => void };
};
beforeAll(async () => {
  scope.self = {
    postMessage: (m) => {
      posted.push(structuredClone(m));
      const type = (m as { type: string }).type;
      if (type === 'done' || type === 'refused') ended?.();
    },
  };
  await import('../../../app/library/parse-worker.ts');
});
afterAll(() => {
  delete scope.self;
});

/** Sends one request and resolves to every message posted until the last one. */
const send = (data: unknown): Promise<unknown[]> => {
  posted.length = 0;
  return new Promise((resolve) => {
    ended = () => resolve([...posted]);
    scope.self!.onmessage!({ data });
  });
};

describe('parse worker', () => {
  it('posts progress, the blocks in batches, then the rest, each valid by the protocol', async () => {
    const text = Array.from({ length: 4500 }, (_, i) => `Paragraph ${i + 1}.`).join('\n\n');
    const messages = await send({
      type: 'parse',
      input: new TextEncoder().encode(text),
      name: 'long.md',
    });
    for (const m of messages) expect(ParseReplySchema.safeParse(m).error).toBeUndefined();
    const types = messages.map((m) => (m as { type: string }).type);
    expect(types.filter((t) => t === 'blocks')).toHaveLength(Math.ceil(4500 / BLOCKS_PER_MESSAGE));
    expect(types.at(-1)).toBe('done');
    expect(types[0]).toBe('progress');
    const done = messages.at(-1) as { text: { id: string; content: string; edition: object } };
    expect(done.text.id).toMatch(/^long-[0-9a-f]{10}$/);
    expect(done.text.content).toBe(text);
    expect(done.text.edition).not.toHaveProperty('blocks');
  });

  it('keeps a given id, and parses a string (a paste, stored content)', async () => {
    const messages = await send({
      type: 'parse',
      input: 'One paragraph.',
      name: 'p.md',
      id: 'kept-0123456789',
    });
    expect((messages.at(-1) as { text: { id: string } }).text.id).toBe('kept-0123456789');
  });

  it('refuses bad input and crafted nesting in words', async () => {
    expect(await send({ type: 'parse', input: new Uint8Array([0, 1]), name: 'x.bin' })).toEqual([
      {
        type: 'refused',
        reason: '“x.bin” looks like binary data (it contains NUL bytes), not text.',
      },
    ]);
    expect(
      await send({ type: 'parse', input: craftedText('blockquotes.md'), name: 'q.md' }),
    ).toEqual([
      {
        type: 'refused',
        reason: '“q.md” nests lists and blockquotes 10,000 deep on line 1 (the limit is 32).',
      },
    ]);
    expect(await send({ type: 'parse', input: '  \n', name: 'e.md' })).toEqual([
      { type: 'refused', reason: '“e.md” is empty.' },
    ]);
    expect(await send({ type: 'nonsense' })).toEqual([
      { type: 'refused', reason: 'The text could not be read.' },
    ]);
  });
});

describe('the reply schema', () => {
  it('checks each block in place (no copy) and refuses one without an address or text', () => {
    const block = { address: 'x:1', text: 'One.', sentences: [] };
    const parsed = ParseReplySchema.parse({ type: 'blocks', blocks: [block] });
    expect(parsed.type === 'blocks' && parsed.blocks[0]).toBe(block);
    for (const bad of [{ text: 'One.' }, { address: 'x:1' }, { address: 1, text: '' }, null, 'x'])
      expect(ParseReplySchema.safeParse({ type: 'blocks', blocks: [bad] }).success).toBe(false);
  });
});
