/**
 * Messages between the page and the text-parsing worker
 * (`parse-worker.ts`), checked with zod on arrival on both sides.
 *
 * The parsed text comes back in parts: its edition's blocks in batches of
 * `BLOCKS_PER_MESSAGE`, then the rest. A 100,000-paragraph edition cloned
 * in one message took the page's thread several hundred milliseconds to
 * receive; batches keep every task short. The batches' blocks are checked
 * for shape (an array of objects with an address and text), not deeply: the
 * worker is our own code from our own origin, and a full schema over 100,000
 * blocks would itself be the long task this protocol avoids.
 */
import { z } from 'zod';
import type { Block } from '../../sources/edition.ts';
import type { ImportedText } from '../../sources/import-text.ts';

/** Blocks per `blocks` message. */
export const BLOCKS_PER_MESSAGE = 250;

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
  z.object({ type: z.literal('blocks'), blocks: z.array(BlockShape) }),
  z.object({
    type: z.literal('done'),
    text: z.object({
      id: z.string(),
      name: z.string(),
      format: z.enum(['markdown', 'html']),
      content: z.string(),
      facts: z.looseObject({ title: z.string(), authors: z.array(z.string()) }),
      blobs: z.object({ content: z.instanceof(Blob), edition: z.instanceof(Blob) }).optional(),
      edition: z.looseObject({
        id: z.string(),
        title: z.string(),
        lang: z.string(),
        text: z.string(),
        footnotes: z.array(BlockShape),
        messages: z.array(z.unknown()),
      }),
    }),
  }),
  z.object({ type: z.literal('refused'), reason: z.string() }),
]);

/** The parsed text without its edition's blocks (they come in `blocks` messages). */
export type TextWithoutBlocks = Omit<ImportedText, 'edition'> & {
  readonly edition: Omit<ImportedText['edition'], 'blocks'>;
};

/** Worker → page. */
export type ParseReply =
  | {
      readonly type: 'progress';
      readonly stage: 'markdown';
      readonly done: number;
      readonly total: number;
    }
  | { readonly type: 'blocks'; readonly blocks: readonly Block[] }
  | { readonly type: 'done'; readonly text: TextWithoutBlocks }
  | { readonly type: 'refused'; readonly reason: string };
