/**
 * Messages between the page and the text-parsing worker
 * (`parse-worker.ts`), checked with zod on arrival on both sides.
 *
 * The parsed text comes back in parts, each taken in by the page in one
 * short task (issue 12: no task over 200 ms while a 100,000-paragraph text
 * is added):
 * - its edition's blocks as JSON text in batches of `BLOCKS_PER_MESSAGE`:
 *   the page's `JSON.parse` of a batch costs less than structured-clone
 *   deserialization of the same objects (as `stored-set-protocol.ts` found),
 *   and the worker serialises each block once, for the message and for the
 *   stored edition alike;
 * - its content and plain text (3.3 MB each for that text) in slices of
 *   `TEXT_SLICE` characters: one message holding both took the page's thread
 *   150 ms to deserialise on a loaded machine;
 * - then the rest (`done`).
 * The batches' blocks are checked for shape (an array of objects with an
 * address and text), not deeply: the worker is our own code from our own
 * origin, and a full schema over 100,000 blocks would itself be the long
 * task this protocol avoids.
 */
import { z } from 'zod';
import type { ImportedText } from '../../sources/import-text.ts';

/** Blocks per `blocks` message. */
export const BLOCKS_PER_MESSAGE = 250;

/** UTF-16 code units per `slice` message (a few ms to copy). */
export const TEXT_SLICE = 256 * 1024;

/** Page → worker: parse these bytes (a file) or this string (a paste, stored content). */
export const ParseRequestSchema = z.object({
  type: z.literal('parse'),
  input: z.union([z.instanceof(Uint8Array), z.string()]),
  name: z.string().max(1_000),
  /** Keep this id (a new version, a stored text) instead of deriving one. */
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/)
    .optional(),
});
/** Page → worker. */
export type ParseRequest = z.infer<typeof ParseRequestSchema>;

/**
 * A block's shape, checked in place: `z.looseObject` would copy every block, and on a
 * 100,000-block text those copies double what the page allocates while receiving, and with it
 * the garbage collections that make its longest tasks (issue 12).
 */
const BlockShape = z.custom<{ address: string; text: string }>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { address?: unknown }).address === 'string' &&
    typeof (value as { text?: unknown }).text === 'string',
  { message: 'a block needs an address and a text' },
);

/** Worker → page. */
export const ParseReplySchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('progress'),
    stage: z.literal('markdown'),
    done: z.number().int().nonnegative(),
    total: z.number().int().positive(),
  }),
  /** A JSON array of blocks (see `BlockBatchSchema`). */
  z.object({ type: z.literal('blocks'), json: z.string() }),
  /** The next slice of the text's `content` or of its edition's `text`. */
  z.object({ type: z.literal('slice'), field: z.enum(['content', 'text']), text: z.string() }),
  z.object({
    type: z.literal('done'),
    text: z.object({
      id: z.string(),
      name: z.string(),
      format: z.enum(['markdown', 'html']),
      facts: z.looseObject({
        title: z.string(),
        authors: z.array(
          z.union([z.string(), z.object({ family: z.string(), given: z.string() })]),
        ),
      }),
      blobs: z.object({ content: z.instanceof(Blob), edition: z.instanceof(Blob) }).optional(),
      edition: z.looseObject({
        id: z.string(),
        title: z.string(),
        lang: z.string(),
        footnotes: z.array(BlockShape),
        messages: z.array(z.unknown()),
      }),
    }),
  }),
  z.object({ type: z.literal('refused'), reason: z.string() }),
]);

/** `value` in slices of `size` UTF-16 code units, in order (one, empty, for an empty string). */
export function sliceText(value: string, size = TEXT_SLICE): string[] {
  const slices: string[] = [];
  let at = 0;
  do {
    slices.push(value.slice(at, at + size));
    at += size;
  } while (at < value.length);
  return slices;
}

/** What a `blocks` message's JSON holds. */
export const BlockBatchSchema = z.array(BlockShape);

/**
 * The parsed text without its edition's blocks (they come in `blocks` messages), its content
 * and its edition's text (they come in `slice` messages).
 */
export type TextWithoutParts = Omit<ImportedText, 'edition' | 'content'> & {
  readonly edition: Omit<ImportedText['edition'], 'blocks' | 'text'>;
};

/** Worker → page. */
export type ParseReply =
  | {
      readonly type: 'progress';
      readonly stage: 'markdown';
      readonly done: number;
      readonly total: number;
    }
  | { readonly type: 'blocks'; readonly json: string }
  | { readonly type: 'slice'; readonly field: 'content' | 'text'; readonly text: string }
  | { readonly type: 'done'; readonly text: TextWithoutParts }
  | { readonly type: 'refused'; readonly reason: string };
