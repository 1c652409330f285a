/**
 * SIF sentence embeddings (Arora, Liang & Ma, "A Simple but Tough-to-Beat
 * Baseline for Sentence Embeddings", ICLR 2017): a sentence is the weighted
 * mean of its words' vectors, each word weighted a / (a + p(w)) by its
 * corpus frequency p(w), and the first principal component of the
 * collection's sentence vectors is then removed from each, because it
 * carries what every sentence shares (syntax, the common words) rather than
 * what one says.
 *
 * p(w): GloVe ships no counts, but its vocabulary is listed by frequency, so
 * p(w) is estimated from the word's rank r by Zipf's law,
 * p = 1 / ((r + 1) · H), H = ln V + γ the harmonic number of the vocabulary
 * size V. A word without a rank counts as rare (weight ≈ 1). a = 10⁻³, the
 * paper's recommended range (10⁻⁴–10⁻³), not tuned here.
 *
 * The component is computed by power iteration over the uncentred vectors
 * (as the paper's truncated SVD), from a fixed start, so the same
 * collection always gives the same component; over at most
 * `PC_SAMPLE` vectors evenly spaced, so a reader's 100,000-paragraph text
 * does not cost seconds.
 *
 * What it is for: the semantic signals of `related.ts` (a paragraph's
 * embedding, and its sentences' for the best-matching sentence pair). What
 * it is not for: explaining a match (word-level: `semantic.ts`).
 */
import type { WordVectors } from './vectors/word-vectors.ts';

/** SIF's smoothing constant a. */
export const SIF_A = 1e-3;

/** Most vectors the principal component is computed from. */
const PC_SAMPLE = 2000;

/** Power-iteration steps (the component settles in far fewer on text). */
const PC_STEPS = 50;

const EULER_GAMMA = 0.5772156649;

/** The SIF weight of a word: a / (a + p(w)), p from its frequency rank (see the head comment). */
export function sifWeight(word: string, vectors: WordVectors): number {
  const rank = vectors.ranks.get(word);
  if (rank === undefined || vectors.vocabularySize === 0) return 1;
  const p = 1 / ((rank + 1) * (Math.log(vectors.vocabularySize) + EULER_GAMMA));
  return SIF_A / (SIF_A + p);
}

/** The SIF-weighted mean of the words' vectors, or null when none has a vector. */
export function sifEmbedding(words: readonly string[], vectors: WordVectors): Float32Array | null {
  const out = new Float32Array(vectors.dims);
  let n = 0;
  for (const word of words) {
    const v = vectors.vectors.get(word);
    if (!v) continue;
    const w = sifWeight(word, vectors);
    for (let d = 0; d < out.length; d++) out[d]! += w * v[d]!;
    n++;
  }
  if (n === 0) return null;
  for (let d = 0; d < out.length; d++) out[d]! /= n;
  return out;
}

/** The first principal component (unit vector) of uncentred vectors; null for none. */
export function firstComponent(vectors: readonly Float32Array[]): Float32Array | null {
  if (vectors.length === 0) return null;
  const dims = vectors[0]!.length;
  const step = Math.max(1, vectors.length / PC_SAMPLE);
  const sample: Float32Array[] = [];
  for (let i = 0; i < vectors.length && sample.length < PC_SAMPLE; i += step)
    sample.push(vectors[Math.floor(i)]!);
  let u = new Float32Array(dims).fill(1 / Math.sqrt(dims));
  for (let it = 0; it < PC_STEPS; it++) {
    const next = new Float32Array(dims);
    for (const v of sample) {
      const dot = dotOf(v, u);
      for (let d = 0; d < dims; d++) next[d]! += dot * v[d]!;
    }
    const norm = Math.sqrt(dotOf(next, next));
    if (norm === 0) return null;
    for (let d = 0; d < dims; d++) next[d]! /= norm;
    u = next;
  }
  return u;
}

/** `v` without its projection on the unit vector `u`, scaled to unit length (zero stays zero). New array. */
export function removeComponent(v: Float32Array, u: Float32Array | null): Float32Array {
  const out = Float32Array.from(v);
  if (u) {
    const dot = dotOf(v, u);
    for (let d = 0; d < out.length; d++) out[d]! -= dot * u[d]!;
  }
  const norm = Math.sqrt(dotOf(out, out));
  if (norm > 0) for (let d = 0; d < out.length; d++) out[d]! /= norm;
  return out;
}

/** Dot product (the cosine, for unit vectors). */
export function dotOf(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let d = 0; d < a.length; d++) s += a[d]! * b[d]!;
  return s;
}
