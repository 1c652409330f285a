/**
 * The text-parsing worker ("Open a text"): runs `editionFromBytes` off the
 * page's thread and posts progress, then the edition in parts
 * (`parse-protocol.ts`). One request per worker: the page starts a worker
 * per file and terminates it when done, cancelled or over the time limit.
 */
import { editionFromBytes } from '../../sources/edition-from-bytes.ts';
import { BLOCKS_PER_MESSAGE, ParseRequestSchema, type ParseReply } from './parse-protocol.ts';

const post = (reply: ParseReply): void => self.postMessage(reply);

self.onmessage = (event: MessageEvent<unknown>): void => {
  const request = ParseRequestSchema.safeParse(event.data);
  if (!request.success) return post({ type: 'refused', reason: 'could not be read' });
  const { bytes, id, title } = request.data;
  const result = editionFromBytes(bytes, {
    id,
    title,
    onProgress: ({ stage, done, total }) => post({ type: 'progress', stage, done, total }),
  });
  if (!result.ok) return post({ type: 'refused', reason: result.reason });
  const { blocks, ...rest } = result.edition;
  for (let i = 0; i < blocks.length; i += BLOCKS_PER_MESSAGE)
    post({ type: 'blocks', blocks: blocks.slice(i, i + BLOCKS_PER_MESSAGE) });
  post({ type: 'done', edition: rest });
};
