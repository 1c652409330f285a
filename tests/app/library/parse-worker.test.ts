// The parse worker's messages, run in Node with a stand-in for the worker's global scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BLOCKS_PER_MESSAGE,
  BlockBatchSchema,
  ParseReplySchema,
  sliceText,
  TEXT_SLICE,
} from '../../../app/library/parse-protocol.ts';
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
  it('posts progress, the blocks in batches, the texts in slices, then the rest, each valid by the protocol', async () => {
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
    const done = messages.at(-1) as {
      text: { id: string; content?: string; edition: object; blobs: { edition: Blob } };
    };
    expect(done.text.id).toMatch(/^long-[0-9a-f]{10}$/);
    expect(done.text).not.toHaveProperty('content');
    expect(done.text.edition).not.toHaveProperty('blocks');
    expect(done.text.edition).not.toHaveProperty('text');
    // The content and the edition's text, each in slices of at most TEXT_SLICE characters.
    const slices = (field: string) =>
      messages.flatMap((m) => {
        const s = m as { type: string; field?: string; text?: string };
        return s.type === 'slice' && s.field === field ? [s.text!] : [];
      });
    expect(slices('content').join('')).toBe(text);
    const blocks = messages.flatMap((m) => {
      const b = m as { type: string; json?: string };
      return b.type === 'blocks' ? BlockBatchSchema.parse(JSON.parse(b.json!)) : [];
    });
    expect(blocks).toHaveLength(4500);
    expect(blocks[4499]).toMatchObject({ text: 'Paragraph 4500.' });
    // The stored edition (its JSON assembled from the batches) is the edition the page gets.
    const stored = JSON.parse(await done.text.blobs.edition.text()) as {
      blocks: unknown[];
      text: string;
    };
    expect(stored).toEqual({ ...done.text.edition, blocks, text: slices('text').join('') });
    expect(stored.text.startsWith('Paragraph 1.\n\nParagraph 2.')).toBe(true);
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
        reason: '“x.bin” looks like binary data (an image, a PDF or a Word file, say), not text.',
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
    const parsed = BlockBatchSchema.parse([block]);
    expect(parsed[0]).toBe(block);
    for (const bad of [{ text: 'One.' }, { address: 'x:1' }, { address: 1, text: '' }, null, 'x'])
      expect(BlockBatchSchema.safeParse([bad]).success).toBe(false);
    expect(ParseReplySchema.safeParse({ type: 'blocks', json: '[]' }).success).toBe(true);
    expect(ParseReplySchema.safeParse({ type: 'blocks', blocks: [block] }).success).toBe(false);
  });
});

describe('sliceText', () => {
  it('cuts a long text into slices of TEXT_SLICE characters that join back to it', () => {
    const long = 'ab\u00e9\ud55c'.repeat(150_000);
    const slices = sliceText(long);
    expect(slices).toHaveLength(Math.ceil(long.length / TEXT_SLICE));
    expect(slices.slice(0, -1).every((s) => s.length === TEXT_SLICE)).toBe(true);
    expect(slices.join('')).toBe(long);
    expect(sliceText('')).toEqual(['']);
    expect(sliceText('abc', 2)).toEqual(['ab', 'c']);
  });
});
