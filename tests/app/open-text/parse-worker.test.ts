// The parse worker's messages, run in Node with a stand-in for the worker's global scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParseReplySchema, BLOCKS_PER_MESSAGE } from '../../../app/open-text/parse-protocol.ts';

const posted: unknown[] = [];
const scope = globalThis as unknown as {
  self?: { postMessage: (m: unknown) => void; onmessage?: (e: { data: unknown }) => void };
};
beforeAll(async () => {
  scope.self = { postMessage: (m) => posted.push(structuredClone(m)) };
  await import('../../../app/open-text/parse-worker.ts');
});
afterAll(() => {
  delete scope.self;
});

const send = (data: unknown): unknown[] => {
  posted.length = 0;
  scope.self!.onmessage!({ data });
  return [...posted];
};

describe('parse worker', () => {
  it('posts progress, the blocks in batches, then the rest, each valid by the protocol', () => {
    const text = Array.from({ length: 4500 }, (_, i) => `Paragraph ${i + 1}.`).join('\n\n');
    const messages = send({
      type: 'parse',
      bytes: new TextEncoder().encode(text),
      id: 'long',
      title: 'long.md',
    });
    for (const m of messages) expect(ParseReplySchema.safeParse(m).error).toBeUndefined();
    const types = messages.map((m) => (m as { type: string }).type);
    expect(types.filter((t) => t === 'blocks')).toHaveLength(Math.ceil(4500 / BLOCKS_PER_MESSAGE));
    expect(types.at(-1)).toBe('done');
    expect(types[0]).toBe('progress');
  });
  it('refuses bad input in words', () => {
    const [reply] = send({ type: 'parse', bytes: new Uint8Array([0, 1]), id: 'x', title: 'x' });
    expect(reply).toEqual({
      type: 'refused',
      reason: 'looks like binary data (it contains NUL bytes), not text',
    });
    expect(send({ type: 'nonsense' })).toEqual([{ type: 'refused', reason: 'could not be read' }]);
  });
});
