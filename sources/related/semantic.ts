/**
 * The semantic half of related-passage retrieval (issue 17): a soft match of
 * the query's words against a passage's words through word vectors, so
 * "investing" can meet "donor" and "aid" where BM25 needs the same stem.
 *
 * For each distinct content word q of the query: its best match in the
 * passage is 1 for the same stem, else the highest cosine between q's vector
 * and a passage word's vector, if at least `threshold` (else 0). The score
 * is the idf-weighted mean of those best matches (idf over both sources'
 * paragraphs, so a common word such as "Russia" counts little). The
 * cross-stem matches are kept as the explanation ("investing ~ donor, aid").
 *
 * Why word vectors and not a sentence encoder: no model may be downloaded
 * at run time, a query must answer in ≤ 20 ms in the browser, and GloVe
 * vectors ship in an npm package under PDDL; they are trimmed to what the
 * texts need (`vectors/`). The better design we did not build: a small
 * sentence encoder shipped in a package and run in a worker.
 *
 * What it is for: `related.ts`. Not for: search.
 */
import { cosine, type WordVectors } from './vectors/word-vectors.ts';

/** One side's words: distinct stems with a representative word each. */
export interface StemWords {
  /** stem → the word as tokenized (lower case), first occurrence. */
  readonly words: ReadonlyMap<string, string>;
}

/** A query word matched to passage words of another stem. */
export interface ConceptMatch {
  /** The query's word. */
  readonly query: string;
  /** The passage's words it matched, best first. */
  readonly matches: readonly string[];
  /** The best cosine. */
  readonly similarity: number;
}

/** The soft-match score and its explanation. */
export interface SemanticScore {
  /** In [0, 1]. */
  readonly score: number;
  /** Cross-stem matches, by contribution. */
  readonly concepts: readonly ConceptMatch[];
}

/** Parameters of the soft match. */
export interface SemanticParams {
  /** Lowest cosine that counts as a match. */
  readonly threshold: number;
}

/** Soft-match score of a query against a passage. Pure. */
export function semanticScore(
  query: StemWords,
  passage: StemWords,
  vectors: WordVectors,
  idf: (stem: string) => number,
  params: SemanticParams,
): SemanticScore {
  let num = 0;
  let den = 0;
  const concepts: (ConceptMatch & { weight: number })[] = [];
  // Each passage word's vector looked up once, not once per query word (this loop is the hot path).
  const others: { word: string; vector: Float32Array }[] = [];
  for (const other of passage.words.values()) {
    const vector = vectors.vectors.get(other);
    if (vector) others.push({ word: other, vector });
  }
  for (const [stem, word] of query.words) {
    const w = idf(stem);
    den += w;
    if (passage.words.has(stem)) {
      num += w;
      continue;
    }
    const v = vectors.vectors.get(word);
    if (!v) continue;
    const hits: { word: string; sim: number }[] = [];
    for (const other of others) {
      const sim = cosine(v, other.vector);
      if (sim >= params.threshold) hits.push({ word: other.word, sim });
    }
    if (hits.length === 0) continue;
    hits.sort((a, b) => b.sim - a.sim || (a.word < b.word ? -1 : 1));
    num += w * hits[0]!.sim;
    concepts.push({
      query: word,
      matches: hits.slice(0, 3).map((h) => h.word),
      similarity: hits[0]!.sim,
      weight: w * hits[0]!.sim,
    });
  }
  concepts.sort((a, b) => b.weight - a.weight);
  return {
    score: den > 0 ? num / den : 0,
    concepts: concepts.map(({ query: q, matches, similarity }) => ({
      query: q,
      matches,
      similarity,
    })),
  };
}

/**
 * One side's words ready for `matchConcepts`: the words worth showing as a
 * concept (the caller's `keep`), with their unit vectors packed into one
 * array, so the hot loop reads contiguous memory. Built once per passage
 * when the index is built, once per query.
 */
export interface ConceptWords {
  /** The words (lower case), one per stem. */
  readonly words: readonly string[];
  /** Their stems, in the same order. */
  readonly stems: readonly string[];
  /** `words.length × dims` floats: word i's unit vector at `i × dims`. */
  readonly matrix: Float32Array;
  /** Dimensions per vector. */
  readonly dims: number;
}

/** The words of `side` that have a vector and that `keep` accepts, packed (see `ConceptWords`). */
export function conceptWords(
  side: StemWords,
  vectors: WordVectors,
  keep: (word: string) => boolean,
): ConceptWords {
  const words: string[] = [];
  const stems: string[] = [];
  const found: Float32Array[] = [];
  for (const [stem, word] of side.words) {
    const v = vectors.vectors.get(word);
    if (!v || !keep(word)) continue;
    words.push(word);
    stems.push(stem);
    found.push(v);
  }
  const matrix = new Float32Array(found.length * vectors.dims);
  found.forEach((v, i) => matrix.set(v, i * vectors.dims));
  return { words, stems, matrix, dims: vectors.dims };
}

/**
 * The concepts that explain a hit: for each query word whose stem the
 * passage lacks, the passage words (of stems the query lacks) whose cosine
 * is at least `threshold`, best three first; concepts ordered by idf ×
 * best cosine, as `semanticScore` orders them. Only words prepared by
 * `conceptWords` take part, so a word the caller would not show costs
 * nothing. Pure.
 */
export function matchConcepts(
  query: ConceptWords,
  queryStems: ReadonlySet<string>,
  passage: ConceptWords,
  passageStems: ReadonlySet<string>,
  idf: (stem: string) => number,
  threshold: number,
): ConceptMatch[] {
  const dims = query.dims;
  const a = query.matrix;
  const b = passage.matrix;
  const candidates: number[] = [];
  for (let j = 0; j < passage.words.length; j++)
    if (!queryStems.has(passage.stems[j]!)) candidates.push(j);
  const out: (ConceptMatch & { weight: number })[] = [];
  for (let i = 0; i < query.words.length; i++) {
    if (passageStems.has(query.stems[i]!)) continue;
    const hits: { word: string; sim: number }[] = [];
    const qi = i * dims;
    for (const j of candidates) {
      const pj = j * dims;
      let sim = 0;
      for (let d = 0; d < dims; d++) sim += a[qi + d]! * b[pj + d]!;
      if (sim >= threshold) hits.push({ word: passage.words[j]!, sim });
    }
    if (hits.length === 0) continue;
    hits.sort((x, y) => y.sim - x.sim || (x.word < y.word ? -1 : 1));
    out.push({
      query: query.words[i]!,
      matches: hits.slice(0, 3).map((h) => h.word),
      similarity: hits[0]!.sim,
      weight: idf(query.stems[i]!) * hits[0]!.sim,
    });
  }
  out.sort((x, y) => y.weight - x.weight);
  return out.map(({ query: q, matches, similarity }) => ({ query: q, matches, similarity }));
}
