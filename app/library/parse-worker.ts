/**
 * The text-parsing worker: runs `importText` (checks, HTML conversion,
 * nesting limits, the pipeline) off the page's thread and posts progress,
 * then the parsed text in parts (`parse-protocol.ts`), with its content and
 * edition serialised into Blobs for storage. One request per
 * worker: the page starts a worker per text and terminates it when done,
 * cancelled or over the time limit (`parse-text.ts`).
 */
import { importDecodedText, importText, type ImportTextResult } from '../../sources/import-text.ts';
import {
  BLOCKS_PER_MESSAGE,
  ParseRequestSchema,
  sliceText,
  type ParseReply,
} from './parse-protocol.ts';

const post = (reply: ParseReply): void => self.postMessage(reply);

async function parse(data: unknown): Promise<void> {
  const request = ParseRequestSchema.safeParse(data);
  if (!request.success) return post({ type: 'refused', reason: 'The text could not be read.' });
  const { input, name, id } = request.data;
  let last = 0;
  const options = {
    ...(id !== undefined ? { id } : {}),
    onProgress: ({ done, total }: { done: number; total: number }) => {
      // A few messages a second are enough for a progress bar.
      const now = performance.now();
      if (now - last < 50 && done < total) return;
      last = now;
      post({ type: 'progress', stage: 'markdown', done, total });
    },
  };
  let result: ImportTextResult;
  if (typeof input === 'string') {
    result =
      input.trim() === ''
        ? { ok: false, reason: `“${name}” is empty.` }
        : await importDecodedText(input, name, options);
  } else {
    result = await importText(input, name, options);
  }
  if (!result.ok) return post({ type: 'refused', reason: result.reason });
  const { edition, content, ...rest } = result.text;
  const { blocks, text, ...editionRest } = edition;
  // Each batch is serialised once: the message's JSON is also a piece of the stored edition's.
  const pieces: string[] = [];
  for (let i = 0; i < blocks.length; i += BLOCKS_PER_MESSAGE) {
    const json = JSON.stringify(blocks.slice(i, i + BLOCKS_PER_MESSAGE));
    post({ type: 'blocks', json });
    pieces.push(pieces.length ? ',' : '', json.slice(1, -1));
  }
  for (const slice of sliceText(content)) post({ type: 'slice', field: 'content', text: slice });
  for (const slice of sliceText(text)) post({ type: 'slice', field: 'text', text: slice });
  // Serialised here, off the page's thread, into Blobs the library stores by reference: the
  // edition's JSON is its blocks' pieces, then its other fields.
  const blobs = {
    content: new Blob([content], { type: 'text/plain;charset=utf-8' }),
    edition: new Blob(
      ['{"blocks":[', ...pieces, '],', JSON.stringify({ ...editionRest, text }).slice(1)],
      { type: 'application/json' },
    ),
  };
  post({ type: 'done', text: { ...rest, edition: editionRest, blobs } });
}

self.onmessage = (event: MessageEvent<unknown>): void => {
  parse(event.data).catch(() => post({ type: 'refused', reason: 'The text could not be parsed.' }));
};
